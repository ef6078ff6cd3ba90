import { PlacementSchema, type LauncherDefinition, type Placement } from '@waymark/shared';
import { FieldGroup, SelectField, TextInput } from '../../components/edit-fields';
import { TargetField } from '../../picker/target-field';
import { BlockListEditor } from '../blocks/block-list-editor';
import { BottomCornerField } from '../bottom-corner-field';
import { issueAt, issuesUnder, type KindEditorProps } from '../editor-props';

const STYLES: readonly { value: LauncherDefinition['style']; label: string }[] = [
  { value: 'button', label: 'Button with a label' },
  { value: 'icon', label: 'Round icon' },
  { value: 'beacon', label: 'Pulsing beacon' },
];

const PLACEMENTS = PlacementSchema.options.map((value) => ({
  value,
  label: value === 'auto' ? 'Automatic (where there is room)' : value.replace('-', ' '),
}));

/** A persistent entry point: its look, where it sits (a corner or beside an element), and its popover. */
export function LauncherEditor(props: KindEditorProps<LauncherDefinition>) {
  const { definition, onChange, issues, readOnly, appUrl } = props;
  const anchored = definition.target !== undefined;
  return (
    <div class="kind-editor launcher-editor">
      <FieldGroup legend="Launcher">
        <div class="edit-row">
          <TextInput
            id="launcher-label"
            label={definition.style === 'button' ? 'Button label' : 'Accessible name'}
            hint={
              definition.style === 'button'
                ? undefined
                : 'Not shown; screen readers announce it for the icon.'
            }
            value={definition.label}
            maxLength={60}
            error={
              issueAt(issues, 'label') ?? (definition.label.trim() ? undefined : 'Write a label.')
            }
            disabled={readOnly}
            onChange={(label) => onChange({ ...definition, label })}
          />
          <SelectField<LauncherDefinition['style']>
            id="launcher-style"
            label="Look"
            value={definition.style}
            options={STYLES}
            disabled={readOnly}
            onChange={(style) => onChange({ ...definition, style })}
          />
        </div>
        <TargetField
          id="launcher-target"
          label="Beside an element (optional)"
          value={definition.target}
          appUrl={appUrl}
          issues={issuesUnder(issues, 'target')}
          readOnly={readOnly}
          onChange={(target) => {
            const { target: _old, ...rest } = definition;
            onChange(target ? { ...rest, target } : rest);
          }}
        />
        <div class="edit-row">
          {!anchored && (
            <BottomCornerField
              id="launcher-position"
              hint="Without an element, the launcher sits in this corner."
              value={definition.position}
              disabled={readOnly}
              onChange={(position) => onChange({ ...definition, position })}
            />
          )}
          <SelectField<Placement>
            id="launcher-placement"
            label="Popover opens"
            value={definition.placement}
            options={PLACEMENTS}
            disabled={readOnly}
            onChange={(placement) => onChange({ ...definition, placement })}
          />
        </div>
      </FieldGroup>
      <section class="edit-section" aria-labelledby="launcher-blocks-title">
        <div class="edit-section-head">
          <h2 id="launcher-blocks-title">Popover content</h2>
        </div>
        <BlockListEditor
          blocks={definition.blocks}
          idPrefix="launcher-block"
          max={30}
          issues={issuesUnder(issues, 'blocks')}
          readOnly={readOnly}
          onChange={(blocks) => onChange({ ...definition, blocks })}
        />
      </section>
    </div>
  );
}
