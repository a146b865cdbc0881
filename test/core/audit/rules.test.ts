import { describe, expect, it } from 'vitest';
import type { AuditedCookie } from '../../../src/core/audit/audit-input';
import { COOKIE_RULES, JAR_RULES, SIGNATURE_RULES, TOKEN_RULES, URL_RULES } from '../../../src/core/audit/catalogue';
import type { Severity } from '../../../src/core/audit/finding';
import { runAudit } from '../../../src/core/audit/run-audit';
import { audited } from './audited';
import { expectTriggerAndNearMiss } from './expect-rule-cases';
import { DAY, NOW } from '../../fakes/clock';
import { flaskDecoded } from '../../fakes/make-decoded';
import { HS256_HEADER as hs, makeJwt, unsecuredJwt } from '../../fakes/make-jwt';

interface Case {
  rule: string;
  why: string;
  cookies: AuditedCookie[];
  page?: string;
  /** Request URLs of the page (network view). */
  urls?: string[];
  /** The severity of the one finding of `rule`, or `null` when the rule must stay silent. */
  expect: Severity | null;
}

const HTTPS = 'https://app.example.com/';
const HTTP = 'http://app.example.com/';
const RANDOM = 'k9Qz3LmX7pV2rT8wYb4NcD6fGh1JsA0e'; // 32 base62 characters
const inDays = (d: number) => ({ browserSession: false, expirationDate: (NOW + d * DAY) / 1000 });
const session = { name: 'sid', value: RANDOM };
const flask = flaskDecoded({
  data: { user_id: 7, email: 'a@example.com' },
});
const many = (n: number, domain = 'example.com') =>
  Array.from({ length: n }, (_, i) => audited({ name: `c${i}`, domain, hostOnly: true }));
const iat = NOW / 1000;

