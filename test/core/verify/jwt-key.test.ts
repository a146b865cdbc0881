import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findWeakSecret } from '../../../src/core/verify/find-weak-secret';
import { verifyCookie } from '../../../src/core/verify/verify-cookie';
import { cookieAndJar, cookieOf, fixture } from '../../fixtures/fixtures';
import { makeJwt } from '../../fakes/make-jwt';

const rs = fixture('jsonwebtoken-RS256');
const { cookie, jar } = cookieAndJar(rs);

describe('the keys a user may paste for an RS256 token', () => {
  it('an X.509 certificate verifies', async () => {
    expect(await verifyCookie(cookie, jar, rs.publicKey!.certificate!)).toMatchObject({ status: 'valid' });
  });

  it('the PKCS#8 private key verifies (its public half is used)', async () => {
    expect(await verifyCookie(cookie, jar, rs.publicKey!.privatePkcs8!)).toMatchObject({ status: 'valid' });
  });

  it('a private JWK verifies', async () => {
    const { n, e } = rs.publicKey!.jwk as { n: string; e: string };
    const withPrivateNoise = { kty: 'RSA', n, e, d: 'AQAB' };
    expect(await verifyCookie(cookie, jar, JSON.stringify(withPrivateNoise))).toMatchObject({ status: 'valid' });
  });

  it('a PKCS#1 PEM is refused with what to paste instead', async () => {
    const r = await verifyCookie(cookie, jar, rs.publicKey!.pkcs1!);
    expect(r.status).toBe('unsupported');
    expect(r.message).toMatch(/RSA PUBLIC KEY.*SPKI/);
  });

  it('a text secret is refused: RS256 needs a public key', async () => {
    const r = await verifyCookie(cookie, jar, 'secret');
    expect(r.status).toBe('unsupported');
    expect(r.message).toMatch(/needs a public key/);
  });

  it('the right key after wrong ones reports its position', async () => {
    const other = fixture('jsonwebtoken-PS256').publicKey!.pem!;
    const r = await verifyCookie(cookie, jar, [other, 'garbage', rs.publicKey!.pem!]);
    expect(r).toMatchObject({ status: 'valid', matchedIndex: 2 });
  });

  it('HS256 with a JWK whose key is wrong is invalid', async () => {
    const c = cookieAndJar(fixture('jsonwebtoken-HS256'));
    expect((await verifyCookie(c.cookie, c.jar, JSON.stringify({ kty: 'oct', k: 'AAAA' }))).status).toBe('invalid');
  });

  it('a token signed with an empty secret verifies with it and is found by the weak-secret search', async () => {
    // Signed here with node:crypto: jose refuses a zero-length key.
    const token = makeJwt(
      { a: 1 },
      { header: { alg: 'HS256' }, signature: (input) => createHmac('sha256', '').update(input).digest('base64url') },
    );
    const c = cookieOf('token', token);
    expect((await verifyCookie(c, [], '')).status).toBe('valid');
    expect((await verifyCookie(c, [], 'x')).status).toBe('invalid');
    expect((await findWeakSecret(c, [])).secret).toBe('');
  });
});
