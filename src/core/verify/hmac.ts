import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { Bytes } from '../decode/bytes';

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

// HMAC and digests are computed in JavaScript (@noble/hashes), synchronously: the weak-secret search runs
// hundreds of them per value, and WebCrypto answers each through a promise and, in browsers, another thread,
// which cost several times the hash itself for such short messages. PBKDF2 (a thousand rounds) stays native.
const HASHES = { 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

export function hmac(hash: HashName, key: Bytes, message: Bytes): Bytes {
  return nobleHmac(HASHES[hash], key, message);
}

/** Equal length and bytes, in a time that depends only on the length. */
export function equalBytes(a: Bytes, b: Bytes): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Whether `signature` is the HMAC of `message` under `key`, compared in constant time. */
export function hmacVerify(hash: HashName, key: Bytes, message: Bytes, signature: Bytes): boolean {
  return equalBytes(hmac(hash, key, message), signature);
}

export function digest(hash: HashName, data: Bytes): Bytes {
  return HASHES[hash](data);
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
