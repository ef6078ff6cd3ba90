import type { ContentDefinition } from '@waymark/shared';
import { BannerEditor } from './banner/banner-editor';
import { ChecklistEditor } from './checklist/checklist-editor';
import type { KindEditorProps } from './editor-props';
import { FlowEditor } from './flow/flow-editor';
import { LauncherEditor } from './launcher/launcher-editor';
import { SurveyEditor } from './survey/survey-editor';

/** Renders the editor for the definition's kind. */
export function KindEditor(props: KindEditorProps<ContentDefinition>) {
  const { definition, onChange } = props;
  switch (definition.kind) {
    case 'flow':
      return <FlowEditor {...props} definition={definition} onChange={onChange} />;
    case 'checklist':
      return <ChecklistEditor {...props} definition={definition} onChange={onChange} />;
    case 'survey':
      return <SurveyEditor {...props} definition={definition} onChange={onChange} />;
    case 'banner':
      return <BannerEditor {...props} definition={definition} onChange={onChange} />;
    case 'launcher':
      return <LauncherEditor {...props} definition={definition} onChange={onChange} />;
    default:
      return definition satisfies never;
  }
}
