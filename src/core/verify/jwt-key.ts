import { exportJWK, importJWK, importPKCS8, importSPKI, importX509, type JWK } from 'jose';
import { utf8ToBytes } from '../decode/bytes';
import { isJsonObject, parseJson } from '../decode/json';
import { errorText } from '../error-text';

export type VerifyKey = CryptoKey | Uint8Array;
export type KeyResult = { ok: true; keys: VerifyKey[] } | { ok: false; message: string };

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

function publicPart(jwk: JWK): JWK {
  if (jwk.kty === 'oct') return jwk;
  const pub: JWK = { ...jwk };
  for (const m of PRIVATE_MEMBERS) delete (pub as Record<string, unknown>)[m];
  return pub;
}

async function fromJwk(jwk: JWK, alg: string): Promise<VerifyKey> {
  // A private JWK also holds the public key: strip it so a user can paste the key pair they signed with.
  const key = await importJWK(publicPart(jwk), alg);
  return key instanceof Uint8Array ? key : (key as CryptoKey);
}

/**
 * Turns what the user pasted into keys that can verify `alg`: a JWK or JWK Set (JSON), a PEM public key,
 * certificate or PKCS#8 private key, or, for HS*, the shared secret as text.
 */
export async function importVerifyKey(input: string, alg: string, kid?: string): Promise<KeyResult> {
  const text = input.trim();
  const hmacAlg = /^HS(256|384|512)$/.test(alg);
  try {
    if (text.startsWith('{')) {
      const json = parseJson(text);
      if (isJsonObject(json) && Array.isArray(json.keys)) {
        const all = json.keys.filter(isJsonObject) as JWK[];
        const byKid = kid === undefined ? [] : all.filter((k) => k.kid === kid);
        const candidates = byKid.length > 0 ? byKid : all;
        const keys: VerifyKey[] = [];
        for (const jwk of candidates) {
          try {
            keys.push(await fromJwk(jwk, alg));
          } catch {
            // A key of another type or curve in the set: not the one that signed this token.
          }
        }
        return keys.length > 0 ? { ok: true, keys } : { ok: false, message: `no key in the JWK Set fits ${alg}` };
      }
      if (isJsonObject(json) && typeof json.kty === 'string')
        return { ok: true, keys: [await fromJwk(json as JWK, alg)] };
      if (!hmacAlg) return { ok: false, message: 'the JSON is neither a JWK nor a JWK Set' };
    }
    if (text.startsWith('-----BEGIN')) {
      if (text.startsWith('-----BEGIN PUBLIC KEY-----')) return { ok: true, keys: [await importSPKI(text, alg)] };
      if (text.startsWith('-----BEGIN CERTIFICATE-----')) return { ok: true, keys: [await importX509(text, alg)] };
      if (text.startsWith('-----BEGIN PRIVATE KEY-----')) {
        const priv = await importPKCS8(text, alg, { extractable: true });
        return { ok: true, keys: [await fromJwk(await exportJWK(priv), alg)] };
      }
      const kind = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1] ?? 'unknown';
      return {
        ok: false,
        message: `a "${kind}" PEM is not supported: give the public key as SPKI ("BEGIN PUBLIC KEY"), a certificate, PKCS#8 or a JWK`,
      };
    }
  } catch (e) {
    return { ok: false, message: `could not use the key for ${alg}: ${errorText(e)}` };
  }
  if (!hmacAlg) return { ok: false, message: `${alg} needs a public key (JWK or PEM), not a shared secret` };
  // WebCrypto refuses an empty HMAC key; HMAC zero-pads keys, so one 0x00 byte gives the same MACs.
  return { ok: true, keys: [input === '' ? new Uint8Array(1) : utf8ToBytes(input)] };
}