const CASES: Case[] = [
  {
    rule: 'session-httponly-missing',
    why: 'session without HttpOnly',
    cookies: [audited({ ...session, httpOnly: false })],
    expect: 'high',
  },
  { rule: 'session-httponly-missing', why: 'session with HttpOnly', cookies: [audited(session)], expect: null },
  {
    rule: 'session-httponly-missing',
    why: 'non-session without HttpOnly',
    cookies: [audited({ name: 'theme', httpOnly: false })],
    expect: null,
  },
  {
    rule: 'httponly-missing',
    why: 'non-session without HttpOnly',
    cookies: [audited({ name: 'theme', httpOnly: false })],
    expect: 'info',
  },
  {
    rule: 'httponly-missing',
    why: 'session without HttpOnly (the stricter rule applies)',
    cookies: [audited({ ...session, httpOnly: false })],
    expect: null,
  },
  {
    rule: 'session-secure-missing',
    why: 'session without Secure over http',
    page: HTTP,
    cookies: [audited({ ...session, secure: false })],
    expect: 'high',
  },
  {
    rule: 'session-secure-missing',
    why: 'session without Secure over https',
    cookies: [audited({ ...session, secure: false })],
    expect: 'high',
  },
  { rule: 'session-secure-missing', why: 'session with Secure', cookies: [audited(session)], expect: null },
  {
    rule: 'session-secure-missing',
    why: 'non-session without Secure',
    cookies: [audited({ name: 'theme', secure: false })],
    expect: null,
  },
  {
    rule: 'secure-missing',
    why: 'non-session without Secure over https',
    cookies: [audited({ name: 'theme', secure: false })],
    expect: 'low',
  },
  {
    rule: 'secure-missing',
    why: 'non-session without Secure over http',
    page: HTTP,
    cookies: [audited({ name: 'theme', secure: false })],
    expect: null,
  },
  {
    rule: 'secure-missing',
    why: 'session without Secure (the stricter rule applies)',
    cookies: [audited({ ...session, secure: false })],
    expect: null,
  },
  {
    rule: 'samesite-unspecified',
    why: 'no SameSite attribute',
    cookies: [audited({ sameSite: 'unspecified' })],
    expect: 'low',
  },
  { rule: 'samesite-unspecified', why: 'SameSite=Strict', cookies: [audited({ sameSite: 'strict' })], expect: null },
  {
    rule: 'samesite-none',
    why: 'session with SameSite=None',
    cookies: [audited({ ...session, sameSite: 'no_restriction' })],
    expect: 'medium',
  },
  {
    rule: 'samesite-none',
    why: 'non-session with SameSite=None',
    cookies: [audited({ sameSite: 'no_restriction' })],
    expect: 'info',
  },
  { rule: 'samesite-none', why: 'SameSite=Lax', cookies: [audited({ ...session, sameSite: 'lax' })], expect: null },
  {
    rule: 'csrf-without-samesite',
    why: 'csrftoken without SameSite',
    cookies: [audited({ name: 'csrftoken', sameSite: 'unspecified' })],
    expect: 'medium',
  },
  {
    rule: 'csrf-without-samesite',
    why: 'XSRF-TOKEN with SameSite=None',
    cookies: [audited({ name: 'XSRF-TOKEN', sameSite: 'no_restriction' })],
    expect: 'medium',
  },
  {
    rule: 'csrf-without-samesite',
    why: 'csrftoken with SameSite=Lax',
    cookies: [audited({ name: 'csrftoken', sameSite: 'lax' })],
    expect: null,
  },
  {
    rule: 'csrf-without-samesite',
    why: 'another name without SameSite',
    cookies: [audited({ name: 'theme', sameSite: 'unspecified' })],
    expect: null,
  },
  {
    rule: 'domain-too-broad',
    why: 'session on .example.com seen from app.example.com',
    cookies: [audited({ ...session, domain: '.example.com', hostOnly: false })],
    expect: 'medium',
  },
  {
    rule: 'domain-too-broad',
    why: 'non-session on .example.com',
    cookies: [audited({ domain: '.example.com', hostOnly: false })],
    expect: 'info',
  },
  {
    rule: 'domain-too-broad',
    why: 'host-only app.example.com',
    cookies: [audited({ ...session, domain: 'app.example.com', hostOnly: true })],
    expect: null,
  },
  {
    rule: 'domain-too-broad',
    why: 'Domain equal to the page host',
    cookies: [audited({ ...session, domain: '.app.example.com', hostOnly: false })],
    expect: null,
  },
  {
    rule: 'domain-too-broad',
    why: '.example.co.uk from a.example.co.uk',
    page: 'https://a.example.co.uk/',
    cookies: [audited({ ...session, domain: '.example.co.uk', hostOnly: false })],
    expect: 'medium',
  },
  {
    rule: 'domain-too-broad',
    why: '.example.com seen from evil-example.com (no domain-match)',
    page: 'https://evil-example.com/',
    cookies: [audited({ ...session, domain: '.example.com', hostOnly: false })],
    expect: null,
  },
  { rule: 'host-prefix-recommended', why: 'session without __Host-', cookies: [audited(session)], expect: 'info' },
  {
    rule: 'host-prefix-recommended',
    why: '__Host-sid',
    cookies: [audited({ ...session, name: '__Host-sid' })],
    expect: null,
  },
  { rule: 'host-prefix-recommended', why: 'non-session', cookies: [audited({ name: 'theme' })], expect: null },
  {
    rule: 'session-persistent',
    why: 'session living 90 more days',
    cookies: [audited({ ...session, ...inDays(90) })],
    expect: 'low',
  },
  {
    rule: 'session-persistent',
    why: 'session living 7 more days',
    cookies: [audited({ ...session, ...inDays(7) })],
    expect: 'info',
  },
  { rule: 'session-persistent', why: 'session cookie without expiry', cookies: [audited(session)], expect: null },
  {
    rule: 'session-persistent',
    why: 'non-session with expiry',
    cookies: [audited({ name: 'theme', ...inDays(90) })],
    expect: null,
  },
  { rule: 'expiry-over-400-days', why: 'expiry in 401 days', cookies: [audited(inDays(401))], expect: 'low' },
  { rule: 'expiry-over-400-days', why: 'expiry in 399 days', cookies: [audited(inDays(399))], expect: null },
  {
    rule: 'size-near-limit',
    why: '3,073 bytes',
    cookies: [audited({ name: 'big', value: 'x'.repeat(3070) })],
    expect: 'info',
  },
  {
    rule: 'size-near-limit',
    why: '3,072 bytes',
    cookies: [audited({ name: 'big', value: 'x'.repeat(3069) })],
    expect: null,
  },
  { rule: 'too-many-cookies', why: '51 cookies on example.com', cookies: many(51), expect: 'info' },
  { rule: 'too-many-cookies', why: '181 cookies on example.com', cookies: many(181), expect: 'low' },
  { rule: 'too-many-cookies', why: '50 cookies on example.com', cookies: many(50), expect: null },
  {
    rule: 'too-many-cookies',
    why: '30 + 30 cookies on two sites',
    cookies: [...many(30), ...many(30, 'other.org')],
    expect: null,
  },
  {
    rule: 'cookie-shadowed',
    why: 'sid host-only and sid on the parent domain',
    cookies: [audited(session), audited({ ...session, domain: '.example.com', hostOnly: false })],
    expect: 'medium',
  },
  {
    rule: 'cookie-shadowed',
    why: 'theme on / and on /app, page under /app',
    page: 'https://app.example.com/app/home',
    cookies: [audited({ name: 'theme' }), audited({ name: 'theme', path: '/app' })],
    expect: 'low',
  },
  {
    rule: 'cookie-shadowed',
    why: 'a second sid under a path the page is not under',
    cookies: [audited(session), audited({ ...session, path: '/admin' })],
    expect: null,
  },
  {
    rule: 'cookie-shadowed',
    why: 'sid in two cookie stores (containers)',
    cookies: [audited(session), audited({ ...session, storeId: 'firefox-container-1' })],
    expect: null,
  },
  {
    rule: 'cookie-shadowed',
    why: 'a second sid partitioned under another top-level site',
    cookies: [audited(session), audited({ ...session, partitionKey: { topLevelSite: 'https://other.test' } })],
    expect: null,
  },
  {
    rule: 'framework-session-name',
    why: 'PHPSESSID',
    cookies: [audited({ name: 'PHPSESSID', value: RANDOM })],
    expect: 'info',
  },
  {
    rule: 'framework-session-name',
    why: 'a renamed session cookie',
    cookies: [audited({ name: '__Host-s', value: RANDOM })],
    expect: null,
  },
  {
    rule: 'session-id-low-entropy',
    why: 'session id of 8 hex digits',
    cookies: [audited({ name: 'sid', value: 'deadbeef' })],
    expect: 'high',
  },
  {
    rule: 'session-id-low-entropy',
    why: 'session id of 32 base62 characters',
    cookies: [audited(session)],
    expect: null,
  },
  {
    rule: 'session-id-low-entropy',
    why: 'a logged-out placeholder',
    cookies: [audited({ name: 'sid', value: 'deleted' })],
    expect: null,
  },
  {
    rule: 'session-id-low-entropy',
    why: 'a readable client-side session',
    cookies: [audited({ name: 'session', value: 'short' }, { decoded: flask })],
    expect: null,
  },
  {
    rule: 'session-id-low-entropy',
    why: 'a short value in a non-session cookie',
    cookies: [audited({ name: 'theme', value: 'dark' })],
    expect: null,
  },
  {
    rule: 'session-id-low-entropy',
    why: 'an id-shaped value under a name containing "auth"',
    cookies: [audited({ name: 'auth_id', value: '12345678' })],
    expect: 'high',
  },
  {
    rule: 'session-id-low-entropy',
    why: 'a path under a name containing "auth"',
    cookies: [audited({ name: 'auth_redirect', value: '%2Fhome' })],
    expect: null,
  },
  {
    rule: 'session-id-low-entropy',
    why: 'a count under a name containing "sess"',
    cookies: [audited({ name: 'session_count', value: '3' })],
    expect: null,
  },
  {
    rule: 'client-session-readable',
    why: 'a Flask session',
    cookies: [audited({ name: 'session' }, { decoded: flask })],
    expect: 'info',
  },
  {
    rule: 'client-session-readable',
    why: 'a JWT (token rules cover it)',
    cookies: [audited({ name: 'token', value: makeJwt({ exp: iat + 60 }) })],
    expect: null,
  },
  {
    rule: 'client-session-sensitive',
    why: 'an email in a Flask session',
    cookies: [audited({ name: 'session' }, { decoded: flask })],
    expect: 'medium',
  },
  {
    rule: 'client-session-sensitive',
    why: 'an email claim in a cookie JWT',
    cookies: [audited({ name: 't', value: makeJwt({ exp: iat + 60, email: 'a@example.com' }) })],
    expect: 'medium',
  },
  {
    rule: 'client-session-sensitive',
    why: 'a Flask session with an id only',
    cookies: [audited({ name: 'session' }, { decoded: { ...flask, data: { user_id: 7 } } })],
    expect: null,
  },
  {
    rule: 'jwt-alg-none',
    why: 'cookie JWT with alg none',
    cookies: [audited({ name: 't', value: unsecuredJwt({ exp: iat + 60 }) })],
    expect: 'critical',
  },
  {
    rule: 'jwt-alg-none',
    why: 'cookie JWT signed with HS256',
    cookies: [audited({ name: 't', value: makeJwt({ exp: iat + 60 }) })],
    expect: null,
  },
  {
    rule: 'jwt-js-readable',
    why: 'JWT in a cookie without HttpOnly',
    cookies: [audited({ name: 't', httpOnly: false, value: makeJwt({ exp: iat + 60 }) })],
    expect: 'medium',
  },
  {
    rule: 'jwt-js-readable',
    why: 'JWT in an HttpOnly cookie',
    cookies: [audited({ name: 't', value: makeJwt({ exp: iat + 60 }) })],
    expect: null,
  },
  {
    rule: 'jwt-no-exp',
    why: 'cookie JWT without exp',
    cookies: [audited({ name: 't', value: makeJwt({ sub: '1' }) })],
    expect: 'medium',
  },
  {
    rule: 'jwt-no-exp',
    why: 'cookie JWT with exp',
    cookies: [audited({ name: 't', value: makeJwt({ sub: '1', exp: iat + 60 }) })],
    expect: null,
  },
  {
    rule: 'jwt-kid-suspicious',
    why: 'kid with path traversal',
    cookies: [audited({ name: 't', value: makeJwt({ exp: iat + 60 }, { header: { ...hs, kid: '../../dev/null' } }) })],
    expect: 'medium',
  },
  {
    rule: 'jwt-kid-suspicious',
    why: 'kid with SQL',
    cookies: [
      audited({ name: 't', value: makeJwt({ exp: iat + 60 }, { header: { ...hs, kid: "x' UNION SELECT 'k" } }) }),
    ],
    expect: 'medium',
  },
  {
    rule: 'jwt-kid-suspicious',
    why: 'kid with a shell pipe',
    cookies: [audited({ name: 't', value: makeJwt({ exp: iat + 60 }, { header: { ...hs, kid: 'key|whoami' } }) })],
    expect: 'medium',
  },
  {
    rule: 'jwt-kid-suspicious',
    why: 'an ordinary kid with dots, dashes and slashes',
    cookies: [audited({ name: 't', value: makeJwt({ exp: iat + 60 }, { header: { ...hs, kid: 'keys/2024-01.v2' } }) })],
    expect: null,
  },
  {
    rule: 'session-id-in-url',
    why: 'the session id in a query string',
    urls: [`https://app.example.com/page?x=1&sid=${RANDOM}`],
    cookies: [audited(session)],
    expect: 'high',
  },
  {
    rule: 'session-id-in-url',
    why: 'the session id in a path (;jsessionid=…)',
    urls: [`https://app.example.com/cart;jsessionid=${RANDOM}`],
    cookies: [audited(session)],
    expect: 'high',
  },
  {
    rule: 'session-id-in-url',
    why: 'a non-session value in a URL',
    urls: [`https://app.example.com/?theme=${RANDOM}`],
    cookies: [audited({ name: 'theme', value: RANDOM, httpOnly: false })],
    expect: null,
  },
  {
    rule: 'session-id-in-url',
    why: 'URLs without the session id',
    urls: ['https://app.example.com/page?x=1', 'not a url'],
    cookies: [audited(session)],
    expect: null,
  },
  {
    rule: 'weak-secret',
    why: 'cookie signed with a dictionary secret',
    cookies: [audited({ name: 't' }, { weakSecret: { secret: 'keyboard cat' } })],
    expect: 'critical',
  },
  { rule: 'weak-secret', why: 'no dictionary match', cookies: [audited({ name: 't' })], expect: null },
  {
    rule: 'signature-verified',
    why: 'user secret verifies',
    cookies: [audited({ name: 't' }, { verification: { verified: true } })],
    expect: 'info',
  },
  {
    rule: 'signature-verified',
    why: 'user secret does not verify',
    cookies: [audited({ name: 't' }, { verification: { verified: false } })],
    expect: null,
  },
  {
    rule: 'signature-invalid',
    why: 'user secret does not verify',
    cookies: [audited({ name: 't' }, { verification: { verified: false } })],
    expect: 'medium',
  },
  { rule: 'signature-invalid', why: 'no secret supplied', cookies: [audited({ name: 't' })], expect: null },
];

