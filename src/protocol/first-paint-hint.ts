import type { CookieRecord } from '../core/cookie/cookie-record';
import { jarFingerprint, type FingerprintedCookie } from '../core/cookie/jar-fingerprint';
import type { SessionReason } from '../core/detect/session';
import type { RowView } from '../core/row-view';

/**
 * The popup's first paint needs each cookie's session reason, for the session-first order, and the reasons are
 * worked out from the decoded values: without help the first paint must load and run every decoder before its rows.
 * The background analyses the active tab's cookies for the badge anyway; it leaves the reasons it found in
 * `storage.session` under this key (one hint, the latest analysis's), with a fingerprint of the cookies they were
 * found in. The popup uses them only for the very same cookies, by the same version of SessionScope; otherwise it
 * decodes first, as before. Either way the rows painted are the rows the popup proper then shows.
 */
export const FIRST_PAINT_HINT_KEY = 'popup:first-paint-hint';

/**
 * A hint that would take more characters than this is not kept (the popup then decodes before its rows): the hint
 * shares `storage.session` with the change log, and its size is the session cookies' keys and reasons, which the
 * site chooses.
 */
export const MAX_HINT_CHARS = 64 * 1024;

type ReasonKind = SessionReason['kind'];

export interface FirstPaintHint {
  /** The version of SessionScope that worked the reasons out: another may decide otherwise. */
  version: string;
  /** jarFingerprint of the cookies the reasons were worked out from. */
  fingerprint: string;
  /** Each session cookie's key and reason; every other cookie of those has none. */
  session: Array<[key: string, kind: ReasonKind, detail: string]>;
}

/**
 * The hint for `cookies`, given their views (any order), or undefined when its session entries would take more
 * than MAX_HINT_CHARS characters of JSON.
 */
export function firstPaintHint(
  cookies: readonly FingerprintedCookie[],
  views: readonly Pick<RowView, 'key' | 'sessionReason'>[],
  version: string,
): FirstPaintHint | undefined {
  const session: FirstPaintHint['session'] = [];
  let chars = 0;
  for (const v of views) {
    const r = v.sessionReason;
    if (r === null) continue;
    // Each entry as JSON writes it: `["key","kind","detail"],`, with what the strings need escaped.
    chars += JSON.stringify(v.key).length + JSON.stringify(r.detail).length + r.kind.length + 6;
    if (chars > MAX_HINT_CHARS) return undefined;
    session.push([v.key, r.kind, r.detail]);
  }
  return { version, fingerprint: jarFingerprint(cookies), session };
}

const KINDS: ReadonlySet<string> = new Set<ReasonKind>(['name', 'token', 'format', 'entropy']);

function isEntry(e: unknown): e is [string, ReasonKind, string] {
  return Array.isArray(e) && e.length === 3 && typeof e[0] === 'string' && KINDS.has(e[1]) && typeof e[2] === 'string';
}

function isHint(h: unknown): h is FirstPaintHint {
  if (typeof h !== 'object' || h === null) return false;
  const { version, fingerprint, session } = h as Partial<FirstPaintHint>;
  return (
    typeof version === 'string' && typeof fingerprint === 'string' && Array.isArray(session) && session.every(isEntry)
  );
}

/**
 * Each session cookie's reason by key, when `hint` (as read from storage) was worked out by `version` from exactly
 * `cookies`; a cookie of them not in the map has none. Undefined for anything else (no hint, another jar, another
 * version, a malformed value): the caller then decodes.
 */
export function hintedReasons(
  hint: unknown,
  cookies: readonly CookieRecord[],
  version: string,
): Map<string, SessionReason> | undefined {
  if (!isHint(hint) || hint.version !== version || hint.fingerprint !== jarFingerprint(cookies)) return undefined;
  return new Map(hint.session.map(([key, kind, detail]) => [key, { kind, detail }]));
}
