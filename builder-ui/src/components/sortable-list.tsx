import type { ComponentChildren, TargetedDragEvent, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface SortableListProps<T> {
  items: readonly T[];
  keyOf: (item: T, index: number) => string;
  /** Names an item for screen readers and the move buttons: "Step 2: Welcome". */
  labelOf: (item: T, index: number) => string;
  onMove: (from: number, to: number) => void;
  children: (item: T, index: number) => ComponentChildren;
  /** Accessible name of the whole list. */
  label: string;
  disabled?: boolean;
}

/** Moves `list[from]` to position `to`, returning a new array. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = list.slice();
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/**
 * A list reordered by dragging an item's handle, or by keyboard: focus the handle and press
 * Alt+↑ / Alt+↓ (or use the Move up / Move down buttons). Each move is announced.
 */
export function SortableList<T>(props: SortableListProps<T>) {
  const { items, keyOf, labelOf, onMove, children, label, disabled = false } = props;
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const handles = useRef(new Map<string, HTMLButtonElement>());
  // The moved item's handle, to focus once the list has rendered the move.
  const refocus = useRef<{ key: string; before: readonly T[] } | null>(null);

  // Right after the render that shows the move, before any next key press is handled (a
  // later frame would let a fast second Alt+↑ act on whichever item focus was left on).
  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending || pending.before === items) return;
    refocus.current = null;
    handles.current.get(pending.key)?.focus();
  });

  const move = (from: number, to: number) => {
    if (disabled || to < 0 || to >= items.length || from === to) return;
    const item = items[from]!;
    refocus.current = { key: keyOf(item, to), before: items };
    onMove(from, to);
    setAnnouncement(`${labelOf(item, from)} moved to position ${to + 1} of ${items.length}.`);
  };

  const onKey = (index: number) => (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp') move(index, index - 1);
    else if (event.key === 'ArrowDown') move(index, index + 1);
    else return;
    event.preventDefault();
  };

  const drop = (index: number) => (event: TargetedDragEvent<HTMLLIElement>) => {
    event.preventDefault();
    if (dragging !== null) move(dragging, index);
    setDragging(null);
    setOver(null);
  };

  return (
    <>
      <ol class="sortable" aria-label={label}>
        {items.map((item, index) => {
          const name = labelOf(item, index);
          const key = keyOf(item, index);
          return (
            <li
              key={key}
              class={`sortable-item${over === index && dragging !== index ? ' is-over' : ''}${
                dragging === index ? ' is-dragging' : ''
              }`}
              onDragOver={(event) => {
                if (dragging === null) return;
                event.preventDefault();
                setOver(index);
              }}
              onDragLeave={() => setOver((current) => (current === index ? null : current))}
              onDrop={drop(index)}
            >
              <div class="sortable-controls">
                <button
                  type="button"
                  class="sortable-handle"
                  draggable={!disabled}
                  disabled={disabled}
                  ref={(element) => {
                    if (element) handles.current.set(key, element);
                    else handles.current.delete(key);
                  }}
                  aria-label={`Reorder ${name}`}
                  title="Drag, or press Alt+↑ / Alt+↓"
                  onKeyDown={onKey(index)}
                  onDragStart={(event) => {
                    setDragging(index);
                    event.dataTransfer?.setData('text/plain', String(index));
                    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setOver(null);
                  }}
                >
                  <span aria-hidden="true">⋮⋮</span>
                </button>
                <button
                  type="button"
                  class="button button-ghost button-small"
                  aria-label={`Move ${name} up`}
                  disabled={disabled || index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  class="button button-ghost button-small"
                  aria-label={`Move ${name} down`}
                  disabled={disabled || index === items.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              </div>
              <div class="sortable-body">{children(item, index)}</div>
            </li>
          );
        })}
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
