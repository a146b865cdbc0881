import type { Bytes } from '../decode/bytes';

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

// HMAC pads a short key with zero bytes to the block size, so an empty key and a single 0x00 byte give the
// same MAC; WebCrypto refuses zero-length HMAC keys, so the empty secret is passed as that byte.
function nonEmpty(key: Bytes): Bytes {
  return key.length === 0 ? new Uint8Array(1) : key;
}

export async function hmac(hash: HashName, key: Bytes, message: Bytes): Promise<Bytes> {
  const k = await crypto.subtle.importKey('raw', nonEmpty(key), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, message));
}

/** HMAC check through WebCrypto's verify, which compares in constant time. */
export async function hmacVerify(hash: HashName, key: Bytes, message: Bytes, signature: Bytes): Promise<boolean> {
  const k = await crypto.subtle.importKey('raw', nonEmpty(key), { name: 'HMAC', hash }, false, ['verify']);
  return crypto.subtle.verify('HMAC', k, signature, message);
}

export async function digest(hash: HashName, data: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest(hash, data));
}

export async function pbkdf2(
  hash: HashName,
  secret: Bytes,
  salt: Bytes,
  iterations: number,
  bytes: number,
): Promise<Bytes> {
  const k = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt, iterations }, k, bytes * 8));
}
