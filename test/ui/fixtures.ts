import type { CookieView, SiteAnalysis } from '../../src/core/analyze-site';
import type { Finding, SiteAudit } from '../../src/core/audit/finding';
import { sortFindings } from '../../src/core/audit/sort-findings';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { describeExpiry } from '../../src/core/cookie/expiry';
import { cookieSize } from '../../src/core/cookie/size';
import { opaque, type DecodedValue } from '../../src/core/decode/decoded-value';
import type { SessionReason } from '../../src/core/detect/session';
import { NOW } from '../fakes/clock';
import { makeCookie } from '../fakes/make-cookie';

// The one clock of the unit tests, handed on beside the builders that use it.
export { DAY, NOW } from '../fakes/clock';

export function record(over: Partial<CookieRecord> = {}): CookieRecord {
  return makeCookie({ value: 'dark', httpOnly: false, ...over });
}

export interface ViewExtras {
  sessionReason?: SessionReason | null;
  decoded?: DecodedValue;
  findings?: Array<Omit<Finding, 'cookieKey'>>;
}

export function view(c: CookieRecord, extras: ViewExtras = {}): CookieView {
  const key = cookieKey(c);
  return {
    key,
    cookie: c,
    size: cookieSize(c),
    expiry: describeExpiry(c, NOW),
    sessionReason: extras.sessionReason ?? null,
    decoded: extras.decoded ?? opaque(),
    // Worst first, as the audit hands them out: the UI shows findings in the order it gets them.
    findings: sortFindings((extras.findings ?? []).map((f) => ({ ...f, cookieKey: key }))),
  };
}

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'session-httponly-missing',
    severity: 'high',
    explanation: 'The session cookie is readable by page scripts.',
    fix: 'Set HttpOnly on the session cookie.',
    source: 'OWASP Session Management Cheat Sheet',
    sourceUrl: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html',
    ...over,
  };
}

export function analysis(
  views: CookieView[],
  audit: Partial<SiteAudit> = {},
  pageUrl = 'https://app.example.com/',
): SiteAnalysis {
  const findings = sortFindings(audit.findings ?? views.flatMap((v) => v.findings));
  const siteFindings = findings.filter((f) => f.cookieKey === undefined);
  return { pageUrl, cookies: views, audit: { grade: 'A', score: 100, ...audit, findings }, siteFindings };
}

export const sid: SessionReason = { kind: 'name', detail: 'known session name sid' };

/**
 * Two cookies whose findings rank the other way round from the cookies: `sid`, the session, with a medium finding
 * `med`, then `x` with a critical one `crit`. Worst first, `crit` comes before `med`.
 */
export function sessionThenCritical(): [CookieView, CookieView] {
  return [
    view(record({ name: 'sid' }), { sessionReason: sid, findings: [finding({ ruleId: 'med', severity: 'medium' })] }),
    view(record({ name: 'x' }), { findings: [finding({ ruleId: 'crit', severity: 'critical' })] }),
  ];
}
