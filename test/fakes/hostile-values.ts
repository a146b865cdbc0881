/**
 * Adversarial cookie values built from the definition of a cookie value, not from a list of known attacks: any
 * string of cookie-octets (RFC 6265 §4.1.1) up to 4,096 bytes. Shared by the unit timing tests, the e2e hostile
 * site and `npm run bench`, so all three measure the same inputs.
 *
 * The families: a long run of every cookie-octet (plus `"`, `\` and space, which browsers store too); runs of
 * two-character alternations; near-matches of every format's shape (the right prefix or envelope, then a run that
 * breaks it at the far end); and well-formed envelopes (JWT, Flask, base64 JSON, quoted) carrying hostile data.
 * Deterministic: the same size gives the same values.
 */

import { deflateSync } from 'node:zlib';
import { base64url } from './make-jwt';

/** The largest value a browser keeps (name + value ≤ 4,096 bytes in Chromium and Firefox). */
export const HOSTILE_SIZE = 4096;

/** RFC 6265 §4.1.1 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E. */
export const COOKIE_OCTETS: string = (() => {
  let s = '';
  for (let c = 0x21; c <= 0x7e; c++)
    if (c !== 0x22 && c !== 0x2c && c !== 0x3b && c !== 0x5c) s += String.fromCharCode(c);
  return s;
})();

/** Characters outside cookie-octet that browsers still store inside a value (quoted values, lax parsers). */
const LAX_OCTETS = '"\\ ';

export interface HostileValue {
  /** What the value is, for test names and reports: `run "="`, `near jwt`, … */
  label: string;
  value: string;
}

/** A small deterministic generator (mulberry32), so random baselines are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random string of cookie-octets: the baseline every hostile value is compared against. */
export function randomCookieValue(size = HOSTILE_SIZE, seed = 1): string {
  const next = seededRandom(seed);
  let s = '';
  for (let i = 0; i < size; i++) s += COOKIE_OCTETS[Math.floor(next() * COOKIE_OCTETS.length)];
  return s;
}

