import { browser, type Cookies } from './browser';
import { toCookieRecord } from '../core/cookie/to-cookie-record';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { bareDomain } from '../core/cookie/match';
import type { WriteAnswer } from '../core/edit/apply-cookie-writes';
import { cookieRemoveDetails, cookieSetDetails } from '../core/edit/set-details';
import { browserFamily } from './browser-family';
import { errorText } from '../core/error-text';

/** A cookie's identity: what `readCookie` needs to find exactly one cookie. */
export type CookieIdentity = Pick<CookieRecord, 'name' | 'domain' | 'path' | 'storeId' | 'partitionKey' | 'secure'>;

/**
 * What the browser answered to one write: `ok` when the API call resolved (`returned`: the cookie `set` handed
 * back, or for `remove` whether it found one), `error` with the browser's own text when it threw or set gave
 * nothing back. Either way `now` is the cookie read back from the jar afterwards (null: none with that
 * identity), which is the only thing a caller may call the outcome.
 */
export type CookieWriteAnswer = WriteAnswer;

function partitionFilter(c: Pick<CookieRecord, 'partitionKey'>): Cookies.GetAllDetailsType['partitionKey'] {
  if (!c.partitionKey) return undefined;
  return c.partitionKey.topLevelSite !== undefined ? { topLevelSite: c.partitionKey.topLevelSite } : {};
}

/** The partition part of the identity (cookie-key.ts), alone. */
function partitionId(c: Pick<CookieRecord, 'partitionKey'>): string {
  return cookieKey({ name: '', domain: '', path: '', storeId: '', partitionKey: c.partitionKey });
}

/**
 * Every cookie of this name in the cookie's store and partition whose domain is the cookie's domain or above
 * or below it: the ones a `remove` by URL and name might also reach, and the cookie itself.
 */
export async function readSameName(c: CookieIdentity): Promise<CookieRecord[]> {
  const details: Cookies.GetAllDetailsType = { name: c.name, storeId: c.storeId };
  const pk = partitionFilter(c);
  if (pk) details.partitionKey = pk;
  const list = await browser.cookies.getAll(details);
  const host = bareDomain(c.domain);
  return list.map(toCookieRecord).filter((r) => {
    const d = bareDomain(r.domain);
    const related = d === host || d.endsWith(`.${host}`) || host.endsWith(`.${d}`);
    return related && partitionId(r) === partitionId(c);
  });
}

/** The cookie with exactly this identity, read from the jar; null when there is none. */
export async function readCookie(c: CookieIdentity): Promise<CookieRecord | null> {
  const key = cookieKey(c);
  return (await readSameName(c)).find((r) => cookieKey(r) === key) ?? null;
}

async function readBack(c: CookieIdentity): Promise<CookieRecord | null> {
  try {
    return await readCookie(c);
  } catch {
    return null;
  }
}

/**
 * Runs one write and reads the cookie back from the jar, whatever happened: `answer` turns what the API call
 * returned into the answer; a throw (from the call or from `answer`) is a refusal in the browser's words.
 */
async function writeAnswer<T>(
  c: CookieIdentity,
  write: () => Promise<T>,
  answer: (returned: T, now: CookieRecord | null) => CookieWriteAnswer,
): Promise<CookieWriteAnswer> {
  try {
    const returned = await write();
    return answer(returned, await readBack(c));
  } catch (e) {
    return { ok: false, error: errorText(e), now: await readBack(c) };
  }
}

/** `cookies.set` of exactly `c` (its own URL, store and partition), then the jar read back. */
export function setCookie(c: CookieRecord): Promise<CookieWriteAnswer> {
  return writeAnswer(
    c,
    () => browser.cookies.set(cookieSetDetails(c, { browser: browserFamily() }) as Cookies.SetDetailsType),
    (returned, now) =>
      // Chromium resolves with null (and sets runtime.lastError) when it refuses a cookie.
      returned === null || returned === undefined
        ? { ok: false, error: 'the browser did not store it', now }
        : { ok: true, returned: toCookieRecord(returned), now },
  );
}

/**
 * `cookies.remove` of the cookie with this identity, then the jar read back. The API finds cookies by URL and
 * name, so it may also take a same-named cookie on a parent path or domain: callers compare `readSameName`
 * before and after and put such cookies back.
 */
export function removeCookie(c: CookieIdentity): Promise<CookieWriteAnswer> {
  return writeAnswer(
    c,
    () => browser.cookies.remove(cookieRemoveDetails(c, { browser: browserFamily() }) as Cookies.RemoveDetailsType),
    (returned, now) => ({ ok: true, returned: returned !== null && returned !== undefined, now }),
  );
}
