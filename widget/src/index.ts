// The package entry (@waymark/widget): the widget class (whose `preview` renders any content
// definition with the same views as live pages), the loader snippet, and their types.
export { Waymark } from './core/waymark.client';
export { snippet, type SnippetOptions } from '@waymark/shared';
export {
  FRAGILE_MESSAGES,
  fragileSignals,
  looksGenerated,
  type FragileSignal,
} from './dom/fingerprint.rules';
export type { PickerMessage } from './dom/element.picker';
export { parseMarkdown } from './ui/markdown.view';
export type {
  ContentEventPayload,
  IdentifyOptions,
  PreviewOptions,
  WaymarkEventName,
  WaymarkListener,
  WaymarkOptions,
  WhyReport,
} from './public.types';
