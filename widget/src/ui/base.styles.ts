/**
 * The stylesheet every surface shares, adopted by the shadow root as a constructable stylesheet
 * (no `<style>` element, no style attributes), so it works under `style-src 'self'`.
 *
 * Isolation: across a shadow boundary the inner context's `!important` declarations beat the
 * page's, while the page's normal rules beat a normal `:host` rule. So `:host` resets every
 * property with `all:initial!important` (no `*{font-size:40px!important}`,
 * `div:empty{display:none!important}` or `*{opacity:.5!important}` can reach the host) and sets
 * back, `!important` too, only what it needs. Each layer `.wm` resets again so nothing is inherited from the host.
 * Custom properties still inherit (`all` leaves them alone): a host may theme with
 * `#waymark-root { --waymark-accent: …; --waymark-radius: …; --waymark-font: … }`; a content
 * theme sets the same properties on its layer (`stage.ts`), where they beat the host's. The sheet
 * reads each once, through a short name (`--a`, `--at`, `--r`) where it reads it often.
 * Selectors are short on purpose: the shadow root scopes them, and every byte ships. Reduced
 * motion stops animations on `:before` too (`*` matches no pseudo-element: the beacons pulse there).
 */
export const baseCss =
  ':host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important}' +
  '.wm{all:initial;--a:var(--waymark-accent,#4f46e5);--at:var(--waymark-accent-text,#fff);--r:var(--waymark-radius,12px);display:block;font:14px/1.5 var(--waymark-font,system-ui,sans-serif);color:var(--waymark-text,#1d2433)}' +
  '[dir=rtl]{direction:rtl}' +
  '*{box-sizing:border-box}' +
  '.card{position:fixed;top:0;left:0;width:max-content;min-width:240px;max-width:min(340px,calc(100vw - 16px));padding:16px;background:var(--waymark-background,#fff);border:1px solid #8883;border-radius:var(--r);box-shadow:0 12px 32px #1018282e;animation:wm-in .2s}' +
  '.card:focus{outline:0}' +
  'h2{margin:0 0 6px;margin-inline-end:28px;font-size:16px;line-height:1.35}' +
  'p,ul,ol{margin:0 0 8px}' +
  'ul,ol{padding-inline-start:20px}' +
  'code{padding:1px 5px;border-radius:4px;background:#8882}' +
  'a{color:var(--a)}' +
  'img{display:block;max-width:100%;margin:4px 0 10px;border-radius:8px}' +
  '.foot{display:flex;flex-flow:wrap;justify-content:flex-end;align-items:center;gap:8px;margin-top:14px}' +
  '.count{margin-inline-end:auto;font-size:12px;opacity:.8}' +
  'button{all:unset;box-sizing:border-box;cursor:pointer;padding:8px 14px;border-radius:8px;font-size:13px;font-weight:600;line-height:18px;text-align:center}' +
  '.primary{background:var(--a);color:var(--at)}' +
  '.secondary{box-shadow:inset 0 0 0 1px #8889}' +
  '.link{padding:8px 4px;color:var(--a)}' +
  'button:hover{filter:brightness(.92)}' +
  '.x{position:absolute;top:8px;inset-inline-end:8px;padding:0 8px;font-size:20px;font-weight:400;line-height:28px;opacity:.75}' +
  ':focus-visible{outline:2px solid var(--a);outline-offset:2px}' +
  // Entry fade from .6, not 0: the card is seen in the first frame it is drawn (issue 3).
  '@keyframes wm-in{from{opacity:.6}}' +
  '@media (prefers-reduced-motion){*,:before{animation:none!important;transition:none!important}}';
/** Visually hidden, still read by screen readers (survey and checklist labels). */
export const vhCss =
  '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';
