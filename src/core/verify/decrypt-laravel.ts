import type { CookieRecord } from '../cookie/cookie-record';
import { base64ToBytes, bytesToHex, hexToBytes, utf8ToBytes, type Bytes } from '../decode/bytes';
import { decodeCookieValue } from '../decode/decode-cookie';
import type { DecodeLayer } from '../decode/decoded-value';
import { layerText } from '../decode/json';
import type { LaravelParts } from '../decode/laravel';
import { aesCbcDecrypt, aesGcmDecrypt, isAesKey } from './aes';
import { plaintextText } from './decrypted-text';
import { hmac, hmacVerify } from './hmac';
import { laravelKey } from './laravel-key';
import { anySecret, matchedResult, whichSecret, type DecryptedContent, type VerifyResult } from './verify-result';

/** What one APP_KEY does to a payload: decrypts it, fails its MAC or tag, or has the MAC but not the cipher. */
type Attempt = { plaintext: Bytes } | { failed: 'mac' | 'tag' | 'cipher' };

async function attempt(parts: LaravelParts, key: Bytes): Promise<Attempt> {
  const iv = base64ToBytes(parts.iv);
  const ciphertext = base64ToBytes(parts.value);
  if (parts.tag !== '') {
    const tag = base64ToBytes(parts.tag);
    const plaintext = iv && ciphertext && tag ? await aesGcmDecrypt(key, iv, ciphertext, tag) : null;
    return plaintext ? { plaintext } : { failed: 'tag' };
  }
  // Encrypter::decrypt checks the MAC over the base64 iv and value before it decrypts anything.
  const mac = hexToBytes(parts.mac);
  const message = utf8ToBytes(parts.iv + parts.value);
  if (!mac || mac.length !== 32 || !hmacVerify('SHA-256', key, message, mac)) return { failed: 'mac' };
  const plaintext = iv && ciphertext ? await aesCbcDecrypt(key, iv, ciphertext) : null;
  return plaintext ? { plaintext } : { failed: 'cipher' };
}

const SESSION_ID = /^[A-Za-z0-9]{40}$/;
const PHP_SERIALIZED = /^(?:s:\d+:"|a:\d+:\{|i:-?\d+;|b:[01];|N;)/;

/** Laravel's EncryptCookies prefixes each value with HMAC-SHA1(APP_KEY, name + "v2") in hex and `|`. */
async function contentOf(text: string, cookie: CookieRecord, key: Bytes): Promise<DecryptedContent> {
  const notes: string[] = [];
  const layers: DecodeLayer[] = [];
  let value = text;
  const bar = text.indexOf('|');
  if (bar === 40 && /^[0-9a-f]{40}$/.test(text.slice(0, 40))) {
    value = text.slice(41);
    const expected = bytesToHex(hmac('SHA-1', key, utf8ToBytes(`${cookie.name}v2`)));
    notes.push(
      text.slice(0, 40) === expected
        ? "starts with Laravel's cookie-name prefix (HMAC-SHA1 of the cookie's name with APP_KEY, then `|`): the value is bound to this cookie"
        : 'starts with a cookie-name prefix made for another cookie name: Laravel would refuse the value under this one',
    );
    layers.push({ kind: 'text', label: 'cookie-name prefix removed', output: layerText(value) });
  }
  if (SESSION_ID.test(value) && /_session$/i.test(cookie.name)) {
    notes.push('a 40-character session id: the session data itself is kept on the server');
  } else if (SESSION_ID.test(value) && cookie.name === 'XSRF-TOKEN') {
    notes.push("the session's CSRF token, which the page's scripts send back in the X-XSRF-TOKEN header");
  } else if (PHP_SERIALIZED.test(value)) {
    notes.push('a PHP serialize() value (Laravel serialized cookie values before 5.6.30)');
  } else {
    const decoded = await decodeCookieValue({ ...cookie, value });
    if (decoded.format !== null || decoded.data !== undefined) {
      layers.push(...decoded.layers);
      notes.push(...decoded.notes);
      return {
        label: `Laravel cookie value: ${decoded.label}`,
        text,
        data: decoded.jwt ?? decoded.data,
        layers,
        notes,
      };
    }
  }
  return { label: 'Laravel cookie value', text, data: value, layers, notes };
}

/**
 * Decrypts a Laravel cookie with each APP_KEY the user gave (APP_PREVIOUS_KEYS too): AES-CBC after checking
 * the HMAC-SHA256 MAC, or AES-GCM by its tag. A wrong key or an altered value fails cleanly. Never rejects.
 */
export async function decryptLaravel(
  parts: LaravelParts,
  cookie: CookieRecord,
  secrets: string[],
): Promise<VerifyResult> {
  const gcm = parts.tag !== '';
  const label = `Laravel encrypted cookie (${gcm ? 'AES-GCM' : 'AES-CBC, HMAC-SHA256 MAC'})`;
  let macOnly = -1;
  for (const [index, secret] of secrets.entries()) {
    const key = laravelKey(utf8ToBytes(secret));
    const outcome = await attempt(parts, key);
    if ('failed' in outcome) {
      if (outcome.failed === 'cipher' && macOnly < 0) macOnly = index;
      continue;
    }
    const which = whichSecret(index, secrets.length, 'key');
    const { text, readable, notes } = plaintextText(outcome.plaintext);
    const content: DecryptedContent = readable
      ? await contentOf(text, cookie, key)
      : { label: 'Laravel cookie value', text, layers: [], notes: [] };
    const how = gcm ? 'authenticated' : 'MAC verified';
    return {
      ...matchedResult('laravel', index, `${label}: ${how} and decrypted with ${which} (AES-${key.length * 8})`),
      decrypted: { ...content, notes: [...notes, ...content.notes] },
    };
  }
  if (macOnly >= 0) {
    const key = laravelKey(utf8ToBytes(secrets[macOnly]!));
    const why = isAesKey(key) ? 'the ciphertext did not decrypt' : `a ${key.length}-byte key is no AES key`;
    const which = whichSecret(macOnly, secrets.length, 'key');
    return matchedResult('laravel', macOnly, `${label}: MAC verified with ${which}, but ${why}`);
  }
  const count = anySecret(secrets.length, 'key');
  const what = gcm ? 'authentication failed' : 'the MAC does not match';
  return {
    status: 'invalid',
    format: 'laravel',
    message: `${label}: ${what} with ${count}: not its APP_KEY (write it with its base64: prefix), or the value was altered`,
  };
}
