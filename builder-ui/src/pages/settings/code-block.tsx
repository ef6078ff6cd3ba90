import { CopyButton } from '../../components/copy-button';

/** A labelled, copyable block of code (text only: never parsed as HTML). */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  const id = `code-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <figure class="code-block" aria-labelledby={id}>
      <figcaption class="code-block-head">
        <span id={id}>{label}</span>
        <CopyButton text={code} label={`Copy: ${label}`} />
      </figcaption>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
