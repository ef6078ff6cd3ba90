import type { BannerDefinition } from '@waymark/shared';
import { CheckboxField, FieldGroup, SelectField } from '../../components/edit-fields';
import { BlockListEditor } from '../blocks/block-list-editor';
import { issueAt, issuesUnder, type KindEditorProps } from '../editor-props';

/** A bar at the top or bottom of the page: where, how it sits against the page, and its blocks. */
export function BannerEditor(props: KindEditorProps<BannerDefinition>) {
  const { definition, onChange, issues, readOnly } = props;
  return (
    <div class="kind-editor banner-editor">
      <FieldGroup legend="Banner">
        <div class="edit-row">
          <SelectField<BannerDefinition['position']>
            id="banner-position"
            label="Position"
            value={definition.position}
            options={[
              { value: 'top', label: 'Top of the page' },
              { value: 'bottom', label: 'Bottom of the page' },
            ]}
            error={issueAt(issues, 'position')}
            disabled={readOnly}
            onChange={(position) => onChange({ ...definition, position })}
          />
          <SelectField<BannerDefinition['mode']>
            id="banner-mode"
            label="Against the page"
            value={definition.mode}
            hint={
              definition.mode === 'push'
                ? 'Moves the page down (or up) to make room: nothing is covered.'
                : 'Floats above the page and may cover part of it.'
            }
            options={[
              { value: 'overlay', label: 'Overlay (floats above)' },
              { value: 'push', label: 'Push (moves the page aside)' },
            ]}
            error={issueAt(issues, 'mode')}
            disabled={readOnly}
            onChange={(mode) => onChange({ ...definition, mode })}
          />
        </div>
        <CheckboxField
          id="banner-dismissible"
          label="People can close the banner"
          checked={definition.dismissible}
          disabled={readOnly}
          onChange={(dismissible) => onChange({ ...definition, dismissible })}
        />
      </FieldGroup>
      <section class="edit-section" aria-labelledby="banner-blocks-title">
        <div class="edit-section-head">
          <h2 id="banner-blocks-title">Content</h2>
          <span class="muted">Usually one text and a button or two; headings show inline.</span>
        </div>
        <BlockListEditor
          blocks={definition.blocks}
          idPrefix="banner-block"
          max={10}
          issues={issuesUnder(issues, 'blocks')}
          readOnly={readOnly}
          onChange={(blocks) => onChange({ ...definition, blocks })}
        />
      </section>
    </div>
  );
}
