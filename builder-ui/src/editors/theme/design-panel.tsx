import type { Theme, ThemeRecord } from '@waymark/shared';
import { themesApi } from '../../api/themes';
import { SelectField } from '../../components/edit-fields';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { useWorkspace } from '../../workspace-context';
import { ThemeEditor } from './theme-editor';

export interface DesignPanelProps {
  /** The shared theme the draft uses, or null for the default look. */
  themeId: string | null;
  onThemeId: (id: string | null) => void;
  /** The definition's own theme fields, which override the shared theme. */
  theme: Partial<Theme> | undefined;
  onTheme: (theme: Partial<Theme> | undefined) => void;
  readOnly: boolean;
}

const DEFAULT = '';

/** Pick a shared theme (or the default look) and override colours, radius and font for this item. */
export function DesignPanel(props: DesignPanelProps) {
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    (signal) => themesApi(api, workspace.id).list(signal),
    [api, workspace.id],
  );
  return (
    <div class="design-panel">
      <LoadView load={load} what="themes" onRetry={reload}>
        {(themes) => <DesignFields {...props} themes={themes} />}
      </LoadView>
    </div>
  );
}

function DesignFields(props: DesignPanelProps & { themes: ThemeRecord[] }) {
  const { themeId, onThemeId, theme = {}, onTheme, readOnly, themes } = props;
  const shared = themes.find((t) => t.id === themeId);
  const overrides = Object.values(theme).filter((v) => v !== undefined).length;
  const options = [
    { value: DEFAULT, label: 'Default look' },
    ...themes.map((t) => ({ value: t.id, label: t.name })),
  ];
  if (themeId && !shared) options.push({ value: themeId, label: 'A theme that no longer exists' });

  return (
    <>
      <section class="edit-section design-shared" aria-labelledby="design-shared-title">
        <h2 id="design-shared-title">Shared theme</h2>
        <div class="design-shared-row">
          <SelectField
            id="design-theme"
            label="Theme"
            hint={
              shared
                ? 'Changing the shared theme restyles every item that uses it.'
                : 'The widget’s own look, or the host page’s --waymark-* properties.'
            }
            value={themeId ?? DEFAULT}
            options={options}
            disabled={readOnly}
            onChange={(id) => onThemeId(id === DEFAULT ? null : id)}
          />
          <Link href="/settings/themes" class="design-manage">
            Manage themes
          </Link>
        </div>
      </section>
      <section class="edit-section" aria-labelledby="design-overrides-title">
        <div class="edit-section-head">
          <h2 id="design-overrides-title">Overrides for this item</h2>
          {overrides > 0 && !readOnly && (
            <button
              type="button"
              class="button button-ghost button-small"
              onClick={() => onTheme(undefined)}
            >
              Clear {overrides} override{overrides === 1 ? '' : 's'}
            </button>
          )}
        </div>
        <p class="edit-hint">
          Empty fields use {shared ? `“${shared.name}”` : 'the default look'}.
        </p>
        <ThemeEditor
          idPrefix="design"
          theme={theme as Theme}
          base={shared?.theme ?? {}}
          readOnly={readOnly}
          onChange={(next) => onTheme(Object.keys(next).length ? next : undefined)}
        />
      </section>
    </>
  );
}
