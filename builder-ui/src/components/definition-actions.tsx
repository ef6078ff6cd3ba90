import type { DefinitionEditor } from './use-definition-editor';

interface DefinitionActionsProps<Form> {
  editor: DefinitionEditor<Form>;
  /** Whether the item is saved already: Delete shows and the submit button says "Save". */
  saved: boolean;
  /** The submit button's text while creating: "Create goal". */
  createLabel: string;
}

/**
 * Delete and Save (or Create) of a goal or journey editor, for editors only. The segment editor
 * has its own row: it adds Export and Refresh, and disables Delete while refreshing.
 */
export function DefinitionActions<Form>({
  editor,
  saved,
  createLabel,
}: DefinitionActionsProps<Form>) {
  return (
    <div class="definition-actions">
      {saved && (
        <button type="button" class="button definition-delete" onClick={() => void editor.remove()}>
          Delete
        </button>
      )}
      <button type="submit" class="button button-primary" aria-disabled={editor.busy}>
        {saved ? 'Save' : createLabel}
      </button>
    </div>
  );
}
