import { hostOf } from '../cookie/site';
import type { AuditInput } from './audit-input';
import { auditToken, tokenRuleFindings } from './audit-token';
import { COOKIE_RULES, JAR_RULES, SIGNATURE_RULES, URL_RULES } from './catalogue';
import type { Finding, SiteAudit } from './finding';
import { gradeOf, scoreOf } from './grade';
import type { CookieContext } from './rule';
import { sortFindings } from './sort-findings';
import { toFinding } from './to-finding';

export type { AuditedCookie, AuditInput, FoundToken, TokenLocation } from './audit-input';

/** Every rule of the catalogue (docs/rules.md) on a site's cookies (and tokens found elsewhere on the page), then the grade. */
export function runAudit(input: AuditInput): SiteAudit {
  const ctx: CookieContext = {
    pageUrl: input.pageUrl,
    pageHost: hostOf(input.pageUrl),
    pageHttps: /^https:/i.test(input.pageUrl),
    nowMs: input.nowMs,
  };
  const findings: Finding[] = [];
  for (const c of input.cookies) {
    const about = { cookieKey: c.key };
    for (const rule of COOKIE_RULES) {
      const hit = rule.check(c, ctx);
      if (hit) findings.push(toFinding(rule, hit, about));
    }
    if (input.requestUrls !== undefined && input.requestUrls.length > 0) {
      for (const rule of URL_RULES) {
        const hit = rule.check(c, input.requestUrls);
        if (hit) findings.push(toFinding(rule, hit, about));
      }
    }
    const jwt = c.decoded.jwt;
    if (jwt) {
      const tokenCtx = { location: 'cookie' as const, httpOnly: c.cookie.httpOnly, nowMs: input.nowMs };
      findings.push(...tokenRuleFindings(jwt, tokenCtx, { ...about, location: 'cookie' }));
    }
    // Signature findings come from the cookie, JWT or framework-signed, so they are checked once here.
    for (const rule of SIGNATURE_RULES) {
      const hit = rule.check(c);
      if (hit) findings.push(toFinding(rule, hit, about));
    }
  }
  for (const rule of JAR_RULES) {
    for (const hit of rule.check(input.cookies, ctx)) findings.push(toFinding(rule, hit));
  }
  for (const t of input.tokens ?? []) {
    findings.push(
      ...auditToken(t.token, t.location, input.nowMs, {
        name: t.name,
        weakSecret: t.weakSecret,
        verification: t.verification,
      }),
    );
  }
  findings.push(...(input.behaviour ?? []));
  const sorted = sortFindings(findings);
  const score = scoreOf(sorted);
  return { findings: sorted, score, grade: gradeOf(score) };
}
