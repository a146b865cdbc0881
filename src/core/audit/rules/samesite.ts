import { severityOf, type CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const sameSiteUnspecified: CookieRule = {
  id: 'samesite-unspecified',
  severities: ['low'],
  explanation:
    'No SameSite attribute was set, so cross-site behaviour depends on the browser default (Lax in Chromium, None in Firefox and Safari).',
  fix: 'Set SameSite=Lax or SameSite=Strict explicitly.',
  source: 'ZAP 10054-1',
  sourceUrl: SOURCE_URL.zap10054_1,
  check: (c) => (c.cookie.sameSite === 'unspecified' ? { severity: 'low' } : null),
};

export const sameSiteNone: CookieRule = {
  id: 'samesite-none',
  /** Worse on a session cookie. */
  severities: ['medium', 'info'],
  explanation:
    'SameSite=None sends this cookie with cross-site requests, which exposes it to cross-site request forgery.',
  fix: 'Use SameSite=Lax or Strict unless the cookie must be sent cross-site.',
  source: 'ZAP 10054-2',
  sourceUrl: SOURCE_URL.zap10054_2,
  check: (c) =>
    c.cookie.sameSite === 'no_restriction'
      ? c.sessionReason !== null
        ? { severity: severityOf(sameSiteNone, true), detail: 'session cookie' }
        : { severity: severityOf(sameSiteNone, false) }
      : null,
};

const ANTI_CSRF = /csrf|xsrf/i;

export const csrfWithoutSameSite: CookieRule = {
  id: 'csrf-without-samesite',
  severities: ['medium'],
  explanation:
    'This anti-CSRF token has no effective SameSite restriction, so it is sent with cross-site requests and protects less.',
  fix: 'Set SameSite=Strict or SameSite=Lax on the anti-CSRF cookie.',
  source: 'Observatory cookies-anticsrf-without-samesite-flag',
  sourceUrl: SOURCE_URL.observatory,
  check: (c) =>
    ANTI_CSRF.test(c.cookie.name) && (c.cookie.sameSite === 'unspecified' || c.cookie.sameSite === 'no_restriction')
      ? { severity: 'medium' }
      : null,
};