/** `unit` repeated until `size` characters (the last copy cut). */
export function fill(unit: string, size: number): string {
  if (size <= 0) return '';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** `head`, then `unit` repeated, then `tail`, exactly `size` characters long. */
function framed(head: string, unit: string, tail: string, size: number): string {
  return head + fill(unit, size - head.length - tail.length) + tail;
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Plain characters whose base64 is exactly `size` characters (base64 grows 4/3). */
function payloadChars(size: number): number {
  return Math.max(0, Math.floor((size * 3) / 4) - 3);
}

/** Every single-character run: each cookie-octet, and the lax ones. */
function runs(size: number): HostileValue[] {
  return [...COOKIE_OCTETS, ...LAX_OCTETS].map((c) => ({ label: `run ${JSON.stringify(c)}`, value: fill(c, size) }));
}

/** The characters formats split or escape on, whose runs and alternations stress parsers most. */
const SPECIAL = ['=', '%', '.', '-', '_', '+', '/', '"', '\\', ':', '{', '[', 'A', '0'];

function alternations(size: number): HostileValue[] {
  const out: HostileValue[] = [];
  for (const a of SPECIAL) {
    for (const b of SPECIAL) {
      if (a !== b) out.push({ label: `alternation ${JSON.stringify(a + b)}`, value: fill(a + b, size) });
    }
  }
  for (const unit of ['%2', '%25', '%41', '%3D', '%%', '--a', 'a--', '.a', 'aA', 's:', '\\0', '\\"', '\\054', 'eyJ']) {
    out.push({ label: `alternation ${JSON.stringify(unit)}`, value: fill(unit, size) });
  }
  // A run of one character that ends in another: what `x+$` style patterns backtrack on.
  for (const c of SPECIAL) out.push({ label: `run ${JSON.stringify(c)} then "!"`, value: fill(c, size - 1) + '!' });
  for (const c of SPECIAL) out.push({ label: `"a" then run ${JSON.stringify(c)}`, value: 'a' + fill(c, size - 1) });
  return out;
}

/** The right start or envelope of each recognised format, then a run that breaks it only at the far end. */
function nearMatches(size: number): HostileValue[] {
  const sig43 = 'A'.repeat(43);
  const hdr = base64url('{"alg":"HS256","typ":"JWT"}');
  return [
    // JWT / JWE: a valid header, then parts that never end or never decode.
    { label: 'near jwt: endless payload', value: framed(`${hdr}.`, 'A', '.', size) },
    { label: 'near jwt: dots', value: framed(`${hdr}.`, '.', '', size) },
    {
      label: 'near jwe: five parts, endless',
      value: framed(`${base64url('{"alg":"dir","enc":"A256GCM"}')}...`, 'A', '.', size),
    },
    { label: 'near jwt: "eyJ" run', value: framed('eyJ', 'A', '', size) },
    // express-session: `s:<id>.<43 chars>` with one character missing or wrong.
    { label: 'near express: id of dots', value: framed('s:', '.', sig43.slice(1), size) },
    { label: 'near express: id run', value: framed('s:', 'a', `.${sig43.slice(1)}`, size) },
    { label: 'near express: url-encoded', value: framed('s%3A', '%2E', `.${sig43.slice(1)}!`, size) },
    // Flask: `[.]payload.timestamp.signature`.
    { label: 'near flask: compressed, endless', value: framed('.', 'eJ', '.AAAA.', size) },
    { label: 'near flask: runs of parts', value: framed('.', 'a.', '', size) },
    // Django: `[.]payload:timestamp:signature`.
    { label: 'near django: endless payload', value: framed('.', 'a', `:1xUudc:${sig43.slice(1)}`, size) },
    { label: 'near django: colons', value: fill(':', size) },
    // Rails: `data--digest`, `ct--iv--tag`.
    { label: 'near rails: dashes', value: framed('A', '--A', '', size) },
    { label: 'near rails: digest cut', value: framed('', 'A', `--${'f'.repeat(39)}`, size) },
    { label: 'near rails: url-encoded dashes', value: framed('A', '%2D%2D', '', size) },
    // Laravel (base64 JSON behind URL-encoding) and ASP.NET Core.
    { label: 'near laravel', value: framed('eyJpdiI6', '%3D', '', size) },
    { label: 'near aspnet-core', value: framed('CfDJ8', 'A', '!', size) },
    // Quoted values with backslash escapes.
    { label: 'near quoted: backslashes', value: framed('"', '\\', '"', size) },
    { label: 'near quoted: octal escapes', value: framed('"', '\\054', '"', size) },
    { label: 'near quoted: unterminated', value: framed('"', '\\"', '', size) },
    // JSON: deep nesting, endless strings and keys.
    { label: 'near json: open braces', value: fill('{', size) },
    { label: 'near json: open brackets', value: fill('[', size) },
    { label: 'near json: nested keys', value: fill('{"a":', size) },
    { label: 'near json: endless string', value: framed('{"a":"', '\\u00', '', size) },
    // base64 that almost decodes: wrong padding, mixed alphabets, a zlib header on garbage.
    { label: 'near base64: padding run', value: framed('AAAA', '=', '', size) },
    { label: 'near base64: mixed alphabets', value: fill('+-/_', size) },
    { label: 'near base64: zlib header', value: framed('eJ', 'z', '', size) },
    // Opaque server ids of the right shape, too long.
    { label: 'near java id: route dots', value: framed('ABCDEF0123456789', '.a', '', size) },
    // Percent escapes nested deeper than the chain follows.
    { label: 'near url: %25 chain', value: framed('', '%25', '41', size) },
  ];
}

/** Well-formed formats carrying hostile data, so the decoders' inner steps (JSON, keys, claims) get it too. */
function hostileEnvelopes(size: number): HostileValue[] {
  // Payload text whose base64 fits in the value beside a JWT header and signature (about 80 characters).
  const n = payloadChars(size - 80);
  const claims = JSON.stringify({ [fill('aA', n - 20)]: 'x', exp: 1 });
  const deep = `${'['.repeat(Math.floor(n / 2))}${']'.repeat(Math.floor(n / 2))}`;
  const wide = `[${'"a",'.repeat(Math.floor((n - 5) / 4))}"a"]`;
  const email = JSON.stringify({ note: fill('a@', n - 12) });
  const hdr = base64url('{"alg":"HS256","typ":"JWT"}');
  const signed = (payload: string) => `${hdr}.${base64url(payload)}.${'A'.repeat(43)}`;
  return [
    { label: 'jwt: camelCase claim key', value: signed(claims) },
    { label: 'jwt: deep array claims', value: signed(`{"a":${deep}}`) },
    { label: 'jwt: near-email claim', value: signed(email) },
    { label: 'base64 json: wide array', value: b64(wide) },
    { label: 'base64 json: deep nesting', value: b64(deep) },
    { label: 'base64 json: hostile key', value: b64(claims) },
    { label: 'flask: wide array', value: `${base64url(wide)}.ZmQAAA.${'A'.repeat(27)}` },
    { label: 'base64 in base64', value: b64(b64(b64(fill('=', payloadChars(payloadChars(payloadChars(size))))))) },
    { label: 'quoted run of "="', value: `"${fill('=', size - 2)}"` },
  ];
}

function randomText(
  size: number,
  next: () => number,
  alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
): string {
  let s = '';
  for (let i = 0; i < size; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

/** Random text with every other character a percent-encoded ASCII one (so it always decodes). */
function percentEncoded(size: number, next: () => number): string {
  let s = '';
  while (s.length + 4 <= size)
    s += `${randomText(1, next)}%${randomText(1, next, '234567')}${randomText(1, next, '0123456789ABCDEF')}`;
  return s;
}

/** What Python's http.cookies writes for a value with commas, semicolons and quotes: octal and `\"` escapes. */
function quotedEscapes(size: number, next: () => number): string {
  let s = '';
  while (s.length + 8 <= size) s += `${randomText(4, next)}${next() < 0.5 ? '\\054' : '\\"'}`;
  return s;
}

/** ASP.NET Core Data Protection's magic header, then random bytes, in base64url. */
function aspnetPayload(size: number, next: () => number): string {
  const bytes = Buffer.alloc(payloadChars(size));
  bytes.set([0x09, 0xf0, 0xc9, 0xf0]);
  for (let i = 4; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  return bytes.toString('base64url');
}

/** A JSON object of random short keys and values, at most `size` characters once serialised. */
function randomJson(size: number, next: () => number): string {
  const o: Record<string, string> = {};
  for (let i = 0, n = 2; n + 34 < size; i++, n += 34) o[`k${i}_${randomText(4, next)}`] = randomText(20, next);
  return JSON.stringify(o);
}

/**
 * The baselines: 4 KB values an ordinary site could set, with random content. Random cookie-octets, and each
 * format's well-formed shape, so a decoder that reads a format is compared with itself reading a random payload
 * of that format, not only with its early exit on noise.
 */
export function ordinaryValues(size = HOSTILE_SIZE, seed = 1): HostileValue[] {
  const next = seededRandom(seed);
  const json = (chars: number) => randomJson(payloadChars(chars), next);
  const b64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const sig = (n: number) => randomText(n, next, `${b64chars.slice(0, 62)}-_`);
  const hdr = base64url('{"alg":"HS256","typ":"JWT"}');
  const values: HostileValue[] = [
    { label: 'random cookie-octets', value: randomCookieValue(size, seed) },
    { label: 'random cookie-octets (2)', value: randomCookieValue(size, seed + 1) },
    { label: 'random alphanumeric', value: randomText(size, next) },
    { label: 'random base64', value: randomText(size, next, b64chars) },
    { label: 'random base64url', value: sig(size) },
    { label: 'random hex', value: randomText(size, next, '0123456789abcdef') },
    { label: 'random percent-encoded', value: percentEncoded(size, next) },
    { label: 'jwt', value: `${hdr}.${base64url(json(size - 90))}.${sig(43)}` },
    { label: 'flask', value: `${base64url(json(size - 50))}.ZmQAAA.${sig(27)}` },
    { label: 'django signed', value: `${base64url(json(size - 60))}:1xUudc:${sig(43)}` },
    { label: 'rails signed', value: `${b64(json(size - 50))}--${randomText(40, next, '0123456789abcdef')}` },
    { label: 'express-session', value: `s:${randomText(size - 50, next)}.${randomText(43, next, b64chars)}` },
    { label: 'base64 json', value: b64(json(size)) },
    { label: 'json', value: json(Math.floor((size * 4) / 3)) },
    { label: 'base64 zlib json', value: deflateSync(json(size - 20)).toString('base64url') },
    { label: 'flask compressed', value: `.${deflateSync(json(size - 60)).toString('base64url')}.ZmQAAA.${sig(27)}` },
    { label: 'quoted with escapes', value: `"${quotedEscapes(size - 2, next)}"` },
    { label: 'quoted', value: `"${randomText(size - 2, next)}"` },
    { label: 'aspnet-core', value: aspnetPayload(size, next) },
  ];
  return values.map((v) => ({ label: v.label, value: v.value.slice(0, size) }));
}

/** Every hostile value of the given size, labelled. */
export function hostileValues(size = HOSTILE_SIZE): HostileValue[] {
  return [...runs(size), ...alternations(size), ...nearMatches(size), ...hostileEnvelopes(size)].map((h) => ({
    label: h.label,
    value: h.value.slice(0, size),
  }));
}

/**
 * Cookie names a page can choose: runs and near-matches of the name shapes detection reads (`__Host-`, Rails'
 * `_<app>_session`, camelCase, session words).
 */
export function hostileNames(size = 256): HostileValue[] {
  return [
    { label: 'name: rails near-match', value: framed('_a', '_', '_sessio', size) },
    { label: 'name: prefix run', value: fill('__host-', size) },
    { label: 'name: underscores', value: fill('_', size) },
    { label: 'name: dashes then !', value: fill('-', size - 1) + '!' },
    { label: 'name: camelCase', value: fill('aA', size) },
    { label: 'name: dots', value: fill('.', size) },
    { label: 'name: sig suffix', value: fill('.sig', size) },
  ];
}
