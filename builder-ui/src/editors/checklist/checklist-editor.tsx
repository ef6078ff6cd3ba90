import type { ChecklistDefinition, ChecklistItem } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { CheckboxField, FieldGroup, TextArea, TextInput } from '../../components/edit-fields';
import { ItemCardHeader } from '../../components/item-card-header';
import { moveItem, SortableList } from '../../components/sortable-list';
import { BottomCornerField } from '../bottom-corner-field';
import { issueAt, issuesUnder, type KindEditorProps } from '../editor-props';
import { uniqueId } from '../survey/survey-questions';
import { ChecklistItemFields } from './checklist-item-fields';

type Celebration = NonNullable<ChecklistDefinition['celebration']>;

const actionLabel = (item: ChecklistItem): string => {
  switch (item.action?.type) {
    case 'start':
      return 'Starts content';
    case 'url':
      return 'Opens a page';
    case 'track':
      return 'Records an event';
    default:
      return item.doneWhen ? 'Done by rule' : 'Tick off';
  }
};

/** Title, items (reordered by drag or keyboard, each with an action and a done-when rule), launcher and celebration. */
export function ChecklistEditor(props: KindEditorProps<ChecklistDefinition>) {
  const { definition, onChange, issues, readOnly, selected, onSelect } = props;
  const { items } = definition;
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(items[selected] ? [items[selected].id] : []),
  );
  const setItems = (next: ChecklistItem[]) => onChange({ ...definition, items: next });
  const insert = (item: ChecklistItem, at: number) => {
    setItems([...items.slice(0, at), item, ...items.slice(at)]);
    setOpen(new Set([...open, item.id]));
    onSelect(at);
  };
  const ids = items.map((i) => i.id);
  const celebration = definition.celebration;
  const setCelebration = (next: Celebration | undefined) => {
    const { celebration: _old, ...rest } = definition;
    onChange(next ? { ...rest, celebration: next } : rest);
  };

  return (
    <div class="kind-editor checklist-editor">
      <FieldGroup legend="Checklist">
        <TextInput
          id="checklist-title"
          label="Title"
          value={definition.title}
          maxLength={200}
          error={
            issueAt(issues, 'title') ?? (definition.title.trim() ? undefined : 'Write a title.')
          }
          disabled={readOnly}
          onChange={(title) => onChange({ ...definition, title })}
        />
        <TextArea
          id="checklist-description"
          label="Description (optional)"
          rows={2}
          value={definition.description ?? ''}
          maxLength={1000}
          error={issueAt(issues, 'description')}
          disabled={readOnly}
          onChange={(text) => {
            const { description: _old, ...rest } = definition;
            onChange(text ? { ...rest, description: text } : rest);
          }}
        />
      </FieldGroup>

      <section class="edit-section" aria-labelledby="checklist-items-title">
        <div class="edit-section-head">
          <h2 id="checklist-items-title">Items</h2>
          <span class="muted">{items.length} of 20</span>
        </div>
        {issueAt(issues, 'items') && <p class="field-error">{issueAt(issues, 'items')}</p>}
        <SortableList
          items={items}
          label="Checklist items"
          disabled={readOnly}
          keyOf={(item) => item.id}
          labelOf={(item, i) => `Item ${i + 1}: ${item.title}`}
          onMove={(from, to) => {
            setItems(moveItem(items, from, to));
            onSelect(to);
          }}
        >
          {(item, index) => {
            const itemIssues = issuesUnder(issues, `items.${index}`);
            const isOpen = open.has(item.id);
            return (
              <div
                class={`item-card${selected === index ? ' is-selected' : ''}`}
                onFocusIn={() => selected !== index && onSelect(index)}
              >
                <ItemCardHeader
                  id={`item-${index}-head`}
                  number={index + 1}
                  kind={actionLabel(item)}
                  title={item.title}
                  open={isOpen}
                  controls={`item-${index}-body`}
                  warnings={itemIssues.length}
                  readOnly={readOnly}
                  what="item"
                  onToggle={() => {
                    const next = new Set(open);
                    if (isOpen) next.delete(item.id);
                    else next.add(item.id);
                    setOpen(next);
                    onSelect(index);
                  }}
                  onDuplicate={
                    items.length < 20
                      ? () =>
                          insert(
                            { ...structuredClone(item), id: uniqueId(`${item.id}-copy`, ids) },
                            index + 1,
                          )
                      : undefined
                  }
                  onRemove={
                    items.length > 1
                      ? () => {
                          setItems(items.filter((_, i) => i !== index));
                          onSelect(Math.max(0, Math.min(index, items.length - 2)));
                        }
                      : undefined
                  }
                />
                {isOpen && (
                  <div id={`item-${index}-body`} class="item-card-body">
                    <ChecklistItemFields
                      item={item}
                      index={index}
                      issues={itemIssues}
                      readOnly={readOnly}
                      onChange={(next) =>
                        setItems(items.map((old, i) => (i === index ? next : old)))
                      }
                    />
                  </div>
                )}
              </div>
            );
          }}
        </SortableList>
        {!readOnly && (
          <div class="edit-add">
            <button
              type="button"
              class="button"
              disabled={items.length >= 20}
              onClick={() =>
                insert(
                  { id: uniqueId(`item-${items.length + 1}`, ids), title: 'New task' },
                  items.length,
                )
              }
            >
              Add item
            </button>
          </div>
        )}
      </section>

      <FieldGroup legend="Launcher">
        <div class="edit-row">
          <TextInput
            id="checklist-launcher-label"
            label="Button label"
            hint="Shown with the number of items left."
            value={definition.launcher.label}
            maxLength={60}
            error={
              issueAt(issues, 'launcher.label') ??
              (definition.launcher.label.trim() ? undefined : 'Write a label.')
            }
            disabled={readOnly}
            onChange={(label) =>
              onChange({ ...definition, launcher: { ...definition.launcher, label } })
            }
          />
          <BottomCornerField
            id="checklist-launcher-position"
            value={definition.launcher.position}
            disabled={readOnly}
            onChange={(position) =>
              onChange({ ...definition, launcher: { ...definition.launcher, position } })
            }
          />
        </div>
        <CheckboxField
          id="checklist-open-on-start"
          label="Open the panel the first time the checklist shows"
          checked={definition.openOnStart}
          disabled={readOnly}
          onChange={(openOnStart) => onChange({ ...definition, openOnStart })}
        />
        <CheckboxField
          id="checklist-dismissible"
          label="People can dismiss the checklist"
          checked={definition.dismissible}
          disabled={readOnly}
          onChange={(dismissible) => onChange({ ...definition, dismissible })}
        />
      </FieldGroup>

      <FieldGroup legend="Celebration">
        <CheckboxField
          id="checklist-celebration"
          label="Celebrate when every item is done"
          checked={celebration !== undefined}
          disabled={readOnly}
          onChange={(on) => setCelebration(on ? { heading: 'All done! 🎉' } : undefined)}
        />
        {celebration && (
          <>
            <TextInput
              id="checklist-celebration-heading"
              label="Heading"
              value={celebration.heading}
              maxLength={200}
              error={
                issueAt(issues, 'celebration.heading') ??
                (celebration.heading.trim() ? undefined : 'Write a heading.')
              }
              disabled={readOnly}
              onChange={(heading) => setCelebration({ ...celebration, heading })}
            />
            <TextArea
              id="checklist-celebration-text"
              label="Text (optional)"
              value={celebration.text ?? ''}
              maxLength={1000}
              error={issueAt(issues, 'celebration.text')}
              disabled={readOnly}
              onChange={(text) =>
                setCelebration(text ? { ...celebration, text } : { heading: celebration.heading })
              }
            />
          </>
        )}
      </FieldGroup>
    </div>
  );
}
