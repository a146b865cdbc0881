import type { RuleInfo } from './rule';
import { SOURCE_URL } from './sources';

/**
 * What every rule states about itself, by rule id, in one table: its severities (worst first), explanation, fix
 * and source. The rules' files hold their checks and take these with `ruleInfo(id)`; docs/rules.md lists them.
 */
const RULE_INFO = {
  'client-session-readable': {
    severities: ['info'],
    explanation:
      'The session data is stored in the cookie itself, signed but not encrypted, so anyone holding the cookie can read it.',
    fix: 'Keep secrets and personal data out of client-side sessions.',
    source: 'docs/formats.md, client-side sessions',
  },
  'client-session-sensitive': {
    severities: ['medium'],
    explanation:
      'Readable session data or token claims hold what looks like personal or secret data, visible to anyone who holds the cookie or token.',
    fix: 'Move that data server-side and keep only an id in the cookie or token.',
    source: 'OWASP JWT cheat sheet "Token Information Disclosure"',
    sourceUrl: SOURCE_URL.owaspJwt,
  },
  'cookie-shadowed': {
    /** Worse when one of the copies is a session cookie. */
    severities: ['medium', 'low'],
    explanation:
      'Cookies of the same name on different domain or path scopes all reach this page, so the server receives several values in an order it may not expect, and a sibling subdomain can plant the one that wins (cookie tossing).',
    fix: 'Keep one scope per cookie name: remove the stray copies and use the __Host- prefix so no other host can set the name.',
    source: 'RFC 6265bis §5.8.3 (Cookie header order); OWASP WSTG-SESS-02',
    sourceUrl: SOURCE_URL.owaspWstgSess02,
  },
  'domain-too-broad': {
    /** Worse on a session cookie: session cookies are the ones worth stealing or planting. */
    severities: ['medium', 'info'],
    explanation:
      'A Domain attribute scopes this cookie to a parent of the page host, so every sibling subdomain receives it, and any of them that is compromised or user-controlled can read or overwrite it.',
    fix: 'Omit the Domain attribute so the cookie stays host-only.',
    source: 'ZAP 90033; OWASP Session Management cheat sheet',
    sourceUrl: SOURCE_URL.zap90033,
  },
  'framework-session-name': {
    severities: ['info'],
    explanation: "The cookie keeps its framework's default name, which tells an attacker what the server runs.",
    fix: 'Rename the session cookie to something generic.',
    source: 'OWASP Session Management cheat sheet "Session ID Name Fingerprinting"',
    sourceUrl: SOURCE_URL.owaspSessionName,
  },
  'host-prefix-recommended': {
    severities: ['info'],
    explanation:
      'Without the __Host- prefix, a subdomain or a plain-HTTP page can set a cookie of the same name and fix the session.',
    fix: 'Rename the cookie to __Host-… and set it with Secure, Path=/ and no Domain.',
    source: 'OWASP Session Management cheat sheet; RFC 6265bis §4.1.3.2',
    sourceUrl: SOURCE_URL.owaspSession,
  },
  'session-httponly-missing': {
    severities: ['high'],
    explanation:
      'This session cookie is readable by page scripts, so any cross-site scripting flaw can steal the session.',
    fix: 'Set the HttpOnly attribute on the session cookie.',
    source: 'ZAP 10010; Observatory cookies-session-without-httponly-flag (−30)',
    sourceUrl: SOURCE_URL.zap10010,
  },
  'httponly-missing': {
    severities: ['info'],
    explanation:
      'Page scripts can read this cookie, including any script injected through a cross-site scripting flaw.',
    fix: 'Set HttpOnly unless page scripts must read this cookie.',
    source: 'ZAP 10010',
    sourceUrl: SOURCE_URL.zap10010,
  },
  'jwt-alg-none': {
    severities: ['critical'],
    explanation:
      'The token is unsigned (alg "none" or an empty signature); if the server accepts it, anyone can forge any identity.',
    fix: 'Reject unsigned tokens on the server and always sign with an algorithm from an allow-list.',
    source: 'RFC 7519 §6; OWASP JWT cheat sheet',
    sourceUrl: SOURCE_URL.rfc7519Unsecured,
  },
  'jwt-no-exp': {
    severities: ['medium'],
    explanation: 'The token has no exp claim, so a stolen copy stays valid for as long as the key is unchanged.',
    fix: 'Give every token an expiry (exp claim).',
    source: 'OWASP JWT cheat sheet',
    sourceUrl: SOURCE_URL.owaspJwt,
  },
  'jwt-expired': {
    severities: ['low'],
    explanation: 'The token has expired but is still kept, which suggests stale tokens are not cleaned up.',
    fix: 'Clear tokens from storage when they expire.',
    source: 'RFC 7519 §4.1.4',
    sourceUrl: SOURCE_URL.rfc7519Exp,
  },
  'jwt-long-lived': {
    severities: ['low'],
    explanation: 'The token is valid for more than 24 hours, so a stolen copy stays useful for long.',
    fix: 'Issue short-lived access tokens and renew them with a refresh token.',
    source: 'OWASP JWT cheat sheet',
    sourceUrl: SOURCE_URL.owaspJwt,
  },
  'jwt-header-key': {
    severities: ['medium'],
    explanation:
      'The token header names its own key material; a server that trusts it lets an attacker sign tokens with a key of their choosing.',
    fix: 'Verify tokens only with keys the server already holds and ignore key material named by the token.',
    source: 'OWASP JWT cheat sheet',
    sourceUrl: SOURCE_URL.owaspJwt,
  },
  'jwt-js-readable': {
    severities: ['medium'],
    explanation:
      'Page scripts can read this token, so any cross-site scripting flaw can steal it and replay it elsewhere.',
    fix: 'Keep tokens in HttpOnly, Secure cookies instead of web storage or script-readable cookies.',
    source: 'OWASP Session Management and JWT cheat sheets',
    sourceUrl: SOURCE_URL.owaspJwt,
  },
  'jwt-kid-suspicious': {
    severities: ['medium'],
    explanation:
      'The token header kid holds path, shell or SQL syntax, a sign that someone probes whether the server looks keys up unsafely by kid.',
    fix: 'Look keys up by kid in a fixed allow-list only, never in files, shell commands or SQL built from it.',
    source: 'jwt_tool kid injection checks; OWASP JWT cheat sheet',
    sourceUrl: SOURCE_URL.owaspJwt,
  },
  'session-persistent': {
    /** Worse beyond a month. */
    severities: ['low', 'info'],
    explanation:
      'This session cookie has an expiry, so it is written to disk and survives closing the browser, which widens the window for theft and reuse.',
    fix: 'Let session ids expire with the browser session, or keep their lifetime short.',
    source: 'OWASP Session Management cheat sheet "Expire and Max-Age Attributes"',
    sourceUrl: SOURCE_URL.owaspSessionExpire,
  },
  'expiry-over-400-days': {
    severities: ['low'],
    explanation:
      'The expiry is more than 400 days away; browsers cap cookie lifetimes at 400 days, so the site asks for more than it will get.',
    fix: 'Shorten the lifetime to 400 days or less.',
    source: 'RFC 6265bis §5.5',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'samesite-unspecified': {
    severities: ['low'],
    explanation:
      'No SameSite attribute was set, so cross-site behaviour depends on the browser default (Lax in Chromium, None in Firefox and Safari).',
    fix: 'Set SameSite=Lax or SameSite=Strict explicitly.',
    source: 'ZAP 10054-1',
    sourceUrl: SOURCE_URL.zap10054_1,
  },
  'samesite-none': {
    /** Worse on a session cookie. */
    severities: ['medium', 'info'],
    explanation:
      'SameSite=None sends this cookie with cross-site requests, which exposes it to cross-site request forgery.',
    fix: 'Use SameSite=Lax or Strict unless the cookie must be sent cross-site.',
    source: 'ZAP 10054-2',
    sourceUrl: SOURCE_URL.zap10054_2,
  },
  'csrf-without-samesite': {
    severities: ['medium'],
    explanation:
      'This anti-CSRF token has no effective SameSite restriction, so it is sent with cross-site requests and protects less.',
    fix: 'Set SameSite=Strict or SameSite=Lax on the anti-CSRF cookie.',
    source: 'Observatory cookies-anticsrf-without-samesite-flag',
    sourceUrl: SOURCE_URL.observatory,
  },
  'session-secure-missing': {
    severities: ['high'],
    explanation:
      'This session cookie is also sent over plain HTTP, where anyone on the network can read it and take over the session.',
    fix: 'Set the Secure attribute on the session cookie and serve the site over HTTPS only.',
    source: 'Observatory cookies-session-without-secure-flag (−40)',
    sourceUrl: SOURCE_URL.observatory,
  },
  'secure-missing': {
    severities: ['low'],
    explanation: 'The site uses HTTPS but this cookie would also be sent over plain HTTP, readable on the network.',
    fix: 'Set the Secure attribute.',
    source: 'ZAP 10011; Observatory cookies-without-secure-flag (−20)',
    sourceUrl: SOURCE_URL.zap10011,
  },
  'session-not-rotated': {
    severities: ['high'],
    explanation:
      'The session id kept its value across the login, so anyone who planted or saw the id before the login (session fixation) owns the logged-in session.',
    fix: 'Issue a new session id at login (for example regenerate the session) and drop the old one.',
    source: 'OWASP WSTG-SESS-03 (session fixation); ZAP 40013',
    sourceUrl: SOURCE_URL.wstgSess03,
  },
  'session-not-cleared': {
    severities: ['medium'],
    explanation:
      'The session cookie is still stored with its old value after the logout, so the next person at this browser, or a script, can still pick it up.',
    fix: 'Expire the session cookie in the logout response (Set-Cookie with Max-Age=0).',
    source: 'OWASP WSTG-SESS-06',
    sourceUrl: SOURCE_URL.wstgSess06,
  },
  'session-not-invalidated': {
    severities: ['high'],
    explanation:
      'A request that replays the session cookie from before the logout is still logged in, so the server never ended the session and a stolen cookie keeps working.',
    fix: 'End the session on the server at logout (destroy it in the session store, or revoke the token).',
    source: 'OWASP WSTG-SESS-06; ZAP 40013',
    sourceUrl: SOURCE_URL.wstgSess06,
  },
  'session-id-in-url': {
    severities: ['high'],
    explanation:
      'The session id travels in a request URL, where it leaks into logs, browser history and Referer headers, and can be used to fix a session.',
    fix: 'Carry the session id only in a cookie, never in URLs.',
    source: 'ZAP 3-1 / 3-2; OWASP Session Management cheat sheet',
    sourceUrl: SOURCE_URL.owaspSessionUrl,
  },
  'session-id-low-entropy': {
    severities: ['high'],
    explanation:
      'This session id carries too little randomness to resist guessing, so an attacker can enumerate valid sessions.',
    fix: 'Generate session ids with at least 128 bits from a cryptographically secure random generator.',
    source: 'OWASP Session Management cheat sheet "Session ID Entropy"',
    sourceUrl: SOURCE_URL.owaspSessionEntropy,
  },
  'rejected-samesite-none-insecure': {
    severities: ['high'],
    explanation: 'The header asks for SameSite=None without Secure, so the browser rejects the cookie.',
    fix: 'Add Secure to every SameSite=None cookie and serve it over HTTPS.',
    source: 'RFC 6265bis §5.7',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'rejected-secure-prefix': {
    severities: ['high'],
    explanation: 'A cookie named __Secure-… must be set with Secure, so the browser rejects this one.',
    fix: 'Add Secure to the header, or drop the __Secure- prefix.',
    source: 'RFC 6265bis §4.1.3.1',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'rejected-host-prefix': {
    severities: ['high'],
    explanation:
      'A cookie named __Host-… must be set with Secure, Path=/ and no Domain, so the browser rejects this one.',
    fix: 'Set the __Host- cookie with Secure and Path=/ and without a Domain attribute.',
    source: 'RFC 6265bis §4.1.3.2',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'rejected-partitioned-insecure': {
    severities: ['high'],
    explanation: 'A Partitioned cookie must be Secure, so the browser rejects this one.',
    fix: 'Add Secure to the Partitioned cookie.',
    source: 'CHIPS draft (Partitioned cookies)',
    sourceUrl: SOURCE_URL.chips,
  },
  'rejected-too-large': {
    severities: ['medium'],
    explanation: 'Name and value together exceed 4,096 bytes, so the browser silently ignores the cookie.',
    fix: 'Store less in the cookie, for example keep the data server-side and send an id.',
    source: 'RFC 6265bis §5.6',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'rejected-control-chars': {
    severities: ['medium'],
    explanation: 'The header contains a control character, so the browser ignores the cookie entirely.',
    fix: 'Encode the value (for example URL-encode or base64) so it holds no control characters.',
    source: 'RFC 6265bis §5.6',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'samesite-invalid': {
    severities: ['low'],
    explanation:
      'The SameSite value is not Strict, Lax or None, so the browser ignores it and applies its default instead.',
    fix: 'Write SameSite=Strict, SameSite=Lax or SameSite=None.',
    source: 'ZAP 10054-3; Observatory cookies-samesite-flag-invalid',
    sourceUrl: SOURCE_URL.zap10054_3,
  },
  'secure-from-http': {
    severities: ['medium'],
    explanation: 'A plain-HTTP response tried to set a Secure cookie, which browsers refuse.',
    fix: 'Set Secure cookies from HTTPS responses only, and redirect HTTP to HTTPS first.',
    source: 'RFC 6265bis §5.7',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'weak-secret': {
    severities: ['critical'],
    explanation:
      'The signature verifies with a well-known default or example secret, so anyone can forge valid tokens or sessions.',
    fix: 'Rotate to a long random secret and invalidate everything signed with the old one.',
    source: 'OWASP JWT cheat sheet (HMAC secret strength)',
    sourceUrl: SOURCE_URL.owaspJwt,
  },
  'signature-verified': {
    severities: ['info'],
    explanation: 'The signature verifies with the secret or key you supplied.',
    fix: 'Nothing to fix; keep the secret or key private.',
    source: 'docs/formats.md, signature verification',
  },
  'signature-invalid': {
    severities: ['medium'],
    explanation:
      'The signature does not verify with the secret or key you supplied: the value was altered, or it was signed with another key.',
    fix: 'Check that you supplied the key the server signs with; if so, find out who produced this value.',
    source: 'docs/formats.md, signature verification',
  },
  'size-near-limit': {
    severities: ['info'],
    explanation:
      'Name and value together are close to the 4,096 bytes browsers accept; a little more and the browser silently drops the cookie.',
    fix: 'Store less in the cookie, for example keep the data server-side and send an id.',
    source: 'RFC 6265bis §5.6',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
  'too-many-cookies': {
    /** Worse past the eviction limit. */
    severities: ['low', 'info'],
    explanation:
      'So many cookies on one domain make every request heavier, and past the browser limit older cookies are evicted without notice.',
    fix: 'Consolidate cookies, or keep the data server-side.',
    source: 'RFC 6265bis §6.1',
    sourceUrl: SOURCE_URL.rfc6265bis,
  },
} satisfies Record<string, Omit<RuleInfo, 'id'>>;

export type RuleId = keyof typeof RULE_INFO;

/** What the rule `id` states about itself, with its id. */
export function ruleInfo(id: RuleId): RuleInfo {
  return { id, ...RULE_INFO[id] };
}
