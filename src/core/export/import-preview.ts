import { changedAttributes, type CookieAttribute } from '../cookie/changed-attributes';
import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import { validateCookie, type CookieProblem } from '../cookie/validate-cookie';

export type PreviewItem =
  | { kind: 'new'; cookie: CookieRecord }
  | { kind: 'overwrite'; cookie: CookieRecord; current: CookieRecord; changed: CookieAttribute[] }
  | { kind: 'unchanged'; cookie: CookieRecord; current: CookieRecord }
  | { kind: 'invalid'; cookie: CookieRecord; problems: CookieProblem[] };

export interface ImportPreview {
  /** One item per imported cookie, in the import's order. */
  items: PreviewItem[];
  counts: Record<PreviewItem['kind'], number>;
}

export interface PreviewOptions {
  nowMs: number;
}

/**
 * What importing `cookies` into `jar` would do, cookie by cookie, matched by full identity (name, domain,
 * path, store, partition): the same name on another path is another cookie, never an overwrite. A cookie the
 * browser would refuse is `invalid` with its reasons; an identity given twice keeps the last, the earlier one
 * is `invalid` so the user sees it was not imported.
 */
export function previewImport(
  cookies: readonly CookieRecord[],
  jar: readonly CookieRecord[],
  options: PreviewOptions,
): ImportPreview {
  const current = new Map(jar.map((c) => [cookieKey(c), c]));
  const lastIndex = new Map<string, number>();
  cookies.forEach((c, i) => lastIndex.set(cookieKey(c), i));
  const counts: ImportPreview['counts'] = { new: 0, overwrite: 0, unchanged: 0, invalid: 0 };
  const items = cookies.map((cookie, i): PreviewItem => {
    const key = cookieKey(cookie);
    let item: PreviewItem;
    const problems = validateCookie(cookie, { nowMs: options.nowMs });
    if (lastIndex.get(key) !== i) {
      item = {
        kind: 'invalid',
        cookie,
        problems: [
          {
            code: 'duplicate',
            reason: `the same cookie appears again later in the import (entry ${(lastIndex.get(key) ?? 0) + 1}), which is kept`,
          },
        ],
      };
    } else if (problems.length > 0) {
      item = { kind: 'invalid', cookie, problems };
    } else {
      const existing = current.get(key);
      if (!existing) item = { kind: 'new', cookie };
      else {
        const changed = changedAttributes(existing, cookie);
        item =
          changed.length === 0
            ? { kind: 'unchanged', cookie, current: existing }
            : { kind: 'overwrite', cookie, current: existing, changed };
      }
    }
    counts[item.kind] += 1;
    return item;
  });
  return { items, counts };
}
