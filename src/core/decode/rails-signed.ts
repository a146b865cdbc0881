import { base64ToBytes, bytesToUtf8, type Bytes } from './bytes';
import type { DecodedValue } from './decoded-value';
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

export function decodeRailsSigned(value: string): DecodedValue | null {
  const parts = parseRailsSigned(value);
  if (!parts) return null;
  const outer = readPayload(base64ToBytes(parts.data)!);
  if (!outer) return null;
  const label = 'Rails signed cookie (MessageVerifier)';
  const base = { format: 'rails-signed' as const, label, hmacSigned: true, clientReadable: true };
  if (outer.kind === 'marshal') {
    return {
      ...base,
      data: { marshalStrings: outer.strings },
      layers: [{ kind: 'base64', label: 'base64 → Ruby Marshal', output: outer.strings.join(' ') }],
      notes: [MARSHAL_NOTE],
    };
  }
  const layers: DecodedValue['layers'] = [{ kind: 'base64', label: 'base64 → JSON', output: layerJson(outer.value) }];
  const notes: string[] = [];
  const rails = isJsonObject(outer.value) ? outer.value._rails : undefined;
  if (!isJsonObject(rails)) return { ...base, data: outer.value, layers, notes };
  const envelope = { purpose: rails.pur, expires: rails.exp };
  // Rails ≤ 7.0 nests the message as base64; 7.1's metadata-in-serializer format embeds it as `data`.
  if ('data' in rails) return { ...base, data: { message: rails.data, ...envelope }, layers, notes };
  if (typeof rails.message !== 'string') return { ...base, data: outer.value, layers, notes };
  const inner = base64ToBytes(rails.message);
  const message = inner ? readPayload(inner) : null;
  if (message?.kind === 'json') {
    layers.push({ kind: 'json', label: 'envelope message (base64 → JSON)', output: layerJson(message.value) });
    return { ...base, data: { message: message.value, ...envelope }, layers, notes };
  }
  if (message?.kind === 'marshal') {
    layers.push({ kind: 'text', label: 'envelope message (base64 → Ruby Marshal)', output: message.strings.join(' ') });
    return {
      ...base,
      data: { message: { marshalStrings: message.strings }, ...envelope },
      layers,
      notes: [MARSHAL_NOTE],
    };
  }
  return { ...base, data: { message: rails.message, ...envelope }, layers, notes };
}
