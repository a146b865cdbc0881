import { concatBytes, type Bytes } from '../decode/bytes';

/** The key sizes AES takes (128, 192, 256 bits); anything else cannot be the key. */
export function isAesKey(key: Bytes): boolean {
  return key.length === 16 || key.length === 24 || key.length === 32;
}

/**
 * AES-GCM decryption with a 128-bit tag and no additional data, as Rails' MessageEncryptor and Laravel's
 * Encrypter use it. Null when the tag does not authenticate (wrong key or altered value). Never rejects.
 */
export async function aesGcmDecrypt(key: Bytes, iv: Bytes, ciphertext: Bytes, tag: Bytes): Promise<Bytes | null> {
  if (!isAesKey(key) || iv.length === 0 || tag.length !== 16) return null;
  try {
    const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
    // WebCrypto takes the tag appended to the ciphertext.
    const sealed = concatBytes(ciphertext, tag);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, tagLength: 128 }, k, sealed));
  } catch {
    return null;
  }
}

/**
 * AES-CBC decryption with PKCS#7 padding. CBC authenticates nothing: callers check the value's MAC first.
 * Null when the padding is wrong. Never rejects.
 */
export async function aesCbcDecrypt(key: Bytes, iv: Bytes, ciphertext: Bytes): Promise<Bytes | null> {
  if (!isAesKey(key) || iv.length !== 16 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
  try {
    const k = await crypto.subtle.importKey('raw', key, 'AES-CBC', false, ['decrypt']);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, k, ciphertext));
  } catch {
    return null;
  }
}
