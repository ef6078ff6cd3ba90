import type { ThemeRecord } from '@waymark/shared';
import { useState } from 'preact/hooks';
import { describeError } from '../../api';
import { themesApi } from '../../api/themes';
import { EmptyState } from '../../components/empty-state';
import { LoadView } from '../../components/load-view';
import { PageHead } from '../../components/page-head';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import { ThemeForm } from '../../editors/theme/theme-form';
import { resolveTheme } from '../../editors/theme/theme-colors';
import type { PageProps } from '../../page-props';
import { useCan, useWorkspace } from '../../workspace-context';
import { SettingsNav } from './settings-nav';

/** Shared themes: list, create, edit, delete (a theme some content version uses cannot go). */
export function ThemesPage(_props: PageProps) {
  useTitle('Themes');
  const { api, workspace } = useWorkspace();
  const canEdit = useCan('editor');
  const themes = themesApi(api, workspace.id);
  const { load, reload, set } = useLoad((signal) => themes.list(signal), [api, workspace.id]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ id: string; message: string } | null>(null);
  const [notice, setNotice] = useState('');

  const remove = async (list: ThemeRecord[], record: ThemeRecord) => {
    setProblem(null);
    try {
      await themes.remove(record.id);
      set(list.filter((t) => t.id !== record.id));
      setNotice(`Deleted “${record.name}”.`);
    } catch (error) {
      setProblem({ id: record.id, message: describeError(error) });
    } finally {
      setConfirming(null);
    }
  };

  return (
    <>
      <SettingsNav />
      <PageHead
        title="Themes"
        lede="Colours, corner radius and font that content items share. Editing a theme restyles every item that uses it."
      >
        {canEdit && editing !== 'new' && (
          <button type="button" class="button button-primary" onClick={() => setEditing('new')}>
            New theme
          </button>
        )}
      </PageHead>
      <p class="visually-hidden" role="status">
        {notice}
      </p>
      <LoadView load={load} what="themes" onRetry={reload}>
        {(list) => (
          <div class="themes-page">
            {editing === 'new' && (
              <section class="theme-card is-editing" aria-labelledby="theme-new-title">
                <h2 id="theme-new-title" class="theme-card-title">
                  New theme
                </h2>
                <ThemeForm
                  save={(name, theme) => themes.create({ name, theme })}
                  onCancel={() => setEditing(null)}
                  onSaved={(record) => {
                    set([...list, record]);
                    setEditing(null);
                    setNotice(`Created “${record.name}”.`);
                  }}
                />
              </section>
            )}
            {list.length === 0 && editing !== 'new' ? (
              <EmptyState icon="settings" title="No shared themes yet">
                Content uses the widget’s default look until you create a theme and pick it on an
                item’s Design tab.
              </EmptyState>
            ) : (
              <ul class="theme-list" aria-label="Themes">
                {list.map((record) => (
                  <li
                    key={record.id}
                    class={`theme-card${editing === record.id ? ' is-editing' : ''}`}
                  >
                    <div class="theme-card-head">
                      <Swatches record={record} />
                      <h2 class="theme-card-title">{record.name}</h2>
                      {canEdit && editing !== record.id && (
                        <div class="theme-card-actions">
                          <button
                            type="button"
                            class="button button-small"
                            aria-label={`Edit ${record.name}`}
                            onClick={() => setEditing(record.id)}
                          >
                            Edit
                          </button>
                          {confirming === record.id ? (
                            <>
                              <button
                                type="button"
                                class="button button-small button-danger"
                                onClick={() => void remove(list, record)}
                              >
                                Delete “{record.name}”
                              </button>
                              <button
                                type="button"
                                class="button button-ghost button-small"
                                onClick={() => setConfirming(null)}
                              >
                                Keep
                              </button>
                            </>
                          ) : (
                            <button
                              type="button"
                              class="button button-ghost button-small"
                              aria-label={`Delete ${record.name}`}
                              onClick={() => {
                                setConfirming(record.id);
                                setProblem(null);
                              }}
                            >
                              Delete
                            </button>
                          )}
                        </div>
                      )}
                    </div>
                    {problem?.id === record.id && (
                      <p class="alert" role="alert">
                        Could not delete “{record.name}”: {problem.message} Pick another theme on
                        those items first.
                      </p>
                    )}
                    {editing === record.id && (
                      <ThemeForm
                        record={record}
                        save={(name, theme) => themes.update(record.id, { name, theme })}
                        onCancel={() => setEditing(null)}
                        onSaved={(saved) => {
                          set(list.map((t) => (t.id === saved.id ? saved : t)));
                          setEditing(null);
                          setNotice(`Saved “${saved.name}”.`);
                        }}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </LoadView>
    </>
  );
}

function Swatches({ record }: { record: ThemeRecord }) {
  const t = resolveTheme(record.theme);
  return (
    <span class="theme-swatches" aria-hidden="true">
      <span style={{ background: t.background, borderColor: t.text }} class="theme-swatch">
        <span style={{ color: t.text, fontFamily: t.font }}>Aa</span>
      </span>
      <span style={{ background: t.accent, borderRadius: `${t.radius}px` }} class="theme-swatch" />
    </span>
  );
}
