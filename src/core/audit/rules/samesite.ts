import { severityOf, type CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const sameSiteUnspecified: CookieRule = {
  ...ruleInfo('samesite-unspecified'),
  check: (c) => (c.cookie.sameSite === 'unspecified' ? { severity: 'low' } : null),
};

export const sameSiteNone: CookieRule = {
  ...ruleInfo('samesite-none'),
  check: (c) =>
    c.cookie.sameSite === 'no_restriction'
      ? c.sessionReason !== null
        ? { severity: severityOf(sameSiteNone, true), detail: 'session cookie' }
        : { severity: severityOf(sameSiteNone, false) }
      : null,
};

const ANTI_CSRF = /csrf|xsrf/i;

export const csrfWithoutSameSite: CookieRule = {
  ...ruleInfo('csrf-without-samesite'),
  check: (c) =>
    ANTI_CSRF.test(c.cookie.name) && (c.cookie.sameSite === 'unspecified' || c.cookie.sameSite === 'no_restriction')
      ? { severity: 'medium' }
      : null,
};
