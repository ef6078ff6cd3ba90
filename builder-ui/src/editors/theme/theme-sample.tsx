import type { Theme } from '@waymark/shared';
import { resolveTheme } from './theme-colors';

/**
 * A small card drawn with the theme: heading, text, progress, a link and a primary button. An
 * illustration (an SVG image with a text alternative): its colours are the author's choice, which
 * the contrast checks beside it judge, so it is not itself held to the builder's contrast rules.
 */
export function ThemeSample({ theme, label = 'Preview' }: { theme: Theme; label?: string }) {
  const t = resolveTheme(theme);
  const r = Math.min(t.radius, 24);
  return (
    <figure class="theme-sample-frame">
      <figcaption class="theme-sample-caption">{label}</figcaption>
      <svg
        class="theme-sample"
        viewBox="0 0 280 170"
        role="img"
        aria-label="A sample card in this theme: a heading, a line of text, a progress bar, a link and a button."
        style={{ fontFamily: t.font }}
      >
        <rect
          x="0.5"
          y="0.5"
          width="279"
          height="169"
          rx={r}
          fill={t.background}
          stroke="rgb(0 0 0 / 12%)"
        />
        <text x="18" y="36" fill={t.text} font-size="16" font-weight="650">
          Welcome aboard
        </text>
        <text x="18" y="60" fill={t.text} font-size="13">
          Take two minutes to set up
        </text>
        <text x="18" y="78" fill={t.text} font-size="13">
          your workspace.
        </text>
        <rect x="18" y="94" width="244" height="6" rx="3" fill={t.text} fill-opacity="0.15" />
        <rect x="18" y="94" width="98" height="6" rx="3" fill={t.accent} />
        <text x="18" y="142" fill={t.accent} font-size="13" text-decoration="underline">
          Maybe later
        </text>
        <rect x="156" y="120" width="106" height="34" rx={Math.max(4, r - 4)} fill={t.accent} />
        <text
          x="209"
          y="142"
          fill={t.accentText}
          font-size="13"
          font-weight="600"
          text-anchor="middle"
        >
          Get started
        </text>
      </svg>
    </figure>
  );
}
