import type { Block, FieldIssue } from '@waymark/shared';
import { SelectField, TextArea, TextInput } from '../../components/edit-fields';
import { issueAt, issuesUnder } from '../editor-props';
import { ButtonActionField, type StepChoice } from './button-action-field';

export const BLOCK_LABELS: Record<Block['type'], string> = {
  heading: 'Heading',
  text: 'Text',
  image: 'Image',
  button: 'Button',
};

/** A new block of `type` with placeholder content an author replaces. */
export function newBlock(type: Block['type']): Block {
  switch (type) {
    case 'heading':
      return { type, text: 'New heading' };
    case 'text':
      return { type, markdown: '' };
    case 'image':
      return { type, src: '', alt: '' };
    case 'button':
      return { type, label: 'Next', action: { type: 'next' }, variant: 'primary' };
    default:
      return type satisfies never;
  }
}

/** A short name for a block: its text, cut to fit a list row. */
export function blockSummary(block: Block): string {
  const text =
    block.type === 'heading'
      ? block.text
      : block.type === 'text'
        ? block.markdown
        : block.type === 'image'
          ? block.alt || block.src
          : block.label;
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

interface BlockEditorProps {
  id: string;
  block: Block;
  onChange: (block: Block) => void;
  /** Issues relative to the block (`text`, `action.url`). */
  issues: readonly FieldIssue[];
  readOnly: boolean;
  steps?: readonly StepChoice[] | undefined;
}

/** The fields of one content block. */
export function BlockEditor({ id, block, onChange, issues, readOnly, steps }: BlockEditorProps) {
  switch (block.type) {
    case 'heading':
      return (
        <TextInput
          id={`${id}-text`}
          label="Heading"
          value={block.text}
          required
          maxLength={200}
          disabled={readOnly}
          error={issueAt(issues, 'text')}
          onChange={(text) => onChange({ ...block, text })}
        />
      );
    case 'text':
      return (
        <TextArea
          id={`${id}-markdown`}
          label="Text"
          value={block.markdown}
          rows={3}
          maxLength={5000}
          hint="**bold**, *italic*, `code`, [link](https://…); a blank line starts a paragraph."
          disabled={readOnly}
          error={issueAt(issues, 'markdown')}
          onChange={(markdown) => onChange({ ...block, markdown })}
        />
      );
    case 'image':
      return (
        <div class="block-fields">
          <TextInput
            id={`${id}-src`}
            label="Image URL"
            type="url"
            value={block.src}
            placeholder="https://"
            required
            disabled={readOnly}
            error={issueAt(issues, 'src')}
            onChange={(src) => onChange({ ...block, src })}
          />
          <TextInput
            id={`${id}-alt`}
            label="Alt text"
            value={block.alt}
            maxLength={300}
            hint="What the image shows, for people who cannot see it. Empty: decorative."
            disabled={readOnly}
            error={issueAt(issues, 'alt')}
            onChange={(alt) => onChange({ ...block, alt })}
          />
        </div>
      );
    case 'button':
      return (
        <div class="block-fields">
          <div class="block-row">
            <TextInput
              id={`${id}-label`}
              label="Button label"
              value={block.label}
              required
              maxLength={80}
              disabled={readOnly}
              error={issueAt(issues, 'label')}
              onChange={(label) => onChange({ ...block, label })}
            />
            <SelectField
              id={`${id}-variant`}
              label="Style"
              value={block.variant}
              options={[
                { value: 'primary', label: 'Primary' },
                { value: 'secondary', label: 'Secondary' },
                { value: 'link', label: 'Link' },
              ]}
              disabled={readOnly}
              error={issueAt(issues, 'variant')}
              onChange={(variant) => onChange({ ...block, variant })}
            />
          </div>
          <ButtonActionField
            id={`${id}-action`}
            action={block.action}
            issues={issuesUnder(issues, 'action')}
            readOnly={readOnly}
            steps={steps}
            onChange={(action) => onChange({ ...block, action })}
          />
        </div>
      );
    default:
      return block satisfies never;
  }
}
