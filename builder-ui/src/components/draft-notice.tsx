import { useId } from 'preact/hooks';
import { formatDateTime, formatRelative } from '../format';
import type { DraftOffer } from './use-local-draft';

interface DraftNoticeProps<T> {
  offer: DraftOffer<T> | null;
  /** What is being edited, for the sentence: "segment", "goal"… */
  noun: string;
  onRestore: () => void;
  onDiscard: () => void;
}

/** "Unsaved changes from 5 minutes ago": the one sentence, also used by tests. */
export function draftAge(savedAt: number, now: Date = new Date()): string {
  const when = formatRelative(new Date(savedAt).toISOString(), now);
  return `Unsaved changes from ${when === 'just now' ? 'a moment ago' : when}`;
}

/**
 * Offers back the unsaved changes this browser kept for an editor (see useLocalDraft). A labelled
 * region rather than a live one: it appears with the page, and the page's own status line is the
 * live region people (and tests) listen to. The buttons vanish with the notice, so the callers
 * move focus somewhere near (their status line or heading) and say what happened.
 */
export function DraftNotice<T>({ offer, noun, onRestore, onDiscard }: DraftNoticeProps<T>) {
  const titleId = useId();
  if (!offer) return null;
  const iso = new Date(offer.savedAt).toISOString();
  return (
    <section class="draft-notice" aria-labelledby={titleId}>
      <div class="draft-notice-text">
        <p id={titleId} class="draft-notice-title">
          <time dateTime={iso} title={formatDateTime(iso)}>
            {draftAge(offer.savedAt)}
          </time>
        </p>
        <p>
          {offer.serverChanged
            ? `This ${noun} was saved by someone (or another tab) since then. Restoring puts your version back; saving it replaces the newer one.`
            : `They were kept in this browser and are not saved yet.`}
        </p>
      </div>
      <div class="draft-notice-actions">
        <button type="button" class="button button-primary button-small" onClick={onRestore}>
          Restore
        </button>
        <button type="button" class="button button-small" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
