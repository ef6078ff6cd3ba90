import type { Experiment } from '@waymark/shared';
import { ExperimentStatusBadge } from '../../pages/experiments/experiments-page';

interface ExperimentHistoryProps {
  /** Ended (stopped or shipped) experiments of the item, newest first. */
  past: Experiment[];
  /** The one the editor shows, marked in the list. */
  shownId: string | null;
  onShow: (id: string) => void;
}

const day = (iso: string | null): string =>
  iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—';

/** Earlier experiments of the item, each readable in the editor above. */
export function ExperimentHistory({ past, shownId, onShow }: ExperimentHistoryProps) {
  if (past.length === 0) return null;
  return (
    <section class="experiment-history" aria-labelledby="experiment-history-title">
      <h3 id="experiment-history-title">Past experiments</h3>
      <ul>
        {past.map((e) => (
          <li key={e.id} class="experiment-history-item">
            <strong>{e.name}</strong>
            <ExperimentStatusBadge status={e.status} />
            <span class="muted">
              {day(e.startedAt)} – {day(e.stoppedAt)}
              {e.shippedVariant ? ` · shipped ${e.shippedVariant}` : ''}
            </span>
            {e.id === shownId ? (
              <span class="muted">Shown above</span>
            ) : (
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={`Show ${e.name}`}
                onClick={() => onShow(e.id)}
              >
                Show
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
