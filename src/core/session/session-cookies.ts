import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import { decodeCookieValue } from '../decode/decode-cookie';
import { detectSession, type SessionReason } from '../detect/session';

export interface SessionCookie {
  key: string;
  cookie: CookieRecord;
  reason: SessionReason;
}

/** The session-identifying cookies among `cookies`, by identity key, decided exactly as the audit decides. */
export async function sessionCookies(cookies: readonly CookieRecord[]): Promise<Map<string, SessionCookie>> {
  const out = new Map<string, SessionCookie>();
  for (const cookie of cookies) {
    const reason = detectSession(cookie, await decodeCookieValue(cookie, cookies));
    if (reason) out.set(cookieKey(cookie), { key: cookieKey(cookie), cookie, reason });
  }
  return out;
}
