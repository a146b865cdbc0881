import type { TimedChange } from './change-log-entry';
import { MAX_DOMAIN_CHARS, MAX_NAME_CHARS, MAX_PATH_CHARS, MAX_VALUE_CHARS } from './log-layout';

/** Each field that is cut, its bound, and where its original length is kept. */
const CUTS = [
  { field: 'value', max: MAX_VALUE_CHARS, length: 'valueLength' },
  { field: 'name', max: MAX_NAME_CHARS, length: 'nameLength' },
  { field: 'path', max: MAX_PATH_CHARS, length: 'pathLength' },
  { field: 'domain', max: MAX_DOMAIN_CHARS, length: 'domainLength' },
] as const;

/**
 * The change as it may be staged: value, name, path and domain cut to the log's budget, their original lengths
 * kept. Cut when recorded, before anything is written, so no write (staged batch, chunk, snapshot) carries a
 * page's 4 KB value or long path. Idempotent: a change cut once comes back unchanged.
 */
export function cutChange(change: TimedChange): TimedChange {
  const { cookie } = change;
  const over = CUTS.filter(({ field, max }) => cookie[field].length > max);
  if (over.length === 0) return change;
  const cut: TimedChange = { ...change, cookie: { ...cookie } };
  for (const { field, max, length } of over) {
    cut[length] = cookie[field].length;
    cut.cookie[field] = cookie[field].slice(0, max);
  }
  return cut;
}
