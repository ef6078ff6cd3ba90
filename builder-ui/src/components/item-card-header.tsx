interface ItemCardHeaderProps {
  id: string;
  /** 1-based position, shown before the title. */
  number: number;
  /** "NPS (0–10)", "Open URL"… */
  kind: string;
  title: string;
  open: boolean;
  /** Id of the body the toggle shows and hides. */
  controls: string;
  onToggle: () => void;
  /** Problems inside the card, shown as a count while it is closed too. */
  warnings: number;
  readOnly: boolean;
  /** Absent: no Duplicate button (the list is full). */
  onDuplicate?: (() => void) | undefined;
  /** Absent: no Remove button (the list would become empty). */
  onRemove?: (() => void) | undefined;
  /** "question", "item": names the buttons. */
  what: string;
}

/**
 * The header row of an item in an editor's list: a toggle that opens the item's fields, its
 * problem count, and Duplicate / Remove.
 */
export function ItemCardHeader(props: ItemCardHeaderProps) {
  const { id, number, kind, title, open, controls, onToggle, warnings, readOnly, what } = props;
  const name = `${what[0]!.toUpperCase()}${what.slice(1)} ${number}`;
  return (
    <div class="item-card-head">
      <button
        type="button"
        id={id}
        class="item-card-toggle"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={open ? controls : undefined}
        onClick={onToggle}
      >
        <span class="item-card-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span class="item-card-number">{number}.</span>
        <span class="item-card-title">{title.trim() || `Untitled ${what}`}</span>
        <span class="item-card-kind">{kind}</span>
        {warnings > 0 && (
          <span class="item-card-warning">
            <span aria-hidden="true">⚠ </span>
            {warnings === 1 ? '1 problem' : `${warnings} problems`}
          </span>
        )}
      </button>
      {!readOnly && (
        <div class="item-card-actions">
          {props.onDuplicate && (
            <button
              type="button"
              class="button button-ghost button-small"
              aria-label={`Duplicate ${name}`}
              onClick={props.onDuplicate}
            >
              Duplicate
            </button>
          )}
          {props.onRemove && (
            <button
              type="button"
              class="button button-ghost button-small"
              aria-label={`Remove ${name}`}
              onClick={props.onRemove}
            >
              Remove
            </button>
          )}
        </div>
      )}
    </div>
  );
}
