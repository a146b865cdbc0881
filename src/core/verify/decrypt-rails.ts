import { utf8ToBytes } from '../decode/bytes';
import { isJsonObject } from '../decode/json';
import type { RailsGcmParts } from '../decode/rails-encrypted';
import { readRailsPayload } from '../decode/rails-signed';
import { aesGcmDecrypt } from './aes';
import { plaintextText } from './decrypted-text';
import { pbkdf2, type HashName } from './hmac';
import type { DecryptedContent, VerifyResult } from './verify-result';

const SALT = utf8ToBytes('authenticated encrypted cookie');
// ActiveSupport's KeyGenerator hashes with SHA-1 before Rails 7.0 and SHA-256 from 7.0's defaults on.
const KDFS: readonly HashName[] = ['SHA-1', 'SHA-256'];
const LABEL = 'Rails encrypted cookie (AES-256-GCM)';

function contentOf(plaintext: Uint8Array<ArrayBuffer>, cookieName: string): DecryptedContent {
  const { text, notes } = plaintextText(plaintext);
  const payload = readRailsPayload(plaintext, 'plaintext');
  if (!payload) return { label: 'Rails cookie plaintext', text, layers: [], notes };
  const data = payload.data;
  const purpose = isJsonObject(data) ? data.purpose : undefined;
  // The purpose binds the value to its cookie: Rails refuses it under another name.
  if (typeof purpose === 'string' && purpose !== `cookie.${cookieName}`) {
    notes.push(
      `the purpose "${purpose.slice(0, 200)}" is not this cookie's (cookie.${cookieName}): Rails would refuse it here`,
    );
  }
  return { label: 'Rails cookie payload', text, data, layers: payload.layers, notes: [...notes, ...payload.notes] };
}

/**
 * Decrypts a Rails ≥ 5.2 encrypted cookie with each secret_key_base the user gave, deriving the key both ways
 * Rails versions do. The GCM tag authenticates the value, so a wrong secret or an altered value fails cleanly.
 * Never rejects.
 */
export async function decryptRails(parts: RailsGcmParts, cookieName: string, secrets: string[]): Promise<VerifyResult> {
  const format = 'rails-encrypted';
  for (const [index, secret] of secrets.entries()) {
    for (const kdf of KDFS) {
      const key = await pbkdf2(kdf, utf8ToBytes(secret), SALT, 1000, 32).catch(() => null);
      const plaintext = key && (await aesGcmDecrypt(key, parts.iv, parts.ciphertext, parts.tag));
      if (!plaintext) continue;
      const which = secrets.length > 1 ? `secret #${index + 1}` : 'the secret';
      return {
        status: 'valid',
        format,
        matchedIndex: index,
        message: `${LABEL}: authenticated and decrypted with ${which} (key derived with PBKDF2-${kdf})`,
        decrypted: contentOf(plaintext, cookieName),
      };
    }
  }
  const count = secrets.length === 1 ? 'the secret' : `any of the ${secrets.length} secrets`;
  return {
    status: 'invalid',
    format,
    message: `${LABEL}: authentication failed with ${count} (keys derived with PBKDF2-SHA-1 and PBKDF2-SHA-256): not its secret_key_base, or the value was altered`,
  };
}
