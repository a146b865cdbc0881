import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import { createSnapshotStore, type LocalArea } from '../../src/state/snapshot-store';
import type { PageStorageResult, TransferDeps, WriteResult } from '../../src/state/transfer-deps';

/** A `storage.local` in memory, values copied as the real one does. */
export function memoryArea(): LocalArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const copy = (v: unknown) => (v === undefined ? undefined : structuredClone(v));
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

/**
 * Transfer deps over an in-memory jar: `apply` sets and removes by identity and answers per op, refusing the
 * cookies named in `refuse` (as a browser refuses what it will not store, in words that quote the name).
 */
export function fakeTransferDeps(jar: CookieRecord[], refuse: ReadonlySet<string> = new Set()) {
  const saved: Array<{ fileName: string; text: string; mimeType: string }> = [];
  const labels: string[] = [];
  const deps: TransferDeps = {
    browser: 'chromium',
    siteCookies: async () => jar.map((c) => ({ ...c })),
    allCookies: async () => jar.map((c) => ({ ...c })),
    save: (fileName, text, mimeType) => {
      saved.push({ fileName, text, mimeType });
    },
    copy: async () => undefined,
    version: () => '9.9.9',
    now: () => Date.UTC(2026, 11, 2),
    snapshots: createSnapshotStore(memoryArea()),
    apply: async (plan, label) => {
      labels.push(label);
      const out: WriteResult[] = [];
      for (const c of plan.remove) {
        const i = jar.findIndex((x) => cookieKey(x) === cookieKey(c));
        if (i >= 0) jar.splice(i, 1);
        out.push({ op: 'remove', cookie: c, ok: true });
      }
      for (const c of plan.set) {
        if (refuse.has(c.name)) {
          out.push({ op: 'set', cookie: c, ok: false, reason: `Failed to set cookie named "${c.name}"` });
          continue;
        }
        const i = jar.findIndex((x) => cookieKey(x) === cookieKey(c));
        if (i >= 0) jar.splice(i, 1, { ...c });
        else jar.push({ ...c });
        out.push({ op: 'set', cookie: c, ok: true });
      }
      return out;
    },
  };
  return { deps, saved, labels, jar };
}

/** A page whose web storage on https://app.example.com holds these `[area, key, value]` items, read whole. */
export function pageStorageOf(
  ...items: Array<['localStorage' | 'sessionStorage', string, string]>
): () => Promise<PageStorageResult> {
  const entries = items.map(([area, key, value]) => ({ area, origin: 'https://app.example.com', key, value }));
  return async () => ({ ok: true, omitted: 0, entries });
}
