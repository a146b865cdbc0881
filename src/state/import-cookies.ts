import { cookieKey } from '../core/cookie/cookie-key';
import { cookiesCount } from '../core/export/export-result';
import { parseImport, type ImportOptions } from '../core/export/detect-format';
import type { ParsedImport } from '../core/export/import-result';
import { previewImport, type ImportPreview, type PreviewItem } from '../core/export/import-preview';
import type { TransferDeps, WriteResult } from './transfer-deps';

export interface PreparedImport {
  parsed: ParsedImport;
  preview: ImportPreview;
}

/**
 * Reads an import and says what it would do to the jar, cookie by cookie, before anything is written. The
 * jar is every cookie the extension sees (every store, every partition), because each imported cookie goes to
 * its own domain, path, store and partition, not the page's.
 */
export async function prepareImport(
  text: string,
  options: ImportOptions,
  deps: Pick<TransferDeps, 'allCookies' | 'now'>,
): Promise<PreparedImport> {
  const parsed = parseImport(text, options);
  const jar = parsed.cookies.length > 0 ? await deps.allCookies() : [];
  return { parsed, preview: previewImport(parsed.cookies, jar, { nowMs: deps.now() }) };
}

export type ImportItemResult =
  | { kind: 'saved'; item: PreviewItem }
  /** Stored, but the browser changed some attributes (read back). */
  | { kind: 'changed'; item: PreviewItem; reason: string }
  | { kind: 'failed'; item: PreviewItem; reason: string }
  | { kind: 'skipped'; item: PreviewItem; reason: string };

export interface ImportOutcome {
  results: ImportItemResult[];
  counts: Record<ImportItemResult['kind'], number>;
}

/** The items an import writes: new cookies and changed ones; unchanged and invalid ones are left alone. */
export function toWrite(preview: ImportPreview): PreviewItem[] {
  return preview.items.filter((i) => i.kind === 'new' || i.kind === 'overwrite');
}

/**
 * Writes the previewed import through the write path and waits for every save before saying anything; each
 * cookie's result is what the browser answered for it (matched by full identity).
 */
export async function runImport(preview: ImportPreview, deps: Pick<TransferDeps, 'apply'>): Promise<ImportOutcome> {
  const writes = toWrite(preview);
  let answers: WriteResult[] = [];
  let failedAll: string | null = null;
  if (!deps.apply) failedAll = 'this view cannot write cookies';
  else if (writes.length > 0) {
    try {
      answers = await deps.apply(
        { set: writes.map((i) => i.cookie), remove: [] },
        `import of ${cookiesCount(writes.length)}`,
      );
    } catch (e) {
      failedAll = e instanceof Error ? e.message : String(e);
    }
  }
  const byKey = new Map(answers.filter((a) => a.op === 'set').map((a) => [cookieKey(a.cookie), a]));
  const results = preview.items.map((item): ImportItemResult => {
    if (item.kind === 'unchanged') return { kind: 'skipped', item, reason: 'already in the jar, unchanged' };
    if (item.kind === 'invalid') {
      return { kind: 'skipped', item, reason: item.problems.map((p) => p.reason).join('; ') };
    }
    if (failedAll !== null) return { kind: 'failed', item, reason: failedAll };
    const a = byKey.get(cookieKey(item.cookie));
    if (!a) return { kind: 'failed', item, reason: 'the write path gave no answer for this cookie' };
    if (!a.ok) return { kind: 'failed', item, reason: a.reason ?? 'the browser refused it' };
    if (a.differs && a.differs.length > 0) {
      return { kind: 'changed', item, reason: `stored, but the browser changed ${a.differs.join(', ')}` };
    }
    return { kind: 'saved', item };
  });
  const counts: ImportOutcome['counts'] = { saved: 0, changed: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.kind] += 1;
  return { results, counts };
}
