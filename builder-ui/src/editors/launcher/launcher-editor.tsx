import type { LauncherDefinition } from '@waymark/shared';
import type { KindEditorProps } from '../editor-props';

/** Placeholder until this editor is built (H6). */
export function LauncherEditor(_props: KindEditorProps<LauncherDefinition>) {
  return <p class="muted">The launcher editor is not built yet.</p>;
}
