import type { TimedChange } from './change-log-entry';
import { MAX_DOMAIN_CHARS, MAX_NAME_CHARS, MAX_PATH_CHARS, MAX_VALUE_CHARS } from './log-layout';

/**
 * The change as it may be staged: value, name, path and domain cut to the log's budget, their original lengths
 * kept. Cut when recorded, before anything is written, so no write (staged batch, chunk, snapshot) carries a
 * page's 4 KB value or long path. Idempotent: a change cut once comes back unchanged.
 */
export function cutChange(change: TimedChange): TimedChange {
  const { cookie } = change;
  if (
    cookie.value.length <= MAX_VALUE_CHARS &&
    cookie.name.length <= MAX_NAME_CHARS &&
    cookie.path.length <= MAX_PATH_CHARS &&
    cookie.domain.length <= MAX_DOMAIN_CHARS
  ) {
    return change;
  }
  const cut: TimedChange = { ...change, cookie: { ...cookie } };
  if (cookie.value.length > MAX_VALUE_CHARS) {
    cut.valueLength = cookie.value.length;
    cut.cookie.value = cookie.value.slice(0, MAX_VALUE_CHARS);
  }
  if (cookie.name.length > MAX_NAME_CHARS) {
    cut.nameLength = cookie.name.length;
    cut.cookie.name = cookie.name.slice(0, MAX_NAME_CHARS);
  }
  if (cookie.path.length > MAX_PATH_CHARS) {
    cut.pathLength = cookie.path.length;
    cut.cookie.path = cookie.path.slice(0, MAX_PATH_CHARS);
  }
  if (cookie.domain.length > MAX_DOMAIN_CHARS) {
    cut.domainLength = cookie.domain.length;
    cut.cookie.domain = cookie.domain.slice(0, MAX_DOMAIN_CHARS);
  }
  return cut;
}
