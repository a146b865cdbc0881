import type { CookieRecord } from '../cookie/cookie-record';
import { utf8ToBytes } from '../decode/bytes';
import { findSigCookie } from '../decode/cookie-session';
import { decodeCookieValue } from '../decode/decode-cookie';
import { decodeJwt } from '../decode/jwt';
import { parseLaravel } from '../decode/laravel';
import { MAX_INPUT_CHARS } from '../decode/limits';
import { unquoteCookieValue } from '../decode/quoted-value';
import { parseRailsCbc, parseRailsGcm } from '../decode/rails-encrypted';
import { decryptLaravel } from './decrypt-laravel';
import { decryptRails } from './decrypt-rails';
import { hmacTargets, secretMatches } from './hmac-target';
import { verifyJwt } from './verify-jwt';
import { anySecret, matchedResult, whichSecret, type VerifyResult } from './verify-result';
import { errorText } from '../error-text';

/**
 * Checks a cookie's signature with secrets or keys the user typed (several for key rotation: keygrip lists,
 * SECRET_KEY_FALLBACKS), and decrypts the encrypted formats (Rails secret_key_base, Laravel APP_KEY) with them.
 * The secrets are only used here, never kept. Never rejects.
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
    // Encrypted formats: the secret decrypts, and the GCM tag or the MAC checked first authenticates. A Rails
    // CBC value is also shaped like a signed one, whose HMAC targets hmacTargets returns.
    const kind = targets[0]?.format;
    if (kind === undefined || kind === 'rails-signed' || kind === 'laravel') {
      const gcm = parseRailsGcm(value);
      const cbc = gcm ? null : parseRailsCbc(value);
      const rails = gcm ? { scheme: 'gcm' as const, ...gcm } : cbc ? { scheme: 'cbc' as const, ...cbc } : null;
      const laravel = rails || kind === 'rails-signed' ? null : parseLaravel(value);
      if (rails || laravel) {
        if (inputs.length === 0) {
          return { status: 'unsupported', format: rails ? 'rails-encrypted' : 'laravel', message: 'no secret given' };
        }
        if (rails) return await decryptRails(rails, cookie.name, inputs);
        return await decryptLaravel(laravel!, { ...cookie, value }, inputs);
      }
    }
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
          const which = whichSecret(index, inputs.length);
          return matchedResult(format, index, `${target.label}: signature verified with ${which}`);
        }
      }
    }
    const all = anySecret(inputs.length);
    return { status: 'invalid', format, message: `${targets[0]!.label}: the signature does not match ${all}` };
  } catch (e) {
    return {
      status: 'unsupported',
      format: null,
      message: `could not verify: ${errorText(e)}`,
    };
  }
}
