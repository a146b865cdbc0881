import { describe, expect, it } from 'vitest';
import { toSignatureVerification } from '../../../src/core/verify/to-signature-verification';
import { verifyCookie } from '../../../src/core/verify/verify-cookie';
import { cookieAndJar, fixture } from '../../fixtures/fixtures';

describe('toSignatureVerification', () => {
  const f = fixture('flask-plain');
  const { cookie, jar } = cookieAndJar(f);

  it('maps valid and invalid, and never carries the secret', async () => {
    const ok = toSignatureVerification(await verifyCookie(cookie, jar, f.secret!));
    expect(ok).toMatchObject({ verified: true });
    expect(ok!.method).not.toContain(f.secret!);
    const bad = toSignatureVerification(await verifyCookie(cookie, jar, 'hunter2-not-it'));
    expect(bad).toMatchObject({ verified: false });
    expect(bad!.method).not.toContain('hunter2-not-it');
  });

  it('gives nothing when the value could not be checked', async () => {
    const php = fixture('php-session');
    expect(toSignatureVerification(await verifyCookie(cookieAndJar(php).cookie, [], 'x'))).toBeUndefined();
  });
});
