import type { Theme } from '@waymark/shared';

/** A theme with every field set. */
export type ResolvedTheme = { [K in keyof Theme]-?: NonNullable<Theme[K]> };

/** The widget's look when a theme leaves a field unset (see ThemeSchema). */
export const DEFAULT_THEME: ResolvedTheme = {
  accent: '#4f46e5',
  accentText: '#ffffff',
  background: '#ffffff',
  text: '#1d2433',
  radius: 12,
  font: 'system-ui, sans-serif',
};

/** The defaults overlaid by each layer's set fields, in order (later wins). */
export function resolveTheme(...layers: (Theme | undefined)[]): ResolvedTheme {
  const out: Record<string, unknown> = { ...DEFAULT_THEME };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {}))
      if (value !== undefined) out[key] = value;
  }
  return out as ResolvedTheme;
}

export type Rgb = [number, number, number];

const clamp = (n: number, max: number) => Math.min(max, Math.max(0, n));

function hslToRgb(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * The red, green and blue (0–255) of a colour the theme accepts: `#rgb`, `#rgba`, `#rrggbb`,
 * `#rrggbbaa`, `rgb()`/`rgba()` and `hsl()`/`hsla()`. Alpha is ignored. Null when unreadable.
 */
export function parseColor(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
  if (hex) {
    if (hex.length === 3 || hex.length === 4) {
      return [0, 1, 2].map((i) => parseInt(hex[i]! + hex[i]!, 16)) as Rgb;
    }
    if (hex.length === 6 || hex.length === 8) {
      return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
    }
    return null;
  }
  const fn = /^(rgb|hsl)a?\(([^)]*)\)$/.exec(text);
  if (!fn) return null;
  const parts = fn[2]!
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map((p) => ({ n: parseFloat(p), pct: p.endsWith('%') }));
  if (parts.length < 3 || parts.slice(0, 3).some((p) => Number.isNaN(p.n))) return null;
  const [a, b, c] = parts as [(typeof parts)[0], (typeof parts)[0], (typeof parts)[0]];
  if (fn[1] === 'rgb') {
    return [a, b, c].map((p) => Math.round(clamp(p.pct ? (p.n * 255) / 100 : p.n, 255))) as Rgb;
  }
  return hslToRgb(((a.n % 360) + 360) % 360, clamp(b.n, 100) / 100, clamp(c.n, 100) / 100);
}

/** `#rrggbb` for a colour input, or null when unreadable. */
export function toHex(value: string): string | null {
  const rgb = parseColor(value);
  return rgb ? `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}` : null;
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours, 1–21; null when either is unreadable. */
export function contrastRatio(a: string, b: string): number | null {
  const x = parseColor(a);
  const y = parseColor(b);
  if (!x || !y) return null;
  const [hi, lo] = [luminance(x), luminance(y)].sort((m, n) => n - m) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for body text. */
export const AA_TEXT = 4.5;

export interface ContrastCheck {
  pair: string;
  ratio: number;
  ok: boolean;
}

/** The pairings people read: text and links on the background, button text on the accent. */
export function contrastChecks(theme: Theme): ContrastCheck[] {
  const t = resolveTheme(theme);
  const checks: ContrastCheck[] = [];
  const text = contrastRatio(t.text, t.background);
  if (text !== null) checks.push({ pair: 'Text on background', ratio: text, ok: text >= AA_TEXT });
  const link = contrastRatio(t.accent, t.background);
  if (link !== null)
    checks.push({ pair: 'Links (accent) on background', ratio: link, ok: link >= AA_TEXT });
  const button = contrastRatio(t.accentText, t.accent);
  if (button !== null) {
    checks.push({ pair: 'Button text on accent', ratio: button, ok: button >= AA_TEXT });
  }
  return checks;
}
