import type { BannerDefinition } from '@waymark/shared';
import type { KindEditorProps } from '../editor-props';

/** Placeholder until this editor is built (H6). */
export function BannerEditor(_props: KindEditorProps<BannerDefinition>) {
  return <p class="muted">The banner editor is not built yet.</p>;
}
