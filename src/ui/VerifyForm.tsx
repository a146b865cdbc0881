import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { CookieView } from '../core/analyze-site';
import type { VerifyResult } from '../core/verify/verify-result';
import { splitSecrets } from '../core/verify/split-secrets';
import { useStore } from './store-context';
import { ValueText } from './ValueText';
import './verify.css';

export interface VerifyFormProps {
  view: CookieView;
}

function outcomeText(r: VerifyResult): string {
  if (r.status === 'unsupported') return `unsupported: ${r.message}`;
  return `signature ${r.status} — ${r.message}`;
}

/**
 * Checks the cookie's signature with a secret or key the user pastes. What is typed lives only in this
 * component's state (gone when the detail closes) and is handed to the verifier; only the outcome is kept,
 * and it feeds the analysis (the signature-verified / signature-invalid findings).
 */
export function VerifyForm({ view }: VerifyFormProps) {
  const store = useStore();
  const [input, setInput] = useState('');
  const inputId = useId();
  const hintId = useId();
  const result = store.verification.verificationOf(view);
  const pending = store.verification.verifying.value.has(view.key);
  const secrets = splitSecrets(input);
  const disabled = pending || secrets.length === 0;

  function submit(): void {
    if (disabled) return;
    void store.verification.verify(view.key, secrets);
  }

  return (
    <section class="verify" data-testid="verify" aria-label="Verify the signature">
      <h4>Verify the signature</h4>
      <form
        onSubmit={(e: TargetedEvent<HTMLFormElement>) => {
          e.preventDefault();
          submit();
        }}
      >
        <label for={inputId}>Secret or key</label>
        <textarea
          id={inputId}
          class="verify-input"
          data-testid="verify-input"
          rows={2}
          value={input}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-describedby={hintId}
          placeholder="secret · JWK · PEM public key · several secrets one per line"
          onInput={(e: TargetedEvent<HTMLTextAreaElement>) => setInput(e.currentTarget.value)}
          onKeyDown={(e: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
            // Enter alone starts a new line (several keys, PEM); Ctrl/Cmd+Enter verifies.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <p id={hintId} class="muted verify-hint">
          Kept in memory only: never saved, exported or sent anywhere.
        </p>
        <button type="submit" class="verify-button" data-testid="verify-button" disabled={disabled}>
          {pending ? 'Verifying…' : 'Verify'}
        </button>
      </form>
      {result && (
        <p
          class={`verify-result ${result.status}`}
          data-testid="verify-result"
          data-status={result.status}
          role="status"
        >
          <ValueText value={outcomeText(result)} max={600} />
        </p>
      )}
    </section>
  );
}
