import type { CookieRecord } from '../cookie/cookie-record';
import { sigCookiesNamed } from '../cookie/sig-cookies';
import { base64ToBytes, bytesToUtf8 } from './bytes';
import type { DecodedValue } from './decoded-value';
import { isJsonObject, layerJson, parseJson } from './json';
import { WHOLE_SESSION_NOTE } from './signed-payload';

export interface CookieSessionParts {
  /** The session as cookie-session stored it. */
  data: Record<string, unknown>;
  /** The paired `<name>.sig` cookie (keygrip's base64url HMAC-SHA1 of `name=value`), when the jar has it. */
  sig: CookieRecord | undefined;
}

/** The `<name>.sig` cookie that signs `cookie`: same name plus `.sig`, same domain and path. */
export function findSigCookie(cookie: CookieRecord, jar: readonly CookieRecord[]): CookieRecord | undefined {
  const same = sigCookiesNamed(jar, `${cookie.name}.sig`);
  return same.find((c) => c.domain === cookie.domain && c.path === cookie.path) ?? same[0];
}

/** cookie-session's value: base64 (standard alphabet, padded) of a JSON object. */
export function parseCookieSession(cookie: CookieRecord, jar: readonly CookieRecord[]): CookieSessionParts | null {
  if (cookie.value.length < 4 || cookie.value.length % 4 !== 0) return null;
  const bytes = base64ToBytes(cookie.value);
  if (!bytes) return null;
  const text = bytesToUtf8(bytes);
  if (text === null) return null;
  const data = parseJson(text);
  if (!isJsonObject(data)) return null;
  return { data, sig: findSigCookie(cookie, jar) };
}

/**
 * A cookie-session value is only told apart from any base64 JSON by its `.sig` companion; without one the
 * generic chain shows it. The companion is looked up first: base64 JSON without one is decoded by the chain,
 * once, not here too.
 */
export function decodeCookieSession(cookie: CookieRecord, jar: readonly CookieRecord[]): DecodedValue | null {
  if (!findSigCookie(cookie, jar)) return null;
  const parts = parseCookieSession(cookie, jar);
  if (!parts?.sig) return null;
  return {
    format: 'cookie-session',
    label: 'cookie-session (Express)',
    hmacSigned: true,
    clientReadable: true,
    data: parts.data,
    layers: [
      { kind: 'base64', label: 'base64 → JSON', output: layerJson(parts.data) },
      { kind: 'format', label: `signed by the ${parts.sig.name} cookie (HMAC-SHA1)`, output: parts.sig.value },
    ],
    notes: [WHOLE_SESSION_NOTE],
  };
}

/** The `.sig` cookie itself: says which cookie it signs. */
export function describeSigCookie(cookie: CookieRecord, jar: readonly CookieRecord[]): string | null {
  if (!cookie.name.endsWith('.sig')) return null;
  const name = cookie.name.slice(0, -4);
  if (!jar.some((c) => c.name === name)) return null;
  return `keygrip signature (HMAC-SHA1) of the ${name} cookie`;
}
