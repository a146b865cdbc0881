import { base64ToBytes, bytesToUtf8, type Bytes } from './bytes';
import type { DecodeLayer, DecodedValue } from './decoded-value';
import { isJsonObject, layerJson, parseJson } from './json';
import { isRubyMarshal, marshalStrings } from './ruby-marshal';
import { urlDecode } from './url-decode';

export interface RailsSignedParts {
  /** The base64 data the HMAC covers. */
  data: string;
  /** Hex HMAC: 40 characters for SHA-1, 64 for SHA-256, 128 for SHA-512. */
  digest: string;
}

/** Standard base64, padded: what Ruby's Base64.strict_encode64 writes. */
export const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HEX_DIGEST = /^(?:[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/;

/** ActiveSupport::MessageVerifier: `base64(data)--hex(HMAC)`, URL-encoded in the cookie. */
export function parseRailsSigned(value: string): RailsSignedParts | null {
  const decoded = urlDecode(value);
  if (decoded === null) return null;
  // Three parts already rule the value out: the limit keeps a run of dashes from becoming thousands of strings.
  const parts = decoded.split('--', 3);
  if (parts.length !== 2) return null;
  const [data, digest] = parts as [string, string];
  if (!B64.test(data) || !HEX_DIGEST.test(digest) || !base64ToBytes(data)) return null;
  return { data, digest };
}

type Readable = { kind: 'json'; value: unknown } | { kind: 'marshal'; strings: string[] } | null;

function readPayload(bytes: Bytes): Readable {
  if (isRubyMarshal(bytes)) return { kind: 'marshal', strings: marshalStrings(bytes) };
  const text = bytesToUtf8(bytes);
  const json = text === null ? undefined : parseJson(text);
  return json === undefined ? null : { kind: 'json', value: json };
}

const MARSHAL_NOTE = 'Ruby Marshal payload: shown as its readable strings, not parsed';

export interface RailsPayload {
  data: unknown;
  layers: DecodeLayer[];
  notes: string[];
}

/**
 * What Rails serialised into a signed or encrypted cookie (the signed data after base64, or the decrypted
 * plaintext): JSON or Ruby Marshal, usually inside the `_rails` metadata envelope. Null when it is neither.
 */
export function readRailsPayload(bytes: Bytes, source: 'base64' | 'plaintext'): RailsPayload | null {
  const outer = readPayload(bytes);
  if (!outer) return null;
  const kind = source === 'base64' ? 'base64' : 'text';
  if (outer.kind === 'marshal') {
    return {
      data: { marshalStrings: outer.strings },
      layers: [{ kind, label: `${source} → Ruby Marshal`, output: outer.strings.join(' ') }],
      notes: [MARSHAL_NOTE],
    };
  }
  const layers: DecodeLayer[] = [{ kind, label: `${source} → JSON`, output: layerJson(outer.value) }];
  const notes: string[] = [];
  const rails = isJsonObject(outer.value) ? outer.value._rails : undefined;
  if (!isJsonObject(rails)) return { data: outer.value, layers, notes };
  const envelope = { purpose: rails.pur, expires: rails.exp };
  // Rails ≤ 7.0 nests the message as base64; 7.1's metadata-in-serializer format embeds it as `data`.
  if ('data' in rails) return { data: { message: rails.data, ...envelope }, layers, notes };
  if (typeof rails.message !== 'string') return { data: outer.value, layers, notes };
  const inner = base64ToBytes(rails.message);
  const message = inner ? readPayload(inner) : null;
  if (message?.kind === 'json') {
    layers.push({ kind: 'json', label: 'envelope message (base64 → JSON)', output: layerJson(message.value) });
    return { data: { message: message.value, ...envelope }, layers, notes };
  }
  if (message?.kind === 'marshal') {
    layers.push({ kind: 'text', label: 'envelope message (base64 → Ruby Marshal)', output: message.strings.join(' ') });
    return { data: { message: { marshalStrings: message.strings }, ...envelope }, layers, notes: [MARSHAL_NOTE] };
  }
  return { data: { message: rails.message, ...envelope }, layers, notes };
}

export function decodeRailsSigned(value: string): DecodedValue | null {
  const parts = parseRailsSigned(value);
  const payload = parts ? readRailsPayload(base64ToBytes(parts.data)!, 'base64') : null;
  if (!payload) return null;
  const label = 'Rails signed cookie (MessageVerifier)';
  return { format: 'rails-signed', label, hmacSigned: true, clientReadable: true, ...payload };
}
