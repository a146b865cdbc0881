import type { CookieRecord } from '../cookie/cookie-record';
import { estimateEntropyBits } from '../detect/entropy';
import { decodeAspnetCore } from './aspnet-core';
import { decodeCookieSession, describeSigCookie } from './cookie-session';
import { opaque, type DecodedValue } from './decoded-value';
import { decodeDjangoSigned } from './django-signed';
import { decodeExpressSession } from './express-session';
import { decodeFlask } from './flask';
import { decodeGenericChain } from './generic-chain';
import { decodeJwtValue, tokenLayer } from './jwt-value';
import { decodeLaravel } from './laravel';
import { layerText } from './json';
import { MAX_INPUT_CHARS } from './limits';
import { findNestedJwt } from './nested-token';
import { decodeOpaqueId } from './opaque-id';
import { unquoteCookieValue } from './quoted-value';
import { decodeRailsEncrypted } from './rails-encrypted';
import { decodeRailsSigned } from './rails-signed';
import { errorText } from '../error-text';

type Decoder = (
  cookie: CookieRecord,
  jar: readonly CookieRecord[],
) => DecodedValue | null | Promise<DecodedValue | null>;

/**
 * Most specific first: each decoder checks the whole shape (and the payload where there is one), so a value
 * reaches the generic chain only when no framework claims it.
 */
const DECODERS: readonly Decoder[] = [
  (c) => decodeJwtValue(c.value),
  (c) => decodeAspnetCore(c.value),
  (c) => decodeExpressSession(c.value),
  (c) => decodeFlask(c.value),
  (c) => decodeDjangoSigned(c.value),
  (c, jar) => decodeCookieSession(c, jar),
  (c) => decodeRailsEncrypted(c.value),
  (c) => decodeRailsSigned(c.value),
  (c) => decodeLaravel(c.value),
  (c) => decodeOpaqueId(c.name, c.value),
];

function withNestedToken(d: DecodedValue): DecodedValue {
  if (d.jwt || d.data === undefined || !d.clientReadable) return d;
  const nested = findNestedJwt(d.data);
  if (!nested) return d;
  return {
    ...d,
    jwt: nested.jwt,
    layers: [...d.layers, tokenLayer(nested.jwt, `token at ${nested.path}`)],
  };
}

function unrecognised(value: string, notes: string[] = []): DecodedValue {
  const d = opaque(notes);
  if (value !== '') d.entropyBits = estimateEntropyBits(value);
  return d;
}

async function decodeUnquoted(cookie: CookieRecord, jar: readonly CookieRecord[]): Promise<DecodedValue> {
  for (const decode of DECODERS) {
    const d = await decode(cookie, jar);
    if (d) return withNestedToken(d);
  }
  return (await decodeGenericChain(cookie.value)) ?? unrecognised(cookie.value);
}

/**
 * Decodes one cookie's value. `jar` holds the other cookies of the same site, for formats that pair
 * cookies (cookie-session's `name` + `name.sig`). Never throws; never rejects.
 */
export async function decodeCookieValue(
  cookie: CookieRecord,
  jar: readonly CookieRecord[] = [],
): Promise<DecodedValue> {
  const value: unknown = cookie?.value;
  if (typeof value !== 'string') return opaque(['the value is not text']);
  if (value.length > MAX_INPUT_CHARS) {
    return { ...opaque(), error: `the value is ${value.length} characters, over the ${MAX_INPUT_CHARS} decoders read` };
  }
  try {
    const sigOf = describeSigCookie(cookie, jar);
    if (sigOf !== null) return unrecognised(value, [sigOf]);
    const unquoted = unquoteCookieValue(value);
    if (unquoted !== null) {
      const inner = await decodeUnquoted({ ...cookie, value: unquoted }, jar);
      const layer = { kind: 'text' as const, label: 'quotes removed', output: layerText(unquoted) };
      return {
        ...inner,
        layers: [layer, ...inner.layers],
        notes: [...inner.notes, 'the value is wrapped in double quotes'],
      };
    }
    return await decodeUnquoted(cookie, jar);
  } catch (e) {
    // Decoders are written not to throw; this keeps a bug in one from reaching the UI as an exception.
    return { ...opaque(), error: `could not decode: ${errorText(e)}` };
  }
}
