import { describe, expect, it } from 'vitest';
import { decodeCookieValue } from '../../../src/core/decode/decode-cookie';
import { verifyCookie } from '../../../src/core/verify/verify-cookie';
import { cookieOf } from '../../fixtures/fixtures';

// RFC 7515 A.1 / RFC 7519 §3.1: the header and claims JSON contain CRLFs, exactly as the RFC prints them.
const PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const A1 = `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${PAYLOAD}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`;
const A1_JWK = JSON.stringify({
  kty: 'oct',
  k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
});
// RFC 7515 A.5 / RFC 7519 §6.1: unsecured, empty signature.
const A5 = `eyJhbGciOiJub25lIn0.${PAYLOAD}.`;
// RFC 7516 A.1: RSA-OAEP + A256GCM.
const JWE_A1 =
  'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.' +
  'OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.' +
  '48V1_ALb6US04U3b.' +
  '5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.' +
  'XFBoMYUZodetZdvTiFvSkQ';

const CLAIMS = { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true };

/** Decodes the RFC's JWT `value` as a cookie: a JWT with the RFC's claims, HMAC-signed or not. */
async function decodesToClaims(value: string, hmacSigned: boolean) {
  const d = await decodeCookieValue(cookieOf('token', value));
  expect(d.format).toBe('jwt');
  expect(d.data).toEqual(CLAIMS);
  expect(d.hmacSigned).toBe(hmacSigned);
  return d;
}

describe('RFC test vectors', () => {
  it('RFC 7515 A.1 decodes to its header and claims', async () => {
    const d = await decodesToClaims(A1, true);
    expect(d.jwt).toMatchObject({ kind: 'jws', header: { typ: 'JWT', alg: 'HS256' } });
    expect(d.jwt?.kind === 'jws' && d.jwt.times.exp?.iso).toBe('2011-03-22T18:43:00.000Z');
  });

  it('RFC 7515 A.1 verifies with its JWK (though long expired) and not with another key', async () => {
    const ok = await verifyCookie(cookieOf('token', A1), [], A1_JWK);
    expect(ok).toMatchObject({ status: 'valid', matchedIndex: 0 });
    const other = JSON.stringify({
      kty: 'oct',
      k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAoA',
    });
    expect((await verifyCookie(cookieOf('token', A1), [], other)).status).toBe('invalid');
  });

  it('RFC 7515 A.5 is unsigned: readable, not HMAC-signed, never verifies', async () => {
    const d = await decodesToClaims(A5, false);
    expect(d.jwt?.kind === 'jws' && d.jwt.unsigned).toBe(true);
    expect(d.notes.join(' ')).toMatch(/alg none/);
    const r = await verifyCookie(cookieOf('token', A5), [], 'anything');
    expect(r.status).toBe('invalid');
    expect(r.message).toMatch(/unsigned/);
  });

  it('RFC 7516 A.1 shows the JWE header only', async () => {
    const d = await decodeCookieValue(cookieOf('token', JWE_A1));
    expect(d.format).toBe('jwe');
    expect(d.jwt).toEqual({
      kind: 'jwe',
      header: { alg: 'RSA-OAEP', enc: 'A256GCM' },
      alg: 'RSA-OAEP',
      enc: 'A256GCM',
    });
    expect(d.clientReadable).toBe(false);
    expect(d.data).toBeUndefined();
  });
});
