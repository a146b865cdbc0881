import { base64urlToBytes, bytesToUtf8 } from './bytes';
import type { DecodedValue, DecodeLayer, FormatId } from './decoded-value';
import { inflate } from './inflate';
import { layerJson, parseJson } from './json';

/** The note of every format that keeps the whole session in the cookie. */
export const WHOLE_SESSION_NOTE = 'the whole session lives in the cookie: anyone holding it can read it';

/**
 * A timestamped, signed payload as Django's `signing` module and itsdangerous (Flask) both lay it out: a
 * base64url JSON payload (zlib-compressed when it starts with a dot), an issue time and an HMAC over both.
 */
export interface SignedPayloadParts {
  /** The base64url payload without the compression dot. */
  payload: string;
  compressed: boolean;
  /** Issue time in Unix seconds. */
  timestamp: number;
  /** What the signature covers: everything before the last separator (`[.]payload<sep>timestamp`). */
  signingInput: string;
  /** The base64url HMAC. */
  signature: string;
}

export type SignedPayload = { json: unknown; layer: DecodeLayer } | { error: string; layer: DecodeLayer };

/**
 * The payload read as JSON (inflated first when compressed), with the layer that shows it; a payload that
 * does not inflate gives the error and its raw text. Null when it is not JSON: then the value is some other
 * format of three separated parts.
 */
export async function readSignedPayload(parts: SignedPayloadParts, framework: string): Promise<SignedPayload | null> {
  const raw = base64urlToBytes(parts.payload);
  if (!raw) return null;
  let bytes = raw;
  if (parts.compressed) {
    const inflated = await inflate(raw);
    if (!inflated.ok) {
      const label = `${framework} payload (base64url, zlib)`;
      return { error: inflated.error, layer: { kind: 'base64url', label, output: parts.payload } };
    }
    bytes = inflated.bytes;
  }
  const text = bytesToUtf8(bytes);
  const json = text === null ? undefined : parseJson(text);
  if (json === undefined) return null;
  const label = `${framework} payload (base64url${parts.compressed ? ', zlib' : ''}) → JSON`;
  return { json, layer: { kind: parts.compressed ? 'zlib' : 'base64url', label, output: layerJson(json) } };
}

/** How a framework's signed session decodes: its format, label, name in the layers, and what its JSON means. */
export interface SignedSession {
  format: FormatId;
  label: string;
  framework: string;
  /** The session data the JSON stands for (Flask tags some values). */
  data: (json: unknown) => unknown;
}

/**
 * A Django or Flask signed session: HMAC-signed, readable by the client, issued at its timestamp, the payload
 * read by readSignedPayload. Null when the parts are not the format's.
 */
export async function decodeSignedSession(
  parts: SignedPayloadParts | null,
  session: SignedSession,
): Promise<DecodedValue | null> {
  if (!parts) return null;
  // Uncompressed, the payload must be JSON for this to be the format rather than any three separated parts.
  const payload = await readSignedPayload(parts, session.framework);
  if (!payload) return null;
  const base: DecodedValue = {
    format: session.format,
    label: session.label,
    hmacSigned: true,
    clientReadable: true,
    issuedAt: parts.timestamp,
    layers: [payload.layer],
    notes: [WHOLE_SESSION_NOTE],
  };
  return 'error' in payload ? { ...base, error: payload.error } : { ...base, data: session.data(payload.json) };
}
