import type { DecodedValue } from './decoded-value';
import { estimateEntropyBits } from '../detect/entropy';
import { urlDecode } from './url-decode';

export interface ExpressSessionParts {
  /** The session id the signature covers (the data itself stays on the server). */
  id: string;
  /** cookie-signature's base64 HMAC-SHA256 with the `=` padding stripped. */
  signature: string;
}

// cookie-signature signs `id` and appends `.` + 43 base64 characters (32 bytes, padding removed).
const SIGNATURE_LENGTH = 43;
const SIGNATURE = /^[A-Za-z0-9+/]{43}$/;

/**
 * `s:<id>.<sig>` as express-session sets it (URL-encoded in the cookie): `s:`, an id of at least one character, `.`
 * and the signature. The signature's length fixes where the id ends, so the parts are cut there, not searched for (the
 * pattern `^s:(.+)\.(sig)$` went back over the whole value from its end, a value of dots at every place).
 */
export function parseExpressSession(value: string): ExpressSessionParts | null {
  const decoded = urlDecode(value);
  if (decoded === null) return null;
  const dot = decoded.length - SIGNATURE_LENGTH - 1;
  if (dot < 3 || !decoded.startsWith('s:') || decoded[dot] !== '.') return null;
  const signature = decoded.slice(dot + 1);
  if (!SIGNATURE.test(signature)) return null;
  return { id: decoded.slice(2, dot), signature };
}

export function decodeExpressSession(value: string): DecodedValue | null {
  const parts = parseExpressSession(value);
  if (!parts) return null;
  const layers: DecodedValue['layers'] = [];
  if (value.includes('%'))
    layers.push({ kind: 'url', label: 'URL-decoded', output: `s:${parts.id}.${parts.signature}` });
  layers.push({ kind: 'format', label: 'express-session signed id', output: parts.id });
  return {
    format: 'express-session',
    label: 'express-session signed session id',
    hmacSigned: true,
    clientReadable: false,
    data: { sessionId: parts.id, signature: parts.signature },
    entropyBits: estimateEntropyBits(parts.id),
    layers,
    notes: ['the session data is kept on the server; the cookie holds only its id, signed with HMAC-SHA256'],
  };
}
