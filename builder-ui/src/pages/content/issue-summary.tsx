import type { FieldIssue } from '@waymark/shared';

/** `definition.steps.1.blocks.0.text` → "Step 2 › block 1 › text". */
export function readablePath(path: string): string {
  const parts = path.split('.').filter((part) => part !== 'definition');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      const noun = part.endsWith('s') ? part.slice(0, -1) : part;
      out.push(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${Number(next) + 1}`);
      i++;
    } else out.push(part);
  }
  return out.join(' › ') || 'The content';
}

/** The server's reasons for refusing the draft, each also shown next to its field. */
export function IssueSummary({ issues }: { issues: readonly FieldIssue[] }) {
  return (
    <div class="alert editor-notice" role="alert">
      <p>
        Not saved: {issues.length === 1 ? 'one field needs' : `${issues.length} fields need`} a fix.
        {issues.length > 0 && ' Each problem is marked next to its field.'}
      </p>
      <ul class="issue-list">
        {issues.slice(0, 6).map((issue, i) => (
          <li key={i}>
            <strong>{readablePath(issue.path)}</strong>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
