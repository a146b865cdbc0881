import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest, equalBytes, hmac, hmacVerify, type HashName } from '../../../src/core/verify/hmac';

const HASHES: readonly HashName[] = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
const nodeName = (hash: HashName) => hash.replace('-', '').toLowerCase();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((b) => new Uint8Array(b));

// Node's OpenSSL is the witness: the hashes the weak-secret search and the verifiers use are computed in
// JavaScript, and must give the very bytes a framework's own HMAC gives, for any key (empty, or longer than
// the hash's block) and any message.
describe('HMAC and digests', () => {
  it('equal OpenSSL for every hash, key and message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HASHES), bytes(300), bytes(600), (hash, key, message) => {
        expect(hex(hmac(hash, key, message))).toBe(hex(createHmac(nodeName(hash), key).update(message).digest()));
        expect(hex(digest(hash, message))).toBe(hex(createHash(nodeName(hash)).update(message).digest()));
      }),
      { numRuns: 200 },
    );
  });

  it('verify a MAC only when every byte and the length match', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HASHES), bytes(80), bytes(200), fc.nat(), (hash, key, message, at) => {
        const mac = createHmac(nodeName(hash), key).update(message).digest();
        expect(hmacVerify(hash, key, message, new Uint8Array(mac))).toBe(true);
        const altered = new Uint8Array(mac);
        altered[at % altered.length]! ^= 1;
        expect(hmacVerify(hash, key, message, altered)).toBe(false);
        expect(hmacVerify(hash, key, message, new Uint8Array(mac.subarray(1)))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('compare bytes for equality', () => {
    expect(equalBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(equalBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});
