import type { CookieRecord } from '../cookie/cookie-record';
import { utf8ToBytes, type Bytes } from '../decode/bytes';
import type { FormatId } from '../decode/decoded-value';
import { hmacTargets, secretMatches, type HmacTarget } from './hmac-target';
import { WEAK_BINARY_SECRETS, WEAK_SECRETS } from './weak-secrets';

export interface WeakSecretOptions {
  /** Stops the search between chunks; the result then says `aborted`. */
  signal?: AbortSignal;
  onProgress?: (checked: number, total: number) => void;
  /** Secrets tried between two yields to the event loop. */
  chunkSize?: number;
  /** Replaces the built-in dictionary (tests, or a user's own list). */
  dictionary?: readonly string[];
  /**
   * Leaves out signatures whose key is derived per secret (Rails: PBKDF2): for checks nobody asked for, such as
   * the toolbar badge's; a view the user opens checks them.
   */
  skipCostlyKeys?: boolean;
}

export interface WeakSecretResult {
  /** The secret that signed the value, or `null` when none of the dictionary did. */
  secret: string | null;
  format: FormatId | null;
  /** False when the cookie carries no HMAC signature the check applies to. */
  applicable: boolean;
  aborted: boolean;
  /** Secrets tried (a Rails cookie costs two per secret: both key derivations). */
  checked: number;
  total: number;
  elapsedMs: number;
}

interface Candidate {
  label: string;
  bytes: Bytes;
}

function candidates(dictionary?: readonly string[]): Candidate[] {
  const text = (dictionary ?? WEAK_SECRETS).map((s) => ({ label: s, bytes: utf8ToBytes(s) }));
  if (dictionary) return text;
  return [...text, ...WEAK_BINARY_SECRETS.map((b) => ({ label: b.label, bytes: new Uint8Array(b.bytes) }))];
}

async function matchesAny(targets: readonly HmacTarget[], secret: Bytes): Promise<boolean> {
  for (const target of targets) if (await secretMatches(target, secret)) return true;
  return false;
}

// A macrotask, not a microtask: only a macrotask lets the browser paint and handle input between chunks.
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Tries every default and example secret against the cookie's HMAC-signed value (HS* JWT, express-session,
 * cookie-session, Flask, Django, Rails signed), in chunks that yield so a UI never freezes. Never rejects.
 */
export async function findWeakSecret(
  cookie: CookieRecord,
  jar: readonly CookieRecord[] = [],
  options: WeakSecretOptions = {},
): Promise<WeakSecretResult> {
  const started = performance.now();
  const list = candidates(options.dictionary);
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 64));
  let targets: HmacTarget[] = [];
  try {
    targets = hmacTargets(cookie, jar);
    if (options.skipCostlyKeys) targets = targets.filter((t) => !t.costlyKey);
  } catch {
    targets = [];
  }
  const base = { total: list.length, format: targets[0]?.format ?? null };
  const done = (secret: string | null, checked: number, aborted = false): WeakSecretResult => ({
    ...base,
    secret,
    applicable: targets.length > 0,
    aborted,
    checked,
    elapsedMs: performance.now() - started,
  });
  if (targets.length === 0) return done(null, 0);
  let checked = 0;
  for (let at = 0; at < list.length; at += chunkSize) {
    if (options.signal?.aborted) return done(null, checked, true);
    const chunk = list.slice(at, at + chunkSize);
    // The chunk's checks run concurrently: WebCrypto can spread them over threads, and order is kept below.
    const hits = await Promise.all(chunk.map((c) => matchesAny(targets, c.bytes)));
    const hit = hits.indexOf(true);
    if (hit >= 0) return done(chunk[hit]!.label, checked + hit + 1);
    checked += chunk.length;
    try {
      options.onProgress?.(checked, list.length);
    } catch {
      // A failing progress callback must not end the search.
    }
    await yieldToEventLoop();
  }
  return done(null, checked);
}

export interface SecretCheckRate {
  /** Secret × value checks done. */
  checks: number;
  elapsedMs: number;
  perSecond: number;
}

/**
 * How many dictionary secrets per second the weak-secret check gets through on this cookie, measured by
 * running the whole search (with its yields) until `minMs` have passed. For `npm run bench`.
 */
export async function measureSecretCheckRate(
  cookie: CookieRecord,
  jar: readonly CookieRecord[] = [],
  minMs = 1000,
): Promise<SecretCheckRate> {
  const started = performance.now();
  let checks = 0;
  do {
    const r = await findWeakSecret(cookie, jar, {});
    if (!r.applicable) break;
    checks += r.checked;
  } while (performance.now() - started < minMs);
  const elapsedMs = performance.now() - started;
  return { checks, elapsedMs, perSecond: elapsedMs > 0 ? (checks * 1000) / elapsedMs : 0 };
}
