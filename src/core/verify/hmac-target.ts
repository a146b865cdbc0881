import type { CookieRecord } from '../cookie/cookie-record';
import { base64ToBytes, base64urlToBytes, concatBytes, hexToBytes, utf8ToBytes, type Bytes } from '../decode/bytes';
import { parseCookieSession } from '../decode/cookie-session';
import type { FormatId } from '../decode/decoded-value';
import { parseDjangoSigned } from '../decode/django-signed';
import { parseExpressSession } from '../decode/express-session';
import { parseFlask } from '../decode/flask';
import { decodeJwt } from '../decode/jwt';
import { parseLaravel } from '../decode/laravel';
import { MAX_INPUT_CHARS } from '../decode/limits';
import { unquoteCookieValue } from '../decode/quoted-value';
import { parseRailsSigned } from '../decode/rails-signed';
import type { SignedPayloadParts } from '../decode/signed-payload';
import { digest, hmac, hmacVerify, pbkdf2, type HashName } from './hmac';
import { laravelKey } from './laravel-key';

/**
 * One HMAC-signed value reduced to what any secret is checked against: how the framework turns its secret
 * into the HMAC key, the hash, the signed bytes and the signature. Verification and the weak-secret search
 * share it.
 */
export interface HmacTarget {
  format: FormatId;
  /** What is signed, for messages: "Flask session", "JWT HS256". */
  label: string;
  hash: HashName;
  message: Bytes;
  signature: Bytes;
  deriveKey: (secret: Bytes) => Bytes | Promise<Bytes>;
  /** The key is derived with PBKDF2 per secret tried: a thousand hash rounds each, far dearer than one HMAC. */
  costlyKey?: true;
}

const identity = (secret: Bytes): Bytes => secret;
const JWT_HASH: Record<string, HashName> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' };
const FLASK_SALT = utf8ToBytes('cookie-session');
const DJANGO_SALT_BYTES = utf8ToBytes('django.contrib.sessions.backends.signed_cookies' + 'signer');
const RAILS_SALT = utf8ToBytes('signed cookie');
const RAILS_HASH: Record<number, HashName> = { 20: 'SHA-1', 32: 'SHA-256', 64: 'SHA-512' };

/** What a Django or Flask signature covers, and the signature: null when the value is not the format's. */
function signedInput(parts: SignedPayloadParts | null): Pick<HmacTarget, 'message' | 'signature'> | null {
  const signature = parts ? base64urlToBytes(parts.signature) : null;
  return parts && signature ? { message: utf8ToBytes(parts.signingInput), signature } : null;
}

function jwtTarget(value: string): HmacTarget[] | null {
  const jwt = decodeJwt(value);
  if (jwt.kind !== 'jws') return null;
  const hash = JWT_HASH[jwt.alg ?? ''];
  const signature = base64urlToBytes(jwt.raw.signature);
  if (!hash || !signature || jwt.unsigned) return [];
  const message = utf8ToBytes(`${jwt.raw.header}.${jwt.raw.payload}`);
  return [{ format: 'jwt', label: `JWT ${jwt.alg}`, hash, message, signature, deriveKey: identity }];
}

function railsTargets(value: string): HmacTarget[] {
  const rails = parseRailsSigned(value);
  const signature = rails ? hexToBytes(rails.digest) : null;
  const hash = signature ? RAILS_HASH[signature.length] : undefined;
  if (!rails || !signature || !hash) return [];
  const message = utf8ToBytes(rails.data);
  // ActiveSupport's KeyGenerator hashes with SHA-1 before Rails 7.0 and SHA-256 from 7.0's defaults on.
  return (['SHA-1', 'SHA-256'] as const).map((kdf) => ({
    format: 'rails-signed' as const,
    label: `Rails signed cookie (key derived with PBKDF2-${kdf})`,
    hash,
    message,
    signature,
    deriveKey: (secret: Bytes) => pbkdf2(kdf, secret, RAILS_SALT, 1000, 64),
    costlyKey: true as const,
  }));
}

function laravelTargets(value: string): HmacTarget[] {
  const laravel = parseLaravel(value);
  // AES-GCM payloads (Laravel ≥ 9) carry a tag instead of a MAC: nothing an HMAC secret can check.
  const signature = laravel && laravel.mac !== '' ? hexToBytes(laravel.mac) : null;
  if (!laravel || !signature || signature.length !== 32) return [];
  const message = utf8ToBytes(laravel.iv + laravel.value);
  return [
    {
      format: 'laravel',
      label: 'Laravel encrypted cookie MAC',
      hash: 'SHA-256',
      message,
      signature,
      deriveKey: laravelKey,
    },
  ];
}

/** The HMAC-signed value(s) in a cookie; empty when it carries no HMAC this module knows how to check. */
export function hmacTargets(cookie: CookieRecord, jar: readonly CookieRecord[]): HmacTarget[] {
  if (typeof cookie.value !== 'string' || cookie.value.length > MAX_INPUT_CHARS) return [];
  // One level of quotes only, as decodeCookieValue does: unquoting again could cost a pass per character.
  const unquoted = unquoteCookieValue(cookie.value);
  if (unquoted !== null) cookie = { ...cookie, value: unquoted };
  const value = cookie.value;
  const jwt = jwtTarget(value);
  if (jwt) return jwt;
  const express = parseExpressSession(value);
  if (express) {
    const signature = base64ToBytes(express.signature);
    if (!signature) return [];
    const message = utf8ToBytes(express.id);
    return [
      {
        format: 'express-session',
        label: 'express-session id',
        hash: 'SHA-256',
        message,
        signature,
        deriveKey: identity,
      },
    ];
  }
  const flask = signedInput(parseFlask(value));
  if (flask) {
    return [
      {
        format: 'flask',
        label: 'Flask session',
        hash: 'SHA-1',
        ...flask,
        // itsdangerous' "hmac" key derivation, which Flask's session interface selects.
        deriveKey: (secret) => hmac('SHA-1', secret, FLASK_SALT),
      },
    ];
  }
  const django = signedInput(parseDjangoSigned(value));
  if (django) {
    // salted_hmac: key = hash(salt + "signer" + SECRET_KEY); SHA-1 signatures (27 characters) predate Django 3.1.
    const hash: HashName = django.signature.length === 20 ? 'SHA-1' : 'SHA-256';
    return [
      {
        format: 'django-signed',
        label: 'Django signed cookie',
        hash,
        ...django,
        deriveKey: (secret) => digest(hash, concatBytes(DJANGO_SALT_BYTES, secret)),
      },
    ];
  }
  // Without its `.sig` cookie a base64 JSON value is not known to be cookie-session (Laravel's is base64 JSON too).
  const sig = parseCookieSession(cookie, jar)?.sig;
  const sigBytes = sig ? base64urlToBytes(sig.value) : null;
  if (sig && sigBytes) {
    return [
      {
        format: 'cookie-session',
        label: `cookie-session (${sig.name})`,
        hash: 'SHA-1',
        message: utf8ToBytes(`${cookie.name}=${cookie.value}`),
        signature: sigBytes,
        deriveKey: identity,
      },
    ];
  }
  const rails = railsTargets(value);
  return rails.length > 0 ? rails : laravelTargets(value);
}

/** Whether `secret` is the one that signed `target`. Never rejects. */
export async function secretMatches(target: HmacTarget, secret: Bytes): Promise<boolean> {
  try {
    const key = await target.deriveKey(secret);
    return hmacVerify(target.hash, key, target.message, target.signature);
  } catch {
    return false;
  }
}
