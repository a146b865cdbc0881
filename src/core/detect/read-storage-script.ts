import type { StorageEntry } from './find-storage-tokens';

/** Entries read per storage area; a page can hold thousands. */
export const MAX_STORAGE_ENTRIES = 2_000;
/** A value longer than this is cut in the page, before it crosses over (web storage holds up to 5 MB). */
export const MAX_STORAGE_VALUE_CHARS = 1024 * 1024;

/**
 * Runs in the page: the top frame's origin and its localStorage and sessionStorage. Self-contained (no closure,
 * no import), because it crosses over as source: `scripting.executeScript` takes it as `func`, and
 * READ_STORAGE_SCRIPT is its source for DevTools' `inspectedWindow.eval` and a driver's `page.evaluate`. A page can
 * break its own Storage objects, so every access is guarded, and what comes back is checked again by storageReadOf.
 */
export function readStorageInPage(maxEntries: number, maxChars: number): unknown {
  let omitted = 0;
  const read = (area: () => Storage): [string, string][] => {
    try {
      const s = area();
      const out: [string, string][] = [];
      const n = Math.min(s.length, maxEntries);
      omitted += s.length - n;
      for (let i = 0; i < n; i++) {
        const k = s.key(i);
        const v = k === null ? null : s.getItem(k);
        if (typeof k === 'string' && typeof v === 'string') out.push([k, v.slice(0, maxChars)]);
      }
      return out;
    } catch {
      return [];
    }
  };
  let origin = '';
  try {
    origin = String(location.origin);
  } catch {
    // An opaque or sandboxed origin: the entries still say what they hold.
  }
  const local = read(() => localStorage);
  const session = read(() => sessionStorage);
  return { origin, local, session, omitted };
}

/** The arguments readStorageInPage is called with. */
export const READ_STORAGE_ARGS: [number, number] = [MAX_STORAGE_ENTRIES, MAX_STORAGE_VALUE_CHARS];

/** readStorageInPage as an expression, for callers that evaluate source. */
export const READ_STORAGE_SCRIPT = `(${readStorageInPage.toString()})(${READ_STORAGE_ARGS.join(', ')})`;

/** What the storage reader answered in the page, or why it could not run there (the view words it). */
export type PageScriptAnswer =
  { ok: true; value: unknown } | { ok: false; reason: 'exception' | 'unavailable'; detail: string };

export type StoragePairs = Array<[string, string]>;

/** What READ_STORAGE_SCRIPT answered, checked: the origin and each area's `[key, value]` pairs. */
export interface StorageRead {
  origin: string;
  local: StoragePairs;
  session: StoragePairs;
  /** Entries beyond MAX_STORAGE_ENTRIES per area, left unread. */
  omitted?: number;
}

function pairs(value: unknown): StoragePairs {
  if (!Array.isArray(value)) return [];
  const out: StoragePairs = [];
  for (const e of value.slice(0, MAX_STORAGE_ENTRIES)) {
    if (Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') {
      out.push([e[0], e[1].slice(0, MAX_STORAGE_VALUE_CHARS)]);
    }
  }
  return out;
}

/** The script's answer as a StorageRead; anything else reads as empty storage. */
export function storageReadOf(raw: unknown): StorageRead {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    origin?: unknown;
    local?: unknown;
    session?: unknown;
    omitted?: unknown;
  };
  const read: StorageRead = {
    origin: typeof r.origin === 'string' ? r.origin.slice(0, 2048) : '',
    local: pairs(r.local),
    session: pairs(r.session),
  };
  if (typeof r.omitted === 'number' && Number.isSafeInteger(r.omitted) && r.omitted > 0) read.omitted = r.omitted;
  return read;
}

/** The read as the token finder's entries. */
export function storageEntriesOf(read: StorageRead): StorageEntry[] {
  return [
    ...read.local.map(([key, value]) => ({ key, value, area: 'localStorage' as const, origin: read.origin })),
    ...read.session.map(([key, value]) => ({ key, value, area: 'sessionStorage' as const, origin: read.origin })),
  ];
}
