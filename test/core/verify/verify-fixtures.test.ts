import { exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyCookie } from '../../../src/core/verify/verify-cookie';
import { allFixtures, cookieAndJar, cookieOf, fixture, type Fixture } from '../../fixtures/fixtures';

/** What the user would paste for this fixture: the secret, the keygrip keys, or the public key. */
function rightInputs(f: Fixture): string[] {
  if (f.keys) return f.keys;
  if (f.secret !== undefined) return [f.secret];
  if (f.publicKey?.pem) return [f.publicKey.pem];
  throw new Error(`fixture ${f.id} has no secret or key`);
}

/** Changes one character of the signed part, keeping the value well-formed. */
function tamper(value: string, at: number): string {
  const c = value[at]!;
  const swap = c === 'A' ? 'B' : c === 'a' ? 'b' : /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : 'A';
  return value.slice(0, at) + swap + value.slice(at + 1);
}

// Rails encrypted and Laravel (CBC and GCM) cookies verify by decrypting: test/core/verify/decrypt-fixtures.test.ts.
const UNSIGNED = ['jwe', 'php-session', 'django-db-session'];
const unsigned = (f: Fixture) => UNSIGNED.includes(f.format);
const signed = allFixtures().filter((f) => !unsigned(f));
const pemOf = (id: string) => allFixtures().find((f) => f.id === id)!.publicKey!.pem!;
/** A key of the right type that did not sign the fixture. */
const OTHER_KEY: Record<string, () => Promise<string>> = {
  'jsonwebtoken-RS256': async () => pemOf('jsonwebtoken-PS256'),
  'jsonwebtoken-PS256': async () => pemOf('jsonwebtoken-RS256'),
  'jsonwebtoken-ES256': async () => pemOf('jose-ES256'),
  'jose-ES256': async () => pemOf('jsonwebtoken-ES256'),
  'jose-EdDSA': async () => exportSPKI((await generateKeyPair('EdDSA', { crv: 'Ed25519' })).publicKey),
};
const wrongInput = (f: Fixture) => OTHER_KEY[f.id]?.() ?? Promise.resolve('not-the-secret');

describe('verifying real framework cookies', () => {
  it.each(signed.map((f) => [f.id, f] as const))('%s verifies with its secret or key', async (_id, f) => {
    const { cookie, jar } = cookieAndJar(f);
    const r = await verifyCookie(cookie, jar, rightInputs(f));
    expect(r).toMatchObject({ status: 'valid', format: f.format });
  });

  it.each(signed.map((f) => [f.id, f] as const))('%s fails with another secret or key', async (_id, f) => {
    const { cookie, jar } = cookieAndJar(f);
    const r = await verifyCookie(cookie, jar, [await wrongInput(f)]);
    expect(r.status).toBe('invalid');
  });

  it.each(signed.map((f) => [f.id, f] as const))('%s fails when tampered', async (_id, f) => {
    // Flip a character in the middle of the signed data (JWT payload, session payload, session id).
    const { cookie, jar } = cookieAndJar(f);
    const tampered = { ...cookie, value: tamper(cookie.value, Math.floor(cookie.value.length / 3)) };
    const r = await verifyCookie(
      tampered,
      jar.map((c) => (c === cookie ? tampered : c)),
      rightInputs(f),
    );
    expect(r.status).not.toBe('valid');
  });

  it('says which of several cookie-session keys matched', async () => {
    const f = allFixtures().find((x) => x.id === 'cookie-session-two-keys')!;
    const { cookie, jar } = cookieAndJar(f);
    const r = await verifyCookie(cookie, jar, ['wrong', 'also wrong', f.keys![0]!]);
    expect(r).toMatchObject({ status: 'valid', matchedIndex: 2 });
    expect(r.message).toContain('#3');
  });

  it('verifying the .sig cookie checks the cookie it signs', async () => {
    const f = fixture('cookie-session-two-keys');
    const { jar } = cookieAndJar(f);
    const sig = jar.find((c) => c.name === 'session.sig')!;
    expect(await verifyCookie(sig, jar, f.keys!)).toMatchObject({ status: 'valid', format: 'cookie-session' });
    expect((await verifyCookie(sig, jar, 'wrong')).status).toBe('invalid');
  });

  it('verifies an expired JWT: only the signature is checked', async () => {
    const f = allFixtures().find((x) => x.id === 'jsonwebtoken-HS256-expired')!;
    const { cookie, jar } = cookieAndJar(f);
    expect((await verifyCookie(cookie, jar, f.secret!)).status).toBe('valid');
  });

  it('verifies JWTs with the public key as a JWK too', async () => {
    for (const f of allFixtures().filter((x) => x.format === 'jwt' && x.publicKey?.jwk)) {
      const { cookie, jar } = cookieAndJar(f);
      const r = await verifyCookie(cookie, jar, JSON.stringify(f.publicKey!.jwk));
      expect(r.status, f.id).toBe('valid');
    }
  });

  it('picks the key by kid from a JWK Set', async () => {
    const f = allFixtures().find((x) => x.id === 'jose-ES256')!;
    const other = allFixtures().find((x) => x.id === 'jsonwebtoken-ES256')!;
    const jwks = {
      keys: [
        { ...other.publicKey!.jwk, kid: 'k0' },
        { ...f.publicKey!.jwk, kid: 'k1' },
      ],
    };
    const { cookie, jar } = cookieAndJar(f);
    expect((await verifyCookie(cookie, jar, JSON.stringify(jwks))).status).toBe('valid');
  });

  it('cookie-session fails without its .sig cookie and with a wrong .sig', async () => {
    const f = allFixtures().find((x) => x.id === 'cookie-session-two-keys')!;
    const { cookie, jar } = cookieAndJar(f);
    expect((await verifyCookie(cookie, [cookie], f.keys!)).status).toBe('unsupported');
    const badSig = jar.map((c) => (c.name === 'session.sig' ? { ...c, value: tamper(c.value, 3) } : c));
    expect((await verifyCookie(cookie, badSig, f.keys!)).status).toBe('invalid');
  });

  it('reports opaque ids and encrypted tokens as unsupported, with a reason', async () => {
    for (const f of allFixtures().filter(unsigned)) {
      const r = await verifyCookie(cookieOf(f.cookie.name, f.cookie.value), [], 'secret');
      expect(r.status, f.id).toBe('unsupported');
      expect(r.message.length).toBeGreaterThan(10);
    }
  });
});

describe('Laravel', () => {
  it('verifies the MAC with APP_KEY also when the value is not URL-encoded (no base64 padding)', async () => {
    const f = fixture('laravel-cbc');
    const decoded = decodeURIComponent(f.cookie.value);
    const r = await verifyCookie(cookieOf(f.cookie.name, decoded), [], f.secret!);
    expect(r).toMatchObject({ status: 'valid', format: 'laravel' });
  });
});
