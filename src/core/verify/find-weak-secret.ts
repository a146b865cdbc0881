import type { CookieRecord } from '../cookie/cookie-record';
import { bytesToBase64, utf8ToBytes, type Bytes } from '../decode/bytes';
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
  /**
   * Outcomes of finished searches by what they were checked against: a value whose signed targets equal those of
   * a value already searched (the same JWT under several names, or on several sites of the "all" view) gets that
   * outcome at once. One memo serves one dictionary.
   */
  memo?: WeakSecretMemo;
}

/** Finished, not aborted searches by their targets' key; the oldest are dropped past `MEMO_LIMIT`. */
export type WeakSecretMemo = Map<string, { secret: string | null; checked: number }>;
const MEMO_LIMIT = 500;

/** Equal keys, equal outcome for every secret: the label names the format and the key derivation. */
function targetsKey(targets: readonly HmacTarget[]): string {
  return targets
    .map((t) => `${t.label}\n${t.hash}\n${bytesToBase64(t.signature)}\n${bytesToBase64(t.message)}`)
    .join('\n\n');
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

const encoded = (dictionary: readonly string[]): Candidate[] =>
  dictionary.map((s) => ({ label: s, bytes: utf8ToBytes(s) }));

/** The built-in dictionary's bytes, encoded once (a page may hold thousands of signed values); only ever read. */
let builtIn: readonly Candidate[] | undefined;

function candidates(dictionary?: readonly string[]): readonly Candidate[] {
  if (dictionary) return encoded(dictionary);
  builtIn ??= [
    ...encoded(WEAK_SECRETS),
    ...WEAK_BINARY_SECRETS.map((b) => ({ label: b.label, bytes: new Uint8Array(b.bytes) })),
  ];
  return builtIn;
}

async function matchesAny(targets: readonly HmacTarget[], secret: Bytes): Promise<boolean> {
  for (const target of targets) if (await secretMatches(target, secret)) return true;
  return false;
}

/** The Prioritized Task Scheduling API (Chromium, recent Firefox), where the global scope has it. */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * Hands control back to the event loop for one task. A macrotask, not a microtask: only a task lets the browser
 * paint and handle input between chunks. Where the scheduler API is, the search goes on in a task of background
 * priority, which waits while input or a frame is pending: the DevTools panel searches its signed values while the
 * user types in its filter. Elsewhere, a message to itself rather than a timer: browsers hold a timer set from
 * within a timer's task to at least 4 ms from the fifth on, and those waits, not the hashing, were most of a search.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => undefined, { priority: 'background' });
  }
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

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
  const key = options.memo ? targetsKey(targets) : '';
  const known = options.memo?.get(key);
  if (known) return done(known.secret, known.checked);
  const remember = (result: WeakSecretResult): WeakSecretResult => {
    if (!options.memo) return result;
    options.memo.set(key, { secret: result.secret, checked: result.checked });
    if (options.memo.size > MEMO_LIMIT) options.memo.delete(options.memo.keys().next().value!);
    return result;
  };
  let checked = 0;
  for (let at = 0; at < list.length; at += chunkSize) {
    if (options.signal?.aborted) return done(null, checked, true);
    const chunk = list.slice(at, at + chunkSize);
    // The chunk's checks start together (Rails' PBKDF2 runs in WebCrypto, which can spread it over threads); the
    // order is kept below.
    const hits = await Promise.all(chunk.map((c) => matchesAny(targets, c.bytes)));
    const hit = hits.indexOf(true);
    if (hit >= 0) return remember(done(chunk[hit]!.label, checked + hit + 1));
    checked += chunk.length;
    try {
      options.onProgress?.(checked, list.length);
    } catch {
      // A failing progress callback must not end the search.
    }
    await yieldToEventLoop();
  }
  return remember(done(null, checked));
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
