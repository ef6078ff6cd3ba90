import { useEffect, useState } from 'preact/hooks';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy SDK key". */
  label: string;
  class?: string;
}

/** Falls back to a selected textarea where the Clipboard API is missing or refused. */
function copyByCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
}

/** Copies `text` and says so, to sight and to screen readers. */
export function CopyButton({ text, label, class: className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState(copyByCommand(text) ? 'copied' : 'failed');
    }
  };

  return (
    <>
      <button
        type="button"
        class={`button button-small ${className ?? ''}`}
        aria-label={label}
        onClick={copy}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span class="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'Copy failed: select the text and copy it.'
            : ''}
      </span>
    </>
  );
}
