import type { CookieRecord } from '../cookie/cookie-record';
import { utf8ToBytes } from '../decode/bytes';
import { findSigCookie } from '../decode/cookie-session';
import { decodeCookieValue } from '../decode/decode-cookie';
import { decodeJwt } from '../decode/jwt';
import { MAX_INPUT_CHARS } from '../decode/limits';
import { unquoteCookieValue } from '../decode/quoted-value';
import { hmacTargets, secretMatches } from './hmac-target';
import { verifyJwt } from './verify-jwt';
import type { VerifyResult } from './verify-result';
import { errorText } from '../error-text';

/**
 * Checks a cookie's signature with secrets or keys the user typed (several for key rotation: keygrip lists,
 * SECRET_KEY_FALLBACKS). The secrets are only used here, never kept. Never rejects.
 */
export async function verifyCookie(
  cookie: CookieRecord,
  jar: readonly CookieRecord[],
  secrets: string | readonly string[],
): Promise<VerifyResult> {
  const inputs = typeof secrets === 'string' ? [secrets] : [...secrets];
  try {
    if (cookie.value.length > MAX_INPUT_CHARS) {
      return {
        status: 'unsupported',
        format: null,
        message: `the value is over the ${MAX_INPUT_CHARS} characters read`,
      };
    }
    // A keygrip `.sig` cookie is checked through the cookie it signs.
    const signs = cookie.name.endsWith('.sig') ? jar.find((c) => c.name === cookie.name.slice(0, -4)) : undefined;
    if (signs && findSigCookie(signs, jar)?.value === cookie.value) return await verifyCookie(signs, jar, inputs);
    const value = unquoteCookieValue(cookie.value) ?? cookie.value;
    if (decodeJwt(value).kind !== 'not-jwt') return await verifyJwt(value, inputs);
    const targets = hmacTargets(cookie, jar);
    if (targets.length === 0) {
      const decoded = await decodeCookieValue(cookie, jar);
      const why = decoded.format === 'cookie-session' || decoded.format === null ? '' : `: ${decoded.label}`;
      return {
        status: 'unsupported',
        format: decoded.format,
        message: `no HMAC signature that a secret could check${why}`,
      };
    }
    const format = targets[0]!.format;
    if (inputs.length === 0) return { status: 'unsupported', format, message: 'no secret given' };
    for (const [index, secret] of inputs.entries()) {
      const bytes = utf8ToBytes(secret);
      for (const target of targets) {
        if (await secretMatches(target, bytes)) {
          const which = inputs.length > 1 ? `secret #${index + 1}` : 'the secret';
          return {
            status: 'valid',
            format,
            matchedIndex: index,
            message: `${target.label}: signature verified with ${which}`,
          };
        }
      }
    }
    const count = inputs.length === 1 ? 'the secret' : `any of the ${inputs.length} secrets`;
    return { status: 'invalid', format, message: `${targets[0]!.label}: the signature does not match ${count}` };
  } catch (e) {
    return {
      status: 'unsupported',
      format: null,
      message: `could not verify: ${errorText(e)}`,
    };
  }
}
