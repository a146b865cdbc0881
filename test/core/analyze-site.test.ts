import { describe, expect, it } from 'vitest';
import { analyzeSite, seriousCount, worstSeverity } from '../../src/core/analyze-site';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import { NOW } from '../fakes/clock';
import { makeCookie } from '../fakes/make-cookie';
import { makeJwt } from '../fakes/make-jwt';

const PAGE = 'https://app.example.com/';
const jwt = makeJwt({ sub: '1', iat: NOW / 1000, exp: NOW / 1000 + 600 });

describe('analyzeSite', () => {
  it('wires decode → detect → audit and hands each cookie its own findings', async () => {
    const token = makeCookie({ name: 'profile', value: jwt, httpOnly: false });
    const theme = makeCookie({ name: 'theme', value: 'dark', sameSite: 'unspecified' });
    const a = await analyzeSite(PAGE, [theme, token], NOW);

    expect(a.cookies.map((c) => c.cookie.name)).toEqual(['profile', 'theme']);
    const [profile, plain] = a.cookies;
    expect(profile!.sessionReason).toEqual({ kind: 'token', detail: 'value is a JSON Web Token' });
    expect(profile!.decoded.format).toBe('jwt');
    expect(profile!.findings.map((f) => f.ruleId)).toEqual([
      'session-httponly-missing',
      'jwt-js-readable',
      'host-prefix-recommended',
    ]);
    expect(plain!.findings.map((f) => f.ruleId)).toEqual(['samesite-unspecified']);
    expect(a.audit.score).toBe(100 - 25 - 10 - 3);
    expect(a.audit.grade).toBe('C');
    expect(a.siteFindings).toEqual([]);
  });

  it('gives the badge count and the worst severity', async () => {
    const a = await analyzeSite(PAGE, [makeCookie({ name: 'sid', value: 'abc', secure: false, httpOnly: false })], NOW);
    // session-httponly-missing, session-secure-missing, session-id-low-entropy
    expect(seriousCount(a.audit.findings)).toBe(3);
    expect(worstSeverity(a.audit.findings)).toBe('high');
    const clean = await analyzeSite(PAGE, [makeCookie({ name: 'theme' })], NOW);
    expect(seriousCount(clean.audit.findings)).toBe(0);
    expect(worstSeverity(clean.audit.findings)).toBeNull();
  });

  it('asks the weak-secret check only about HMAC-signed values, and reports what it finds', async () => {
    const asked: string[] = [];
    const a = await analyzeSite(PAGE, [makeCookie({ name: 'token', value: jwt }), makeCookie({ name: 'theme' })], NOW, {
      checkWeakSecret: (c) => {
        asked.push(c.name);
        return { secret: 'your-256-bit-secret' };
      },
    });
    expect(asked).toEqual(['token']);
    expect(a.audit.findings[0]).toMatchObject({ ruleId: 'weak-secret', severity: 'critical' });
    expect(a.audit.grade).toBe('C');
  });

  it('survives a weak-secret check that throws', async () => {
    const a = await analyzeSite(PAGE, [makeCookie({ name: 'token', value: jwt })], NOW, {
      checkWeakSecret: () => {
        throw new Error('broken');
      },
    });
    expect(a.audit.findings.some((f) => f.ruleId === 'weak-secret')).toBe(false);
  });

  it('reports user verification results by cookie key, and tokens found outside cookies as site findings', async () => {
    const c = makeCookie({ name: 'token', value: jwt });
    const a = await analyzeSite(PAGE, [c], NOW, {
      verifications: new Map([[cookieKey(c), { verified: false }]]),
      tokens: [{ location: 'localStorage', name: 'access_token', token: jwt }],
    });
    expect(a.cookies[0]!.findings.map((f) => f.ruleId)).toContain('signature-invalid');
    expect(a.siteFindings).toEqual([
      expect.objectContaining({ ruleId: 'jwt-js-readable', location: 'localStorage', tokenName: 'access_token' }),
    ]);
    expect(a.audit.findings).toContainEqual(expect.objectContaining({ tokenName: 'access_token' }));
  });
});
