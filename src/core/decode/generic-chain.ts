import { anyBase64ToBytes, bytesToUtf8, isPrintable } from './bytes';
import type { DecodeLayer, DecodedValue } from './decoded-value';
import { inflate, looksLikeZlib } from './inflate';
import { layerJson, layerText, parseJsonStructure } from './json';
import { decodeJwt } from './jwt';
import { tokenLayer } from './jwt-value';
import { MAX_CHAIN_DEPTH } from './limits';
import { findNestedJwt } from './nested-token';
import { hasPercentEscape, urlDecode } from './url-decode';

/** Shortest text worth trying as base64: shorter values are words far more often than encodings. */
const MIN_BASE64 = 8;

/**
 * The chain for values no framework claims: URL-decoding, base64 / base64url (and zlib inside), JSON, and a
 * token at any layer, each step recorded. Returns `null` when not even one layer applies.
 */
export async function decodeGenericChain(value: string): Promise<DecodedValue | null> {
  const layers: DecodeLayer[] = [];
  let current = value;
  let data: unknown;
  let jwt: DecodedValue['jwt'];
  let error: string | undefined;
  for (let depth = 0; depth < MAX_CHAIN_DEPTH; depth++) {
    if (depth > 0) {
      const token = decodeJwt(current);
      if (token.kind !== 'not-jwt') {
        jwt = token;
        data = token.kind === 'jws' ? (token.claims ?? undefined) : undefined;
        layers.push(tokenLayer(token, token.kind === 'jws' ? 'JWT' : 'JWE header'));
        break;
      }
    }
    // JSON before URL-decoding: a percent sign inside JSON is data, not an escape.
    const json = parseJsonStructure(current);
    if (json !== undefined) {
      data = json;
      layers.push({ kind: 'json', label: 'JSON', output: layerJson(json) });
      const nested = findNestedJwt(json);
      if (nested) {
        jwt = nested.jwt;
        layers.push(tokenLayer(nested.jwt, `token at ${nested.path}`));
      }
      break;
    }
    if (hasPercentEscape(current)) {
      const decoded = urlDecode(current);
      if (decoded !== null && decoded !== current) {
        layers.push({ kind: 'url', label: 'URL-decoded', output: layerText(decoded) });
        current = decoded;
        continue;
      }
    }
    const trimmed = current.trim();
    if (trimmed.length < MIN_BASE64) break;
    let bytes = anyBase64ToBytes(trimmed);
    if (!bytes || bytes.length === 0) break;
    const kind = /[-_]/.test(trimmed) ? 'base64url' : 'base64';
    if (looksLikeZlib(bytes)) {
      const inflated = await inflate(bytes);
      if (!inflated.ok) {
        error = inflated.error;
        layers.push({ kind, label: `${kind} → zlib`, output: `${bytes.length} bytes` });
        break;
      }
      bytes = inflated.bytes;
      const text = bytesToUtf8(bytes);
      if (text === null) break;
      layers.push({ kind: 'zlib', label: `${kind} → zlib-decompressed`, output: layerText(text) });
      current = text;
      data = text;
      continue;
    }
    const text = bytesToUtf8(bytes);
    if (text === null || text.trim() === '' || !isPrintable(text)) break;
    layers.push({ kind, label: `${kind}-decoded`, output: layerText(text) });
    current = text;
    data = text;
  }
  if (layers.length === 0) return null;
  const result: DecodedValue = {
    format: 'generic',
    label: `Encoded value (${layers.map((l) => l.kind).join(' → ')})`,
    hmacSigned: false,
    // Readable, but not known to be a session: the client-session rules are for framework sessions only.
    clientReadable: false,
    data,
    layers,
    notes: layers.length >= MAX_CHAIN_DEPTH ? [`stopped after ${MAX_CHAIN_DEPTH} layers`] : [],
  };
  if (jwt) result.jwt = jwt;
  if (error !== undefined) result.error = error;
  return result;
}
