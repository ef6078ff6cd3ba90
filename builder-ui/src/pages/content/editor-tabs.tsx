import type { TargetedKeyboardEvent } from 'preact';
import { tabKeyTarget } from '../../components/tab-keys';

export const EDITOR_TABS = [
  { id: 'build', label: 'Build' },
  { id: 'design', label: 'Design' },
  { id: 'translations', label: 'Translations' },
  { id: 'targeting', label: 'Targeting' },
  { id: 'experiment', label: 'Experiment' },
  { id: 'history', label: 'History' },
] as const;
export type EditorTab = (typeof EDITOR_TABS)[number]['id'];

export const readTab = (value: string | null): EditorTab =>
  EDITOR_TABS.find((tab) => tab.id === value)?.id ?? 'build';

/** An ARIA tablist: ←/→ (and Home/End) move between tabs, which open as they get focus. */
export function EditorTabs({ tab, onTab }: { tab: EditorTab; onTab: (tab: EditorTab) => void }) {
  const onKey = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    const index = EDITOR_TABS.findIndex((t) => t.id === tab);
    const next = tabKeyTarget(event.key, index, EDITOR_TABS.length);
    if (next === null) return;
    event.preventDefault();
    const target = EDITOR_TABS[next]!.id;
    onTab(target);
    requestAnimationFrame(() => document.getElementById(`tab-${target}`)?.focus());
  };
  return (
    <div class="editor-tabs subnav" role="tablist" aria-label="Editor sections" onKeyDown={onKey}>
      {EDITOR_TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          class="subnav-link editor-tab"
          aria-selected={t.id === tab}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === tab ? 0 : -1}
          onClick={() => onTab(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
