// The package entry (@waymark/widget): the widget class, the loader snippet, and their types.
export { Waymark } from './core/waymark.client';
export { snippet, type SnippetOptions } from '@waymark/shared';
export { parseMarkdown, type MdInline, type MdParagraph } from './ui/markdown.parser';
export type {
  ContentEventPayload,
  IdentifyOptions,
  WaymarkEventName,
  WaymarkListener,
  WaymarkOptions,
} from './public.types';
