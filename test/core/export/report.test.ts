import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../../src/core/analyze-site';
import { buildReport, reportFileName, serializeReport } from '../../../src/core/export/report';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { NOW } from '../../fakes/clock';
import { makeCookie } from '../../fakes/make-cookie';
import { makeJwt } from '../../fakes/make-jwt';

const PAGE = 'https://app.example.com/account?access_token=URLSECRET#frag';
const CLAIM_SECRET = 'hunter2-claim-value';
const jwt = makeJwt({ sub: 'user-1', password: CLAIM_SECRET, iat: NOW / 1000, exp: NOW / 1000 + 3600 });
const SESSION_VALUE = 'k9Qz3LmX7pV2rT8wYb4NcD6fGh1JsA0e';

async function analysis() {
  const sid = makeCookie({
    name: 'sid',
    value: SESSION_VALUE,
    domain: '.example.com',
    hostOnly: false,
    browserSession: false,
    expirationDate: NOW / 1000 + 86400,
    partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false },
  });
  const token = makeCookie({ name: 'token', value: jwt, httpOnly: false });
  return analyzeSite(PAGE, [sid, token], NOW, {
    checkWeakSecret: () => ({ secret: 'keyboard cat' }),
    verifications: new Map([[cookieKey(token), { verified: true, method: 'HS256 with the secret you entered' }]]),
  });
}

const opts = { generatedAtMs: NOW, version: '0.1.0' };

describe('buildReport', () => {
  it('follows schema 2', async () => {
    const a = await analysis();
    const r = buildReport(a, opts);
    expect(r).toMatchObject({
      schema: 2,
      generator: { name: 'SessionScope', version: '0.1.0' },
      pageUrl: 'https://app.example.com/account',
      host: 'app.example.com',
      generatedAt: '2026-01-01T00:00:00.000Z',
      grade: a.audit.grade,
      score: a.audit.score,
      valuesIncluded: false,
    });
    const sid = r.cookies.find((c) => c.identity.name === 'sid')!;
    expect(sid).toMatchObject({
      identity: {
        name: 'sid',
        domain: '.example.com',
        path: '/',
        storeId: '0',
        partitionKey: { topLevelSite: 'https://example.com', hasCrossSiteAncestor: false },
      },
      flags: { hostOnly: false, secure: true, httpOnly: true, sameSite: 'lax', partitioned: true },
      expiry: { browserSession: false, expires: '2026-01-02T00:00:00.000Z', expired: false },
      size: 3 + SESSION_VALUE.length,
      sessionReason: { kind: 'name', reason: 'known session name sid' },
      decoded: null,
    });
    expect(sid.findings).toContainEqual({ ruleId: 'domain-too-broad', severity: 'medium' });
    const token = r.cookies.find((c) => c.identity.name === 'token')!;
    expect(token.decoded).toEqual({
      format: 'jwt',
      label: 'JSON Web Token',
      issuedAt: null,
      token: {
        kind: 'jws',
        alg: 'HS256',
        typ: 'JWT',
        enc: null,
        unsigned: false,
        claims: ['sub', 'password', 'iat', 'exp'],
        times: { exp: '2026-01-01T01:00:00.000Z', iat: '2026-01-01T00:00:00.000Z', nbf: null },
      },
    });
    expect(token.findings[0]).toEqual({ ruleId: 'weak-secret', severity: 'critical' });
  });

  it('summarises a JWE by its header alone: its claims and times are encrypted', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', typ: 'JWT' })).toString('base64url');
    const jwe = makeCookie({ name: 'enc', value: `${header}..aXY.Y2lwaGVy.dGFn`, httpOnly: false });
    const r = buildReport(await analyzeSite(PAGE, [jwe], NOW), opts);
    expect(r.cookies[0]!.decoded?.token).toEqual({
      kind: 'jwe',
      alg: 'dir',
      typ: 'JWT',
      enc: 'A256GCM',
      unsigned: false,
      claims: [],
      times: { exp: null, iat: null, nbf: null },
    });
  });

  it('summarises the findings consistently with the audit', async () => {
    const a = await analysis();
    const r = buildReport(a, opts);
    const all = r.cookies.flatMap((c) => c.findings).concat(r.siteFindings);
    expect(r.summary.total).toBe(a.audit.findings.length);
    expect(all).toHaveLength(r.summary.total);
    expect(Object.values(r.summary.bySeverity).reduce((x, y) => x + y, 0)).toBe(r.summary.total);
    expect(r.summary.serious).toBe(r.summary.bySeverity.critical + r.summary.bySeverity.high);
    expect(r.summary.worst).toBe('critical');
    expect(r.summary.byRule.reduce((n, x) => n + x.count, 0)).toBe(r.summary.total);
    expect(r.summary.byRule[0]).toEqual({ ruleId: 'weak-secret', severity: 'critical', count: 1 });
  });

  it('redacts values by default and includes them only when asked', async () => {
    const a = await analysis();
    const redacted = buildReport(a, opts).cookies.find((c) => c.identity.name === 'sid')!;
    expect(redacted).toMatchObject({ value: null, valueRedacted: true, valueLength: SESSION_VALUE.length });
    const shown = buildReport(a, { ...opts, includeValues: true });
    expect(shown.valuesIncluded).toBe(true);
    expect(shown.cookies.find((c) => c.identity.name === 'sid')).toMatchObject({
      value: SESSION_VALUE,
      valueRedacted: false,
      valueLength: SESSION_VALUE.length,
    });
  });

  it('never lets a secret into the redacted report: values, claim values, dictionary secret, URL query', async () => {
    const json = serializeReport(buildReport(await analysis(), opts));
    for (const secret of [SESSION_VALUE, jwt, jwt.split('.')[1]!, CLAIM_SECRET, 'keyboard cat', 'URLSECRET', 'frag']) {
      expect(json).not.toContain(secret);
    }
    // The finding that carried the dictionary secret is still there, by id.
    expect(json).toContain('"weak-secret"');
  });

  it('keeps the dictionary secret and claim values out even when values are included', async () => {
    const json = serializeReport(buildReport(await analysis(), { ...opts, includeValues: true }));
    expect(json).not.toContain('keyboard cat');
    expect(json).not.toContain('the secret you entered');
    expect(json).toContain(SESSION_VALUE);
  });

  it('serialises to parseable JSON ending in a newline', async () => {
    const text = serializeReport(buildReport(await analysis(), opts));
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text).schema).toBe(2);
  });
});

describe('reportFileName', () => {
  it.each([
    [
      'https://app.example.com/x?y',
      Date.UTC(2026, 2, 5, 23, 59),
      'sessionscope-report-app.example.com-2026-03-05.json',
    ],
    ['http://[::1]:8080/', Date.UTC(2026, 11, 31), 'sessionscope-report-__1-2026-12-31.json'],
    ['not a url', Date.UTC(2026, 0, 1), 'sessionscope-report-unknown-2026-01-01.json'],
  ])('%s → %s', (url, ms, name) => {
    expect(reportFileName(url, ms)).toBe(name);
  });
});
