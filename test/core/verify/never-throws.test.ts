import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWeakSecret } from '../../../src/core/verify/find-weak-secret';
import { verifyCookie } from '../../../src/core/verify/verify-cookie';
import { allFixtures, cookieAndJar, cookieOf, type Fixture } from '../../fixtures/fixtures';

const VERIFIABLE = ['jwt', 'express-session', 'cookie-session', 'flask', 'django-signed', 'rails-signed'];
const signed = allFixtures().filter((f) => VERIFIABLE.includes(f.format));
const fixtureValues = allFixtures().map((f) => f.cookie.value);
const keyInputs = allFixtures().flatMap((f) => [f.secret, f.publicKey?.pem, JSON.stringify(f.publicKey?.jwk ?? {})]);

/** Where the signed part of a fixture ends: the signature (or, for cookie-session, the .sig cookie) follows. */
function signedLength(f: Fixture): number {
  const v = f.cookie.value;
  if (f.format === 'cookie-session') return v.length;
  if (f.format === 'django-signed') return v.lastIndexOf(':');
  if (f.format === 'rails-signed') return v.indexOf('--');
  return v.lastIndexOf('.');
}

function inputsFor(f: Fixture): string[] {
  return f.keys ?? (f.secret !== undefined ? [f.secret] : [f.publicKey!.pem!]);
}

describe('verification never throws', () => {
  it('on arbitrary values and arbitrary secrets or keys', async () => {
    const value = fc.oneof(fc.string(), fc.constantFrom(...fixtureValues));
    const input = fc.oneof(fc.string(), fc.constantFrom(...keyInputs.filter((k): k is string => k !== undefined)));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('session', 'token', 'sessionid', 'connect.sid'),
        value,
        fc.array(input, { maxLength: 3 }),
        async (name, v, inputs) => {
          const r = await verifyCookie(cookieOf(name, v), [cookieOf(`${name}.sig`, v)], inputs);
          expect(['valid', 'invalid', 'unsupported']).toContain(r.status);
          expect(typeof r.message).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never says valid once one character of the signed part changes', async () => {
    const arb = fc.tuple(fc.constantFrom(...signed), fc.nat(), fc.constantFrom(...'ABCXYZabcxyz0189'));
    await fc.assert(
      fc.asyncProperty(arb, async ([f, n, ch]) => {
        const v = f.cookie.value;
        const at = n % signedLength(f);
        // Change only letters and digits outside percent escapes, so the text really differs after decoding.
        fc.pre(/[A-Za-z0-9]/.test(v[at]!) && v[at] !== ch && !v.slice(Math.max(0, at - 2), at).includes('%'));
        const tampered = { ...f, cookie: { ...f.cookie, value: v.slice(0, at) + ch + v.slice(at + 1) } };
        const { cookie, jar } = cookieAndJar(tampered);
        expect((await verifyCookie(cookie, jar, inputsFor(f))).status).not.toBe('valid');
      }),
      { numRuns: 150 },
    );
  });

  it('refuses values over the size bound quickly', async () => {
    const huge = cookieOf('session', `s:${'a'.repeat(2 * 1024 * 1024)}.${'A'.repeat(43)}`);
    const started = performance.now();
    expect((await verifyCookie(huge, [], 'secret')).status).toBe('unsupported');
    expect(await findWeakSecret(huge, [])).toMatchObject({ applicable: false, checked: 0 });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('the weak-secret search never throws on arbitrary values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom(...fixtureValues)), async (v) => {
        const r = await findWeakSecret(cookieOf('session', v), [], { dictionary: ['secret', 'keyboard cat'] });
        expect(r.checked).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });
});
