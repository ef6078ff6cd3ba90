import type { FlowDefinition } from '@waymark/shared';
import type { KindEditorProps } from '../editor-props';

/** Placeholder until this editor is built (H5). */
export function FlowEditor(_props: KindEditorProps<FlowDefinition>) {
  return <p class="muted">The flow editor is not built yet.</p>;
}
