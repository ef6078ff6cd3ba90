const COLORS = ['#f59e0b', '#10b981', '#3b82f6', '#ef4444', '#a855f7', '#ec4899'];

/** A short CSS-only confetti burst over a card; hidden under `prefers-reduced-motion`. */
export function ConfettiView() {
  return (
    <div class="confetti" aria-hidden="true">
      {Array.from({ length: 18 }, (_, i) => (
        <i key={i} style={{ '--x': (i * 37) % 100, '--c': COLORS[i % COLORS.length] }} />
      ))}
    </div>
  );
}

export const confettiCss =
  '.confetti{position:absolute;inset:0;overflow:hidden;pointer-events:none;border-radius:inherit}' +
  '.confetti i{position:absolute;top:-10px;left:calc(var(--x)*1%);width:8px;height:12px;background:var(--c);animation:wm-fall 1.8s ease-in forwards;animation-delay:calc(var(--x)*6ms)}' +
  '@keyframes wm-fall{to{transform:translateY(420px) rotate(540deg);opacity:0}}' +
  '@media (prefers-reduced-motion:reduce){.confetti{display:none}}';
