import type { Theme } from '@waymark/shared';

export interface DesignPanelProps {
  /** The shared theme the draft uses, or null for the default look. */
  themeId: string | null;
  onThemeId: (id: string | null) => void;
  /** The definition's own theme fields, which override the shared theme. */
  theme: Partial<Theme> | undefined;
  onTheme: (theme: Partial<Theme> | undefined) => void;
  readOnly: boolean;
}

/** Placeholder (H6): pick a shared theme and override colours, radius and font. */
export function DesignPanel(_props: DesignPanelProps) {
  return <p class="muted">Design settings are not built yet.</p>;
}
