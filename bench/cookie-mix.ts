import type { CookieRecord, SameSite } from '../src/core/cookie/cookie-record';
import { seededRandom } from '../test/fakes/hostile-values';

/**
 * A realistic cookie mix for the benchmark, the same for the real site (as Set-Cookie headers) and the synthetic
 * pages (as records): about one in eight is a JWT, a few carry session names, the rest are preferences, analytics
 * ids and long base64 blobs, with every SameSite value. Deterministic: the same `n` gives the same cookies.
 */
export interface MixCookie {
  name: string;
  value: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: SameSite;
  maxAgeS: number | undefined;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SAMESITES: SameSite[] = ['lax', 'strict', 'no_restriction', 'unspecified'];

export function cookieMix(n: number, jwts: readonly string[]): MixCookie[] {
  const rnd = seededRandom(n * 7919 + 1);
  const word = (len: number) => Array.from({ length: len }, () => ALNUM[Math.floor(rnd() * ALNUM.length)]).join('');
  const out: MixCookie[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 8;
    const sameSite = SAMESITES[i % SAMESITES.length]!;
    const secure = sameSite === 'no_restriction' || rnd() < 0.5;
    const base = { httpOnly: rnd() < 0.4, secure, sameSite, maxAgeS: rnd() < 0.3 ? undefined : 3600 + i * 60 };
    if (kind === 0 && jwts.length > 0) out.push({ ...base, name: `token_${i}`, value: jwts[i % jwts.length]! });
    else if (kind === 1) out.push({ ...base, name: `sess_${i}`, value: word(32) });
    else if (kind === 2)
      out.push({ ...base, name: `_ga_${i}`, value: `GA1.1.${Math.floor(rnd() * 1e9)}.${1.7e9 + i}` });
    else if (kind === 3)
      out.push({ ...base, name: `blob_${i}`, value: btoa(JSON.stringify({ i, cart: [word(6), word(6)] })) });
    else out.push({ ...base, name: `pref_${i}`, value: word(4 + (i % 12)) });
  }
  return out;
}

export function setCookieHeader(c: MixCookie): string {
  const same = { lax: 'Lax', strict: 'Strict', no_restriction: 'None', unspecified: '' }[c.sameSite];
  return [
    `${c.name}=${c.value}`,
    'Path=/',
    c.maxAgeS !== undefined ? `Max-Age=${c.maxAgeS}` : '',
    c.httpOnly ? 'HttpOnly' : '',
    c.secure ? 'Secure' : '',
    same ? `SameSite=${same}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export function toRecord(c: MixCookie, host: string, nowMs: number): CookieRecord {
  const record: CookieRecord = {
    name: c.name,
    value: c.value,
    domain: host,
    path: '/',
    hostOnly: true,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    browserSession: c.maxAgeS === undefined,
    storeId: '0',
  };
  if (c.maxAgeS !== undefined) record.expirationDate = nowMs / 1000 + c.maxAgeS;
  return record;
}
