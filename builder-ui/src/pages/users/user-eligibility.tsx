import type { EligibilityReason, ItemEligibility, UserExport } from '@waymark/shared';
import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { getEligibility } from '../../api/users';
import { Link } from '../../components/link';
import { LoadView } from '../../components/load-view';
import { useLoad } from '../../components/use-load';
import { kindLabel } from '../../format';
import { useWorkspace } from '../../workspace-context';

const CHECK_LABELS: Record<EligibilityReason['check'], string> = {
  status: 'Status',
  audience: 'Audience',
  schedule: 'Schedule',
  frequency: 'Frequency',
  experiment: 'Experiment',
  priority: 'Priority',
};

const VERDICT_LABELS: Record<EligibilityReason['verdict'], string> = {
  pass: 'passes',
  fail: 'blocks',
  warn: 'note',
};

const VERDICT_MARKS: Record<EligibilityReason['verdict'], string> = {
  pass: '✓',
  fail: '✕',
  warn: '!',
};

/** "Why is this content (not) shown to this user", item by item, reason by reason. */
export function UserEligibility({ user, routeId }: { user: UserExport; routeId: string }) {
  const { api, workspace } = useWorkspace();
  const [url, setUrl] = useState('');
  const [pageUrl, setPageUrl] = useState<string | undefined>(undefined);
  const [urlError, setUrlError] = useState('');
  const who = { userId: user.userId ?? routeId, anonymousId: user.anonymousIds[0] };
  const { load, reload } = useLoad(
    (signal) => getEligibility(api, workspace.id, who, pageUrl, signal),
    [api, workspace.id, who.userId, who.anonymousId, pageUrl],
  );

  const onSubmit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = url.trim();
    if (value && !/^https?:\/\/\S+$/i.test(value)) {
      setUrlError('Enter a full address, e.g. https://app.example.com/projects.');
      return;
    }
    setUrlError('');
    setPageUrl(value || undefined);
  };

  return (
    <section class="user-card" aria-labelledby="why-title">
      <h2 id="why-title" class="user-card-title">
        Why is content (not) shown
      </h2>
      <p class="muted">
        Each item with the checks it passes through for this person, as the widget would be answered
        now. Page rules need a page:
      </p>
      <form class="why-page" noValidate onSubmit={onSubmit}>
        <label for="why-url">On page</label>
        <input
          id="why-url"
          type="url"
          value={url}
          placeholder="https://app.example.com/projects"
          aria-invalid={urlError ? 'true' : undefined}
          aria-describedby={urlError ? 'why-url-error' : undefined}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <button type="submit" class="button button-small">
          Explain
        </button>
        {urlError && (
          <p class="field-error" id="why-url-error">
            {urlError}
          </p>
        )}
      </form>
      <LoadView load={load} what="the reasons" onRetry={reload}>
        {(answer) =>
          answer.data.length === 0 ? (
            <p class="muted">
              This workspace has no content yet. <Link href="/content">Create some</Link>.
            </p>
          ) : (
            <ul class="why-list">
              {answer.data.map((item) => (
                <WhyItem key={item.contentId} item={item} />
              ))}
            </ul>
          )
        }
      </LoadView>
    </section>
  );
}

function WhyItem({ item }: { item: ItemEligibility }) {
  return (
    <li class={`why-item ${item.eligible ? 'why-eligible' : 'why-blocked'}`}>
      <div class="why-head">
        <Link href={`/content/${item.contentId}`}>{item.name}</Link>
        <span class="muted">{kindLabel(item.kind)}</span>
        <span class={`badge ${item.eligible ? 'badge-published' : 'badge-archived'}`}>
          {item.eligible ? 'Shown' : 'Not shown'}
        </span>
        {item.experiment && (
          <span class="badge badge-draft">
            {item.experiment.arm === 'control' ? 'Holdout' : `Variant ${item.experiment.key}`}
          </span>
        )}
      </div>
      <ul class="why-reasons" aria-label={`Reasons for ${item.name}`}>
        {item.reasons.map((reason, index) => (
          <li key={`${reason.check}-${index}`} class={`why-reason why-${reason.verdict}`}>
            <span class="why-mark" aria-hidden="true">
              {VERDICT_MARKS[reason.verdict]}
            </span>
            <span class="why-check">
              {CHECK_LABELS[reason.check]}
              <span class="visually-hidden"> {VERDICT_LABELS[reason.verdict]}:</span>
            </span>
            <span class="why-message">{reason.message}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}
