import { base64urlToBytes, bytesToHex } from './bytes';
import type { DecodedValue } from './decoded-value';

/**
 * ASP.NET Core DataProtection payloads start with the magic header 09 F0 C9 F0 ("CfDJ8" in base64url), then the
 * 16-byte key id as a .NET Guid (its first three fields little-endian).
 */
export function aspnetKeyId(value: string): string | null {
  if (!value.startsWith('CfDJ8')) return null;
  const bytes = base64urlToBytes(value);
  if (!bytes || bytes.length < 20) return null;
  if (bytes[0] !== 0x09 || bytes[1] !== 0xf0 || bytes[2] !== 0xc9 || bytes[3] !== 0xf0) return null;
  const g = bytes.subarray(4, 20);
  const le = (from: number, to: number) => bytesToHex(g.subarray(from, to).slice().reverse());
  return `${le(0, 4)}-${le(4, 6)}-${le(6, 8)}-${bytesToHex(g.subarray(8, 10))}-${bytesToHex(g.subarray(10, 16))}`;
}

export function decodeAspnetCore(value: string): DecodedValue | null {
  const keyId = aspnetKeyId(value);
  if (keyId === null) return null;
  return {
    format: 'aspnet-core',
    label: 'ASP.NET Core Data Protection payload',
    hmacSigned: false,
    clientReadable: false,
    data: { keyId },
    layers: [{ kind: 'format', label: 'DataProtection header → key id', output: keyId }],
    notes: ['encrypted and authenticated with the server key ring; only the key id is readable'],
  };
}
