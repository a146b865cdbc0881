import { browser, type Cookies } from './browser';
import { toCookieRecord } from '../core/cookie/to-cookie-record';
import { cookieKey, onceEach } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { bareDomain } from '../core/cookie/match';
import type { WriteAnswer } from '../core/edit/apply-cookie-writes';
import { cookieRemoveDetails, cookieSetDetails, cookieUrl } from '../core/edit/set-details';
import { parseUrl } from '../core/parse-url';
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
 * The cookie's own URL (cookieUrl: its host and path, what `cookies.remove` is given) as http and as https, or
 * undefined when that URL does not name the cookie's host and path as they are stored (a path that URL parsing
 * changes, such as one with a space): a read by URL would then miss the cookie itself.
 */
function lookupUrls(c: CookieIdentity): string[] | undefined {
  const url = parseUrl(cookieUrl(c));
  if (url === null || url.pathname !== c.path || url.hostname.replace(/^\[|\]$/g, '') !== bareDomain(c.domain)) {
    return undefined;
  }
  return ['http:', 'https:'].map((scheme) => {
    url.protocol = scheme;
    return url.href;
  });
}

/**
 * Every cookie of this name in the cookie's store and partition that a `cookies.remove` by the cookie's URL and
 * name might reach, and the cookie itself: those the browsers match to that URL (the cookie's host or a parent
 * domain, its path or a parent path; Chromium and Firefox pick the cookies to remove by the same test).
 *
 * Asked for by URL, as http and as https, which the browsers answer from their index by host: a query by name
 * alone makes Chromium list its whole jar (about 25 ms with 3,000 cookies in the profile, three such reads for
 * each cookie removed). Where the URL does not name the cookie exactly (lookupUrls), every same-named cookie of
 * the store is read and those on related domains (above or below) kept, as before.
 */
export async function readSameName(c: CookieIdentity): Promise<CookieRecord[]> {
  const details: Cookies.GetAllDetailsType = { name: c.name, storeId: c.storeId };
  const pk = partitionFilter(c);
  if (pk) details.partitionKey = pk;
  const inPartition = (r: CookieRecord) => partitionId(r) === partitionId(c);
  const urls = lookupUrls(c);
  if (urls !== undefined) {
    const lists = await Promise.all(urls.map((url) => browser.cookies.getAll({ ...details, url })));
    // A cookie both answers hold (one not Secure) is the same cookie: kept once.
    return onceEach(lists.map((l) => l.map(toCookieRecord).filter(inPartition)));
  }
  const host = bareDomain(c.domain);
  return (await browser.cookies.getAll(details)).map(toCookieRecord).filter((r) => {
    const d = bareDomain(r.domain);
    const related = d === host || d.endsWith(`.${host}`) || host.endsWith(`.${d}`);
    return related && inPartition(r);
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
