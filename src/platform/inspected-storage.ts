import { browser } from './browser';
import type { StorageEntry } from '../core/snapshot/snapshot';

/** What the page may hold is unbounded (web storage has no per-item limit): read at most this much. */
export const MAX_STORAGE_ITEMS = 10_000;
export const MAX_STORAGE_CHARS = 16 * 1024 * 1024;

export type InspectedStorage = { ok: true; entries: StorageEntry[]; omitted: number } | { ok: false; reason: string };

/**
 * Runs in the inspected page's top frame (devtools.inspectedWindow.eval): its origin and both storage areas,
 * bounded in count and characters. Kept as a string constant: it is code for the page, never evaluated here.
 */
const READ_STORAGE = `(() => {
  const out = { origin: location.origin, items: [], omitted: 0, errors: [] };
  let chars = 0;
  for (const area of ['localStorage', 'sessionStorage']) {
    let s;
    try { s = window[area]; } catch (e) { out.errors.push(area + ': ' + String(e)); continue; }
    if (!s) continue;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const key = s.key(i);
      const value = key === null ? null : s.getItem(key);
      if (key === null || value === null) continue;
      if (out.items.length >= ${MAX_STORAGE_ITEMS} || chars + key.length + value.length > ${MAX_STORAGE_CHARS}) {
        out.omitted++;
        continue;
      }
      chars += key.length + value.length;
      out.items.push([area, key, value]);
    }
  }
  return out;
})()`;

interface RawStorage {
  origin: string;
  items: Array<[string, string, string]>;
  omitted: number;
  errors: string[];
}

/** The page's answer is page-controlled: check every field before it becomes data. */
function isRawStorage(v: unknown): v is RawStorage {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.origin === 'string' &&
    typeof r.omitted === 'number' &&
    Array.isArray(r.errors) &&
    Array.isArray(r.items) &&
    r.items.every(
      (i) =>
        Array.isArray(i) &&
        (i[0] === 'localStorage' || i[0] === 'sessionStorage') &&
        typeof i[1] === 'string' &&
        typeof i[2] === 'string',
    )
  );
}

interface EvalException {
  isException?: boolean;
  value?: string;
  description?: string;
}

type EvalApi = (
  expression: string,
  options?: Record<string, unknown>,
  callback?: (result: unknown, exception?: EvalException) => void,
) => unknown;

/**
 * `inspectedWindow.eval` with a callback where the `chrome` namespace has it (Chromium's does not return a
 * promise), with the promise of `browser` otherwise (Firefox, which answers `[result, exceptionInfo]`).
 */
function evalInPage(expression: string): Promise<unknown> {
  const chromeApi = (globalThis as { chrome?: { devtools?: { inspectedWindow?: { eval?: EvalApi } } } }).chrome
    ?.devtools?.inspectedWindow?.eval;
  return new Promise((resolve, reject) => {
    const settle = (result: unknown, exception?: EvalException): void => {
      if (exception && (exception.isException || exception.description || exception.value)) {
        reject(new Error(exception.value ?? exception.description ?? 'the page threw'));
      } else resolve(result);
    };
    if (typeof chromeApi === 'function') {
      chromeApi(expression, {}, settle);
      return;
    }
    const answer = browser.devtools.inspectedWindow.eval(expression) as Promise<[unknown, EvalException?]>;
    answer.then(([result, exception]) => settle(result, exception), reject);
  });
}

/** Page-controlled text in a message: bounded. */
function short(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The inspected page's localStorage and sessionStorage; only a real DevTools panel can read them. */
export async function readInspectedStorage(): Promise<InspectedStorage> {
  let raw: unknown;
  try {
    raw = await evalInPage(READ_STORAGE);
  } catch (e) {
    return { ok: false, reason: `the page could not be read (${short(e instanceof Error ? e.message : String(e))})` };
  }
  if (!isRawStorage(raw)) return { ok: false, reason: 'the page gave an answer of the wrong shape' };
  if (raw.items.length === 0 && raw.errors.length > 0) {
    return { ok: false, reason: `web storage could not be read (${short(raw.errors.join('; '))})` };
  }
  const entries: StorageEntry[] = raw.items.map(([area, key, value]) => ({
    area: area as StorageEntry['area'],
    origin: raw.origin,
    key,
    value,
  }));
  return { ok: true, entries, omitted: raw.omitted };
}
