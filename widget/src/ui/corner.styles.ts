/** The pulsing beacon (hotspots, beacon launchers). */
export const beaconCss =
  '.beacon{position:fixed;width:24px;height:24px;padding:0;border-radius:50%;background:var(--a);box-shadow:0 0 0 4px #fff9}' +
  '.beacon:before{content:"";position:absolute;inset:0;border-radius:50%;background:var(--a);animation:wm-pulse 1.6s infinite}' +
  '@keyframes wm-pulse{to{transform:scale(2.2);opacity:0}}';

/** Corner launch buttons (checklist, launcher). */
export const cornerCss =
  '.launch{position:fixed;bottom:20px;inset-inline-end:20px;display:flex;align-items:center;gap:8px;padding:10px 16px;border-radius:999px;background:var(--a);color:var(--at);box-shadow:0 8px 24px #10182840}' +
  '.launch.bottom-left{inset-inline:20px auto}' +
  '.badge{min-width:20px;padding:0 6px;border-radius:10px;background:var(--at);color:var(--a);font-size:12px;line-height:20px}' +
  '.icon{width:40px;height:40px;padding:0;justify-content:center;font-size:18px}';