describe('every cookie rule: a cookie that triggers it and a near miss', () => {
  it.each(CASES)('$rule: $why → $expect', ({ rule, cookies, page, urls, expect: severity }) => {
    const audit = runAudit({ pageUrl: page ?? HTTPS, cookies, nowMs: NOW, requestUrls: urls ?? [] });
    const hits = audit.findings.filter((f) => f.ruleId === rule);
    if (severity === null) {
      expect(hits).toEqual([]);
    } else {
      expect(hits.map((f) => f.severity)).toEqual([severity]);
      expect(hits[0]!.explanation).toMatch(/\.$/);
      expect(hits[0]!.fix).toMatch(/\.$/);
      expect(hits[0]!.source.length).toBeGreaterThan(0);
    }
  });

  it('covers every rule of the catalogue with a trigger and a near miss', () => {
    const ids = new Set([...COOKIE_RULES, ...JAR_RULES, ...SIGNATURE_RULES, ...URL_RULES].map((r) => r.id));
    for (const r of TOKEN_RULES) ids.add(r.id);
    const tokenOnly = new Set(['jwt-expired', 'jwt-long-lived', 'jwt-header-key']); // tested in audit-token.test.ts
    expectTriggerAndNearMiss(
      CASES,
      [...ids].filter((id) => !tokenOnly.has(id)),
    );
  });
});

