/**
 * The widget's whole stylesheet, adopted by the shadow root as a constructable stylesheet (no
 * `<style>` element, no style attributes), so it works under `style-src 'self'`.
 * `:host { all: initial }` stops host-page CSS from leaking in. Page rules that match the host
 * element itself (`* { letter-spacing: 2px }`) beat `:host`, so the inner `.wm` resets again
 * before anything is inherited. Custom properties still inherit (`all` leaves them alone),
 * so a host may theme with `#waymark-root { --waymark-accent: …; --waymark-radius: …;
 * --waymark-font: … }`. Selectors are short on purpose: the shadow root scopes them, and every
 * byte ships to every page.
 */
export const widgetCss =
  ':host{all:initial;position:fixed;top:0;left:0;z-index:2147483647}' +
  '.wm{all:initial;--a:var(--waymark-accent,#4f46e5);font:14px/1.5 var(--waymark-font,system-ui,sans-serif);color:#1d2433}' +
  '*{box-sizing:border-box}' +
  '.card{position:fixed;top:0;left:0;width:max-content;min-width:240px;max-width:min(340px,calc(100vw - 16px));padding:16px;background:#fff;border:1px solid #e4e7ec;border-radius:var(--waymark-radius,12px);box-shadow:0 12px 32px #1018282e;animation:in .2s}' +
  '.tip{visibility:hidden}' +
  '.card:focus{outline:0}' +
  '.arrow{position:absolute;width:12px;height:12px;background:inherit;border:inherit;border-radius:0;transform:rotate(45deg)}' +
  '[data-side=bottom] .arrow{top:-7px;border-width:1px 0 0 1px}' +
  '[data-side=top] .arrow{bottom:-7px;border-width:0 1px 1px 0}' +
  '[data-side=right] .arrow{left:-7px;border-width:0 0 1px 1px}' +
  '[data-side=left] .arrow{right:-7px;border-width:1px 1px 0 0}' +
  '.back{position:fixed;inset:0;display:grid;place-items:center;padding:16px;background:#0f172a73}' +
  '.back>.card{position:relative;max-width:min(440px,100%);padding:24px}' +
  '.slide{top:auto;left:auto;right:20px;bottom:20px}' +
  'h2{margin:0 28px 6px 0;font-size:16px;line-height:1.35}' +
  'p{margin:0 0 8px}' +
  'code{padding:1px 5px;border-radius:4px;background:#f2f4f7}' +
  'a{color:var(--a)}' +
  'img{display:block;max-width:100%;margin:4px 0 10px;border-radius:8px}' +
  '.foot{display:flex;flex-wrap:wrap;justify-content:flex-end;align-items:center;gap:8px;margin-top:14px}' +
  '.count{margin-right:auto;font-size:12px;color:#667085}' +
  'button{all:unset;cursor:pointer;padding:8px 14px;border-radius:8px;font-size:13px;font-weight:600;line-height:18px}' +
  '.primary{background:var(--a);color:#fff}' +
  '.secondary{box-shadow:inset 0 0 0 1px #d0d5dd}' +
  '.link{padding:8px 4px;color:var(--a)}' +
  'button:hover{filter:brightness(.92)}' +
  '.x{position:absolute;top:8px;right:8px;padding:0 8px;font-size:20px;font-weight:400;line-height:28px;color:#667085}' +
  ':focus-visible{outline:2px solid var(--a);outline-offset:2px}' +
  '@keyframes in{from{opacity:0}}';
