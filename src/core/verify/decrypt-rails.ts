import { hexToBytes, utf8ToBytes, type Bytes } from '../decode/bytes';
import { isJsonObject } from '../decode/json';
import type { RailsCbcParts, RailsGcmParts } from '../decode/rails-encrypted';
import { readRailsPayload } from '../decode/rails-signed';
import { aesCbcDecrypt, aesGcmDecrypt } from './aes';
import { plaintextText } from './decrypted-text';
import { hmacVerify, pbkdf2, type HashName } from './hmac';
import { anySecret, matchedResult, whichSecret, type DecryptedContent, type VerifyResult } from './verify-result';

// ActiveSupport's KeyGenerator hashes with SHA-1 before Rails 7.0 and SHA-256 from 7.0's defaults on.
const KDFS: readonly HashName[] = ['SHA-1', 'SHA-256'];
const GCM_SALT = utf8ToBytes('authenticated encrypted cookie');
const CBC_SALT = utf8ToBytes('encrypted cookie');
const CBC_SIGN_SALT = utf8ToBytes('signed encrypted cookie');
const CBC_HASH: Record<number, HashName> = { 20: 'SHA-1', 32: 'SHA-256', 64: 'SHA-512' };

export type RailsEncryptedParts = ({ scheme: 'gcm' } & RailsGcmParts) | ({ scheme: 'cbc' } & RailsCbcParts);

function contentOf(plaintext: Bytes, cookieName: string): DecryptedContent {
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

const derive = (kdf: HashName, secret: string, salt: Bytes, bytes: number) =>
  pbkdf2(kdf, utf8ToBytes(secret), salt, 1000, bytes).catch(() => null);

/** GCM authenticates with its tag; CBC is authenticated by the HMAC over its data, checked before decrypting. */
async function decrypt(parts: RailsEncryptedParts, secret: string, kdf: HashName): Promise<Bytes | null> {
  if (parts.scheme === 'gcm') {
    const key = await derive(kdf, secret, GCM_SALT, 32);
    return key && aesGcmDecrypt(key, parts.iv, parts.ciphertext, parts.tag);
  }
  const signKey = await derive(kdf, secret, CBC_SIGN_SALT, 64);
  const digest = hexToBytes(parts.signed.digest);
  const hash = digest ? CBC_HASH[digest.length] : undefined;
  if (!signKey || !digest || !hash) return null;
  if (!hmacVerify(hash, signKey, utf8ToBytes(parts.signed.data), digest)) return null;
  const key = await derive(kdf, secret, CBC_SALT, 32);
  return key && aesCbcDecrypt(key, parts.iv, parts.ciphertext);
}

/**
 * Decrypts a Rails encrypted cookie with each secret_key_base the user gave, deriving the keys both ways
 * Rails versions do: AES-256-GCM (Rails ≥ 5.2), or AES-256-CBC after its HMAC (before). A wrong secret or
 * an altered value fails authentication cleanly. Never rejects.
 */
export async function decryptRails(
  parts: RailsEncryptedParts,
  cookieName: string,
  secrets: string[],
): Promise<VerifyResult> {
  const format = 'rails-encrypted';
  const gcm = parts.scheme === 'gcm';
  const label = `Rails encrypted cookie (${gcm ? 'AES-256-GCM' : 'AES-256-CBC with HMAC, Rails < 5.2'})`;
  for (const [index, secret] of secrets.entries()) {
    for (const kdf of KDFS) {
      const plaintext = await decrypt(parts, secret, kdf);
      if (!plaintext) continue;
      const which = whichSecret(index, secrets.length);
      return {
        ...matchedResult(
          format,
          index,
          `${label}: authenticated and decrypted with ${which} (key derived with PBKDF2-${kdf})`,
        ),
        decrypted: contentOf(plaintext, cookieName),
      };
    }
  }
  const count = anySecret(secrets.length);
  return {
    status: 'invalid',
    format,
    message: `${label}: authentication failed with ${count} (keys derived with PBKDF2-SHA-1 and PBKDF2-SHA-256): not its secret_key_base, or the value was altered`,
  };
}
