import type { PreviewState } from './use-preview';

/** "128 users match now", with a sample of them; announced politely as it changes. */
export function PreviewPanel({
  preview,
  title = 'Matching users',
}: {
  preview: PreviewState;
  title?: string;
}) {
  const shown =
    preview.state === 'ready' ? preview.preview : preview.state === 'loading' ? preview.last : null;
  return (
    <section class="segment-preview" aria-label={title}>
      <h2 class="segment-preview-title">{title}</h2>
      <p class="segment-count" aria-live="polite" data-testid="preview-count">
        {shown ? (
          <>
            <strong>{shown.count.toLocaleString('en')}</strong>{' '}
            {shown.count === 1 ? 'user matches' : 'users match'} now
          </>
        ) : preview.state === 'idle' ? (
          <span class="muted">{preview.reason}</span>
        ) : preview.state === 'failed' ? (
          <span class="field-error">{preview.message}</span>
        ) : (
          <span class="muted">Counting…</span>
        )}
        {preview.state === 'loading' && shown && <span class="muted"> (updating…)</span>}
      </p>
      {shown && shown.sample.length > 0 && (
        <>
          <h3 class="segment-sample-title">Sample</h3>
          <ul class="segment-sample">
            {shown.sample.map((m) => (
              <li key={m.endUserId}>
                {m.userId ?? <span class="muted">anonymous {m.anonymousId}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {shown && <p class="muted segment-ms">Computed in {Math.round(shown.ms)} ms.</p>}
    </section>
  );
}
