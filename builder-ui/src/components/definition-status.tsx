import { useRef } from 'preact/hooks';
import { DraftNotice } from './draft-notice';
import type { DefinitionEditor } from './use-definition-editor';

/**
 * What a definition editor says under its header: a kept draft to restore, the live status line
 * (busy / saved), and a failure as an alert.
 */
export function DefinitionStatus<Form>({
  editor,
  noun,
}: {
  editor: DefinitionEditor<Form>;
  noun: string;
}) {
  const { status, draft, setStatus } = editor;
  const line = useRef<HTMLParagraphElement>(null);
  // The notice's buttons go away with it: keep the keyboard where it was, and say what happened.
  const resolved = (text: string) => {
    setStatus({ state: 'done', text });
    line.current?.focus();
  };
  return (
    <>
      <DraftNotice
        offer={draft.offer}
        noun={noun}
        onRestore={() => {
          draft.restore();
          resolved('Restored your unsaved changes. Save to keep them.');
        }}
        onDiscard={() => {
          draft.discard();
          resolved('Discarded the unsaved changes.');
        }}
      />
      <p class="definition-status" role="status" tabIndex={-1} ref={line}>
        {status.state === 'busy' || status.state === 'done' ? status.text : ''}
      </p>
      {status.state === 'failed' && (
        <p class="alert" role="alert">
          {status.text}
        </p>
      )}
    </>
  );
}
