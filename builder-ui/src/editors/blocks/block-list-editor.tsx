import type { Block, FieldIssue } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { SortableList, moveItem } from '../../components/sortable-list';
import { issueAt, issuesUnder } from '../editor-props';
import { BLOCK_LABELS, BlockEditor, blockSummary, newBlock } from './block-editor';
import type { StepChoice } from './button-action-field';

export interface BlockListEditorProps {
  blocks: readonly Block[];
  onChange: (blocks: Block[]) => void;
  /** Issues relative to the block list (`0.text`, `2.action.url`). */
  issues: readonly FieldIssue[];
  readOnly: boolean;
  /** Unique per editor on the page: every field id starts with it. */
  idPrefix: string;
  /** Steps a button may jump to ("go to step"); leave out where there are none. */
  steps?: readonly StepChoice[];
  /** Most blocks allowed (the schema's limit). Default 30. */
  max?: number;
}

const TYPES = Object.keys(BLOCK_LABELS) as Block['type'][];

/**
 * Content blocks — heading, text (safe markdown subset), image with alt text, buttons with
 * actions — added, removed, duplicated and reordered by drag or keyboard. At least one stays.
 */
export function BlockListEditor(props: BlockListEditorProps) {
  const { blocks, onChange, issues, readOnly, idPrefix, steps, max = 30 } = props;
  const [adding, setAdding] = useState<Block['type']>('text');
  const listIssue = issueAt(issues, '');
  const name = (block: Block, index: number) => `Block ${index + 1} (${BLOCK_LABELS[block.type]})`;
  const replace = (index: number, block: Block) =>
    onChange(blocks.map((old, i) => (i === index ? block : old)));
  const insert = (index: number, block: Block) =>
    onChange([...blocks.slice(0, index), block, ...blocks.slice(index)]);

  return (
    <div class="block-list">
      <SortableList
        items={blocks}
        keyOf={(_block, index) => String(index)}
        labelOf={name}
        label="Content blocks"
        disabled={readOnly}
        onMove={(from, to) => onChange(moveItem(blocks, from, to))}
      >
        {(block, index) => {
          const id = `${idPrefix}-${index}`;
          return (
            <div class="block-item">
              <div class="block-head">
                <span class="block-type">{BLOCK_LABELS[block.type]}</span>
                <span class="block-summary muted">{blockSummary(block)}</span>
                {!readOnly && (
                  <span class="block-tools">
                    <button
                      type="button"
                      class="button button-ghost button-small"
                      aria-label={`Duplicate ${name(block, index)}`}
                      disabled={blocks.length >= max}
                      onClick={() => insert(index + 1, structuredClone(block))}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      class="button button-ghost button-small"
                      aria-label={`Remove ${name(block, index)}`}
                      disabled={blocks.length <= 1}
                      onClick={() => onChange(blocks.filter((_b, i) => i !== index))}
                    >
                      Remove
                    </button>
                  </span>
                )}
              </div>
              <BlockEditor
                id={id}
                block={block}
                issues={issuesUnder(issues, String(index))}
                readOnly={readOnly}
                steps={steps}
                onChange={(next) => replace(index, next)}
              />
            </div>
          );
        }}
      </SortableList>
      {listIssue && <p class="field-error">{listIssue}</p>}
      {!readOnly && (
        <div class="block-add">
          <label for={`${idPrefix}-add-type`}>New block</label>
          <select
            class="edit-select"
            id={`${idPrefix}-add-type`}
            value={adding}
            onChange={(event) => setAdding(event.currentTarget.value as Block['type'])}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {BLOCK_LABELS[type]}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="button button-small"
            disabled={blocks.length >= max}
            onClick={() => onChange([...blocks, newBlock(adding)])}
          >
            Add block
          </button>
        </div>
      )}
    </div>
  );
}
