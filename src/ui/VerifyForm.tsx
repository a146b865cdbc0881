import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { CookieView } from '../core/analyze-site';
import type { VerifyResult } from '../core/verify/verify-result';
import { splitSecrets } from '../core/verify/split-secrets';
import { DecryptedView } from './DecryptedView';
import { useStore } from './store-context';
import { ValueText } from './ValueText';
import './verify.css';

export interface VerifyFormProps {
  view: CookieView;
}

interface FormText {
  heading: string;
  label: string;
  placeholder: string;
}

const SIGNED: FormText = {
  heading: 'Verify the signature',
  label: 'Secret or key',
  placeholder: 'secret · JWK · PEM public key · several secrets one per line',
};

/** Encrypted formats: the secret decrypts, and the authentication tag or MAC verifies. */
const ENCRYPTED: Partial<Record<NonNullable<CookieView['decoded']['format']>, FormText>> = {
  'rails-encrypted': {
    heading: 'Verify and decrypt',
    label: 'secret_key_base',
    placeholder: 'secret_key_base · several (rotations) one per line',
  },
  laravel: {
    heading: 'Verify and decrypt',
    label: 'APP_KEY',
    placeholder: 'APP_KEY as in .env (base64:…) · APP_PREVIOUS_KEYS one per line',
  },
};

function outcomeText(r: VerifyResult): string {
  if (r.status === 'unsupported') return `unsupported: ${r.message}`;
  return `signature ${r.status} — ${r.message}`;
}

/**
 * Checks the cookie's signature with a secret or key the user pastes, and decrypts the encrypted formats with
 * it (showing what they hold, as text). What is typed lives only in this
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
  const text = (view.decoded.format && ENCRYPTED[view.decoded.format]) ?? SIGNED;

  function submit(): void {
    if (disabled) return;
    void store.verification.verify(view.key, secrets);
  }

  return (
    <section class="verify" data-testid="verify" aria-label={text.heading}>
      <h4>{text.heading}</h4>
      <form
        onSubmit={(e: TargetedEvent<HTMLFormElement>) => {
          e.preventDefault();
          submit();
        }}
      >
        <label for={inputId}>{text.label}</label>
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
          placeholder={text.placeholder}
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
      {result?.decrypted && <DecryptedView content={result.decrypted} />}
    </section>
  );
}
