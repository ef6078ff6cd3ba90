import type { ContentDefinition } from '@waymark/shared';

export interface TranslationsEditorProps {
  definition: ContentDefinition;
  onChange: (next: ContentDefinition) => void;
  readOnly: boolean;
}

/** Placeholder (H6): locale tabs, strings with missing markers, JSON/CSV import and export. */
export function TranslationsEditor(_props: TranslationsEditorProps) {
  return <p class="muted">Translations are not built yet.</p>;
}
