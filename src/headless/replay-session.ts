import { cookiesForUrl } from '../core/cookie/match';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { ReplayOutcome } from '../core/session/invalidation-findings';
import { AuditError, messageOf } from './audit-error';

/** How to tell a logged-in answer: the page at `url` contains `expect`. */
export interface AuthenticatedCheck {
  url: string;
  expect: string;
}

/** Bytes of an answer read: the marker text of a logged-in page is near its top in any real app. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

async function readBounded(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES));
}

/**
 * Requests `check.url` with nothing but the given cookies (those the URL would carry, RFC 6265 domain and path
 * matching): a context with no other state, as a thief holding the cookies would have. Redirects are
 * followed, so a logged-out answer that redirects to a login page is read as that page.
 */
export async function replaySession(
  check: AuthenticatedCheck,
  cookies: readonly CookieRecord[],
  timeoutMs = 30_000,
): Promise<ReplayOutcome> {
  const replayed = cookiesForUrl(cookies, check.url).filter((c) => c.value !== '');
  const header = replayed.map((c) => `${c.name}=${c.value}`).join('; ');
  let body: string;
  try {
    const res = await fetch(check.url, {
      headers: header ? { cookie: header } : {},
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await readBounded(res);
  } catch (e) {
    throw new AuditError('unreachable', `could not request ${check.url}: ${messageOf(e)}`, { cause: e });
  }
  return { url: check.url, replayed, loggedIn: body.includes(check.expect) };
}
