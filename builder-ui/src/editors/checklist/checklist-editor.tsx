import type { ChecklistDefinition } from '@waymark/shared';
import type { KindEditorProps } from '../editor-props';

/** Placeholder until this editor is built (H6). */
export function ChecklistEditor(_props: KindEditorProps<ChecklistDefinition>) {
  return <p class="muted">The checklist editor is not built yet.</p>;
}
