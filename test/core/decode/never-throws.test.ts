import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCookieValue } from '../../../src/core/decode/decode-cookie';
import type { DecodedValue } from '../../../src/core/decode/decoded-value';
import { MAX_INPUT_CHARS } from '../../../src/core/decode/limits';
import { allFixtures, cookieOf } from '../../fixtures/fixtures';
import { base64url } from '../../fakes/make-jwt';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const NAMES = ['session', 'sessionid', 'connect.sid', 'PHPSESSID', 'JSESSIONID', 'ASP.NET_SessionId', 'token', 'x'];
const fixtureValues = allFixtures().map((f) => f.cookie.value);

/** A well-formed DecodedValue: what the UI relies on, whatever the input. */
function expectShape(d: DecodedValue): void {
  expect(typeof d.label).toBe('string');
  expect(Array.isArray(d.layers)).toBe(true);
  expect(Array.isArray(d.notes)).toBe(true);
  for (const l of d.layers) expect(typeof l.output).toBe('string');
  // The result crosses the extension's message boundary: it must survive structured cloning.
  expect(() => structuredClone(d)).not.toThrow();
  expect(() => JSON.stringify(d)).not.toThrow();
}

/** Decodes with a `.sig` companion in the jar (unless `alone`), so the paired formats are exercised too. */
async function decodeAny(name: string, value: string, alone = false): Promise<DecodedValue> {
  const jar = alone ? [] : [cookieOf(`${name}.sig`, 'AAAAAAAAAAAAAAAAAAAAAAAAAAA')];
  const d = await decodeCookieValue(cookieOf(name, value), jar);
  expectShape(d);
  return d;
}

/** Values shaped like the formats, built from arbitrary parts. */
const formatShaped = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json().map(b64),
  fc.json().map(base64url),
  fc.json().map((j) => encodeURIComponent(b64(j))),
  fc.json().map((j) => `${base64url(j)}.${base64url('x')}.${'A'.repeat(27)}`),
  fc.json().map((j) => `.${base64url(j)}.AAAAAA.${'A'.repeat(27)}`),
  fc.json().map((j) => `${base64url(j)}:1xUudc:${'A'.repeat(43)}`),
  fc.json().map((j) => `.${base64url(j)}:1xUudc:${'A'.repeat(43)}`),
  fc.json().map((j) => `${b64(j)}--${'a'.repeat(40)}`),
  fc
    .json()
    .map((j) => `${b64(JSON.stringify({ _rails: { message: b64(j), exp: null, pur: 'x' } }))}--${'0'.repeat(40)}`),
  fc.json().map((j) => `eyJhbGciOiJIUzI1NiJ9.${base64url(j)}.sig`),
  fc.tuple(fc.json(), fc.json()).map(([h, p]) => `${base64url(h)}.${base64url(p)}.`),
  fc.tuple(fc.json(), fc.string()).map(([h, p]) => `${base64url(h)}.${p}.${p}.${p}.${p}`),
  fc.string().map((s) => `s%3A${s}.${'A'.repeat(43)}`),
  fc.uint8Array({ minLength: 20 }).map((b) => `CfDJ8${base64url(b)}`),
  fc.uint8Array().map((b) => `.${base64url(b)}.AAAAAA.${'A'.repeat(27)}`),
  fc.uint8Array().map((b) => Buffer.from([0x78, 0x9c, ...b]).toString('base64')),
  fc
    .array(fc.constantFrom('.', ':', '-', '--', '%', '%2', '=', 'eyJ', 's:', 'A', '{', '"'), { maxLength: 40 })
    .map((a) => a.join('')),
);

/** A real fixture cut short, or with one character replaced or inserted. */
const damagedFixture = fc
  .tuple(
    fc.constantFrom(...fixtureValues),
    fc.nat(),
    fc.string({ minLength: 1, maxLength: 1 }),
    fc.constantFrom('cut', 'replace', 'insert'),
  )
  .map(([v, n, ch, how]) => {
    const at = n % (v.length + 1);
    if (how === 'cut') return v.slice(0, at);
    if (how === 'replace') return v.slice(0, at) + ch + v.slice(at + 1);
    return v.slice(0, at) + ch + v.slice(at);
  });

describe('decoders never throw', () => {
  it.each([
    { on: 'arbitrary and format-shaped values, under any cookie name', values: formatShaped },
    { on: 'truncated and tampered real fixtures', values: damagedFixture },
  ])('on $on', async ({ values }) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), values, async (name, value) => {
        await decodeAny(name, value);
      }),
      { numRuns: 600 },
    );
  });

  it('round-trips any JSON object or array through base64', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }),
          fc.array(fc.jsonValue(), { minLength: 1 }),
        ),
        async (data) => {
          const text = JSON.stringify(data);
          // Shorter base64 is left as it is, on purpose (generic-chain.ts, MIN_BASE64): `[0]` is `WzBd`.
          fc.pre(b64(text).length >= 8);
          const d = await decodeAny('x', b64(text), true);
          expect(d.format).toBe('generic');
          expect(d.data).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a non-string value without throwing', async () => {
    const bad = { ...cookieOf('x', ''), value: 42 as unknown as string };
    expectShape(await decodeCookieValue(bad));
  });
});

describe('1 MB inputs stay fast', () => {
  const MB = 1024 * 1024 - 64;
  const big = (s: string) => s.repeat(Math.ceil(MB / s.length)).slice(0, MB);
  const shapes: Array<[string, string]> = [
    ['letters', big('A')],
    ['base64 of JSON', b64(JSON.stringify({ a: big('x').slice(0, (MB * 3) / 4 - 20) })).slice(0, MB)],
    ['percent escapes', big('%41')],
    ['broken percent escapes', big('%4')],
    ['express-shaped', `s:${big('a')}.${'A'.repeat(43)}`.slice(-MB)],
    ['dots and colons', big('a.b:c--d.')],
    ['JWT-shaped', `eyJhbGciOiJub25lIn0.${base64url(JSON.stringify({ p: big('y').slice(0, MB / 2) }))}.`],
    ['JSON array', `[${big('1,')}1]`],
    ['unterminated deep JSON', big('[')],
    ['deep JSON', `${'['.repeat(MB / 2)}${']'.repeat(MB / 2)}`],
    ['deep JSON in base64', b64(`${'{"a":'.repeat(MB / 16)}1${'}'.repeat(MB / 16)}`)],
    ['deep JWT claims', `eyJhbGciOiJIUzI1NiJ9.${base64url(`${'['.repeat(MB / 4)}${']'.repeat(MB / 4)}`)}.sig`],
    ['nested base64', b64(b64(b64(big('z').slice(0, MB / 3))))],
    ['unicode', big('é€😀')],
  ];

  it.each(shapes)('%s', async (_label, value) => {
    expect(value.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    const started = performance.now();
    await decodeAny('session', value);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('refuses values over the bound with an error instead of working on them', async () => {
    const d = await decodeAny('session', 'A'.repeat(MAX_INPUT_CHARS + 1));
    expect(d.error).toMatch(/over the/);
  });
});
