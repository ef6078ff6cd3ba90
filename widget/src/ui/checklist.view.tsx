import type { ChecklistDefinition, ChecklistItem } from '@waymark/shared';
import { vhCss } from './base.styles';
import type { Translate } from './blocks.view';
import { ConfettiView } from './confetti.view';

export interface ChecklistState {
  open: boolean;
  done: ReadonlySet<string>;
  celebrating: boolean;
}

interface Props {
  list: ChecklistDefinition;
  state: ChecklistState;
  t: Translate;
  ids: { title: string; panel: string };
  /** Stable across draws (focus is taken when the panel opens, not on every re-render). */
  attach(el: HTMLDivElement | null): (() => void) | undefined;
  toggle(): void;
  press(item: ChecklistItem): void;
  dismiss(): void;
  finish(): void;
}

/** The launcher with the number of items left, and the panel with progress and items. */
export function ChecklistView({
  list,
  state,
  t,
  ids,
  attach,
  toggle,
  press,
  dismiss,
  finish,
}: Props) {
  const total = list.items.length;
  const doneCount = list.items.filter((item) => state.done.has(item.id)).length;
  const corner = list.launcher.position;
  return (
    <>
      <button
        type="button"
        class={`launch ${corner}`}
        aria-expanded={state.open ? 'true' : 'false'}
        aria-controls={ids.panel}
        onClick={toggle}
      >
        {list.launcher.label}
        <span class="badge">
          {doneCount}/{total}
        </span>
      </button>
      {state.open && (
        <div
          ref={attach}
          id={ids.panel}
          class={`card panel ${corner}`}
          role="dialog"
          aria-labelledby={ids.title}
          tabIndex={-1}
        >
          <button
            type="button"
            class="x"
            aria-label={t('Close')}
            onClick={state.celebrating ? finish : toggle}
          >
            ×
          </button>
          {state.celebrating ? (
            <div role="status">
              <ConfettiView />
              <h2 id={ids.title}>{list.celebration?.heading ?? t('All done!')}</h2>
              {list.celebration?.text && <p>{list.celebration.text}</p>}
              <div class="foot">
                <button type="button" class="primary" onClick={finish}>
                  {t('Done')}
                </button>
              </div>
            </div>
          ) : (
            <>
              <h2 id={ids.title}>{list.title}</h2>
              {list.description && <p>{list.description}</p>}
              <div
                class="bar"
                role="progressbar"
                aria-label={t('Progress')}
                aria-valuemin={0}
                aria-valuemax={total}
                aria-valuenow={doneCount}
              >
                <i style={{ width: `${(100 * doneCount) / total}%` }} />
              </div>
              <ul>
                {list.items.map((item) => {
                  const done = state.done.has(item.id);
                  return (
                    <li key={item.id} class={done ? 'done' : ''}>
                      <button
                        type="button"
                        aria-disabled={done && !item.action ? 'true' : undefined}
                        onClick={() => press(item)}
                      >
                        <span class="check" aria-hidden="true">
                          {done ? '✓' : ''}
                        </span>
                        <span>
                          {item.title}
                          {done && <span class="vh"> ({t('done')})</span>}
                          {item.description && <small>{item.description}</small>}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
              {list.dismissible && (
                <button type="button" class="link" onClick={dismiss}>
                  {t('Dismiss checklist')}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}

export const checklistCss =
  '.panel{top:auto;left:auto;bottom:76px;inset-inline-end:20px;width:min(360px,calc(100vw - 24px));max-width:none;max-height:calc(100vh - 96px);overflow:auto}' +
  '.panel.bottom-left{inset-inline:20px auto}' +
  '.bar{height:6px;margin:8px 0 12px;border-radius:3px;background:#8883;overflow:hidden}' +
  '.bar i{display:block;height:100%;background:var(--a);transition:width .3s}' +
  'ul{margin:0 0 8px;padding:0;list-style:none}' +
  'li button{display:flex;gap:10px;width:100%;padding:8px 6px;font-weight:500;text-align:start}' +
  'li button:hover{background:#8881;filter:none}' +
  '.check{flex:0 0 20px;height:20px;border-radius:50%;box-shadow:inset 0 0 0 2px #8889;color:var(--at);font-size:12px;line-height:20px;text-align:center}' +
  '.done .check{background:var(--a);box-shadow:none}' +
  '.done button>span:last-child{text-decoration:line-through;opacity:.7}' +
  'small{display:block;font-size:12px;font-weight:400;opacity:.8}' +
  vhCss;
