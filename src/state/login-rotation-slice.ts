import { computed, type ReadonlySignal } from '@preact/signals';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { isKnownSessionName } from '../core/detect/session';
import { cookieLoginSignals, loginsWithoutRotation, type LoginSignal } from '../core/session/login-rotation';
import type { ChangeLogEntry } from '../protocol/messages';

/**
 * Whether the session id was renewed at the logins the panel saw (OWASP WSTG-SESS-03): from the timeline's
 * cookie changes and the page's tokens. `isSessionId` is the timeline's notion of a session cookie: one the
 * analysis calls session-identifying now, or a known session name (a removed cookie is no longer analysed).
 */
export function createLoginRotationSlice(
  entries: ReadonlySignal<readonly ChangeLogEntry[]>,
  pageLogins: ReadonlySignal<readonly LoginSignal[]>,
  sessionCookies: ReadonlySignal<readonly { cookie: CookieRecord }[]>,
) {
  const isSessionId = computed(() => {
    const names = new Set(sessionCookies.value.map((v) => v.cookie.name));
    return (c: CookieRecord) => names.has(c.name) || isKnownSessionName(c.name);
  });
  const notRotated = computed(() => {
    const list = entries.value;
    return loginsWithoutRotation(list, [...cookieLoginSignals(list), ...pageLogins.value], isSessionId.value);
  });
  return { isSessionId, notRotated };
}

export type LoginRotationSlice = ReturnType<typeof createLoginRotationSlice>;
