import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../core/error-text';
import { writeClipboard } from '../state/write-clipboard';

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; reason: string };

export interface CopyButtonProps {
  text: string;
  /** What is being copied, for the accessible name: "value of sid". */
  what: string;
  write?: typeof writeClipboard;
  testId?: string;
}

/** Copies the full text (not the shortened display) and says whether it worked. */
export function CopyButton({ text, what, write = writeClipboard, testId = 'copy-value' }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  useEffect(() => {
    if (outcome.kind === 'idle') return undefined;
    const t = setTimeout(() => setOutcome({ kind: 'idle' }), outcome.kind === 'copied' ? 2000 : 6000);
    return () => clearTimeout(t);
  }, [outcome]);

  const onClick = (e: Event): void => {
    // The button sits inside clickable rows; copying must not also select or toggle the row.
    e.stopPropagation();
    write(text).then(
      () => setOutcome({ kind: 'copied' }),
      (err: unknown) => setOutcome({ kind: 'failed', reason: errorText(err) }),
    );
  };

  return (
    <>
      <button
        type="button"
        class="copy-button"
        data-testid={testId}
        data-outcome={outcome.kind}
        aria-label={`Copy ${what}`}
        onClick={onClick}
      >
        Copy
      </button>
      <span class={`copy-outcome ${outcome.kind}`} role="status" data-testid="copy-outcome">
        {outcome.kind === 'copied' ? 'Copied' : outcome.kind === 'failed' ? `Copy failed: ${outcome.reason}` : ''}
      </span>
    </>
  );
}
