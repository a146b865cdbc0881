import { batch, signal, type ReadonlySignal } from '@preact/signals';
import { errorText } from '../core/error-text';
import type { CookieView } from '../core/analyze-site';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { VerifyResult } from '../core/verify/verify-result';

/** Checks a cookie's signature with what the user typed (verifyCookie's shape). Must never reject. */
export type Verifier = (
  cookie: CookieRecord,
  jar: readonly CookieRecord[],
  secrets: readonly string[],
) => Promise<VerifyResult>;

/** A verification the user ran, for the value it was run on: a rotated cookie is a new value, unchecked. */
export interface StoredVerification {
  value: string;
  result: VerifyResult;
}

/** The automatic weak-secret check of the signed values on the page, as the views show it. */
export interface WeakSecretProgress {
  state: 'running' | 'done';
  /** HMAC-signed values on the page (checked earlier for the same value count as checked). */
  values: number;
  /** Known secrets each value is tried against. */
  secrets: number;
  /** Values fully checked so far. */
  checkedValues: number;
  /** Secrets tried so far, over all values (for the progress bar: out of values × secrets). */
  checked: number;
  /** Values that verify with a known secret. */
  hits: number;
}

const loadVerifier: Verifier = async (cookie, jar, secrets) =>
  (await import('../core/verify/verify-cookie')).verifyCookie(cookie, jar, secrets);

/**
 * The user's signature checks and the automatic weak-secret check. `verify` defaults to core's verifyCookie,
 * loaded on first use so the popup's first paint does not wait for jose.
 */
export function createVerificationSlice(cookies: ReadonlySignal<readonly CookieView[]>, verify?: Verifier) {
  /**
   * Outcomes of the user's signature checks, by cookie key. Only outcomes: the secrets and keys typed stay in
   * the form's own state and are never stored, here or in any storage area.
   */
  const verifications = signal<ReadonlyMap<string, StoredVerification>>(new Map());
  /** Cookie keys with a verification running. */
  const verifying = signal<ReadonlySet<string>>(new Set());
  const weakSecret = signal<WeakSecretProgress | null>(null);
  const verifier = verify ?? loadVerifier;

  /**
   * Checks the signature of the cookie `key` with the given secrets or keys and keeps the outcome for that
   * value. Resolves to the outcome, or null when the cookie is gone. Never rejects.
   */
  async function run(key: string, secrets: readonly string[]): Promise<VerifyResult | null> {
    const target = cookies.value.find((c) => c.key === key);
    if (!target) return null;
    const jar = cookies.value.map((c) => c.cookie);
    verifying.value = new Set(verifying.value).add(key);
    let result: VerifyResult;
    try {
      result = await verifier(target.cookie, jar, secrets);
    } catch (e) {
      result = { status: 'unsupported', format: null, message: `could not verify: ${errorText(e)}` };
    }
    batch(() => {
      verifications.value = new Map(verifications.value).set(key, { value: target.cookie.value, result });
      const pending = new Set(verifying.value);
      pending.delete(key);
      verifying.value = pending;
    });
    return result;
  }

  /** The outcome of the last verification of this cookie, if it was run on the value it has now. */
  function verificationOf(view: Pick<CookieView, 'key' | 'cookie'>): VerifyResult | undefined {
    const v = verifications.value.get(view.key);
    return v && v.value === view.cookie.value ? v.result : undefined;
  }

  return { verifications, verifying, weakSecret, verify: run, verificationOf };
}

export type VerificationSlice = ReturnType<typeof createVerificationSlice>;