describe('rule details', () => {
  it('domain-too-broad names the site by the Public Suffix List', () => {
    const audit = runAudit({
      pageUrl: 'https://a.example.co.uk/',
      cookies: [audited({ ...session, domain: '.example.co.uk', hostOnly: false })],
      nowMs: NOW,
    });
    expect(audit.findings.find((f) => f.ruleId === 'domain-too-broad')?.detail).toBe(
      'sent to every subdomain of example.co.uk',
    );
  });

  it('too-many-cookies counts per registrable domain and attaches to no single cookie', () => {
    const audit = runAudit({ pageUrl: HTTPS, cookies: [...many(30), ...many(30, '.www.example.com')], nowMs: NOW });
    const f = audit.findings.find((x) => x.ruleId === 'too-many-cookies');
    expect(f?.detail).toBe('60 cookies on example.com');
    expect(f?.cookieKey).toBeUndefined();
  });

  it('cookie-shadowed names every scope and attaches to no single cookie', () => {
    const audit = runAudit({
      pageUrl: HTTPS,
      cookies: [audited(session), audited({ ...session, domain: '.example.com', hostOnly: false })],
      nowMs: NOW,
    });
    const f = audit.findings.find((x) => x.ruleId === 'cookie-shadowed');
    expect(f?.detail).toBe('sid on app.example.com (host-only) path /; .example.com path /');
    expect(f?.cookieKey).toBeUndefined();
  });

  it('session-id-in-url says where without repeating the value', () => {
    const audit = runAudit({
      pageUrl: HTTPS,
      cookies: [audited(session)],
      nowMs: NOW,
      requestUrls: [`https://api.example.com/v1/items?token=${encodeURIComponent(RANDOM)}`],
    });
    const f = audit.findings.find((x) => x.ruleId === 'session-id-in-url');
    expect(f?.detail).toBe('in the query of a request to https://api.example.com/v1/items');
    expect(f?.detail).not.toContain(RANDOM);
  });

  it('session-id-low-entropy reports the estimate', () => {
    const audit = runAudit({ pageUrl: HTTPS, cookies: [audited({ name: 'sid', value: 'deadbeef' })], nowMs: NOW });
    expect(audit.findings.find((f) => f.ruleId === 'session-id-low-entropy')?.detail).toBe(
      'about 32 bits (estimated from 8 characters)',
    );
  });

  it('attaches every cookie finding to its cookie key', () => {
    const c = audited({ ...session, secure: false, httpOnly: false });
    const audit = runAudit({ pageUrl: HTTPS, cookies: [c], nowMs: NOW });
    expect(audit.findings.length).toBeGreaterThan(2);
    for (const f of audit.findings) expect(f.cookieKey).toBe(c.key);
  });
});
