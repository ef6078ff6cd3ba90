import type { SurveyDefinition } from '@waymark/shared';
import type { KindEditorProps } from '../editor-props';

/** Placeholder until this editor is built (H6). */
export function SurveyEditor(_props: KindEditorProps<SurveyDefinition>) {
  return <p class="muted">The survey editor is not built yet.</p>;
}
