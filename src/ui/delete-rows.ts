import type { CookieView } from '../core/analyze-site';
import type { CookieWriter } from '../state/cookie-writer';

/** The undo history's name for a delete of the checked rows: one name, whichever control did it. */
export const checkedDeleteLabel = (count: number): string => `delete of ${count} selected cookies`;

/** One write that deletes the cookies of `rows`, named `label` in the undo history. */
export function deleteRows(writer: CookieWriter, rows: readonly CookieView[], label: string) {
  return writer.write(
    rows.map((r) => ({ kind: 'remove', cookie: r.cookie })),
    label,
  );
}
