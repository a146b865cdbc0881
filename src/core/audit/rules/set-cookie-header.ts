import { isSecureUrl } from '../../cookie/would-send';
import type { HeaderRule } from '../rule';
import { SOURCE_URL } from '../sources';
import { parseUrl } from '../../parse-url';

/** Whether the response came over a secure channel (https, or a loopback host browsers treat as secure). */
function fromSecureOrigin(responseUrl: string): boolean {
  const url = parseUrl(responseUrl);
  return url !== null && isSecureUrl(url);
}

export const rejectedSameSiteNoneInsecure: HeaderRule = {
  id: 'rejected-samesite-none-insecure',
  severities: ['high'],
  explanation: 'The header asks for SameSite=None without Secure, so the browser rejects the cookie.',
  fix: 'Add Secure to every SameSite=None cookie and serve it over HTTPS.',
  source: 'RFC 6265bis §5.7',
  sourceUrl: SOURCE_URL.rfc6265bis,
  check: (h) => (h.sameSite?.value === 'none' && !h.secure ? { severity: 'high' } : null),
};

export const rejectedSecurePrefix: HeaderRule = {
  id: 'rejected-secure-prefix',
  severities: ['high'],
  explanation: 'A cookie named __Secure-… must be set with Secure, so the browser rejects this one.',
  fix: 'Add Secure to the header, or drop the __Secure- prefix.',
  source: 'RFC 6265bis §4.1.3.1',
  sourceUrl: SOURCE_URL.rfc6265bis,
  // Browsers match prefixes case-insensitively, and also in the value of a nameless cookie (RFC 6265bis §5.7).
  check: (h) => {
    if (h.secure) return null;
    if (/^__secure-/i.test(h.name)) return { severity: 'high' };
    return h.name === '' && /^__secure-/i.test(h.value)
      ? { severity: 'high', detail: 'nameless cookie whose value starts with __Secure-' }
      : null;
  },
};

export const rejectedHostPrefix: HeaderRule = {
  id: 'rejected-host-prefix',
  severities: ['high'],
  explanation:
    'A cookie named __Host-… must be set with Secure, Path=/ and no Domain, so the browser rejects this one.',
  fix: 'Set the __Host- cookie with Secure and Path=/ and without a Domain attribute.',
  source: 'RFC 6265bis §4.1.3.2',
  sourceUrl: SOURCE_URL.rfc6265bis,
  check: (h) => {
    const named = /^__host-/i.test(h.name);
    const nameless = h.name === '' && /^__host-/i.test(h.value);
    if (!named && !nameless) return null;
    const wrong: string[] = [];
    if (!h.secure) wrong.push('no Secure');
    if (h.domain !== undefined) wrong.push(`Domain=${h.domain}`);
    if (h.path !== '/') wrong.push(h.path === undefined ? 'no Path=/' : `Path=${h.path}`);
    if (wrong.length === 0) return null;
    return { severity: 'high', detail: (nameless ? 'nameless cookie: ' : '') + wrong.join(', ') };
  },
};

export const rejectedPartitionedInsecure: HeaderRule = {
  id: 'rejected-partitioned-insecure',
  severities: ['high'],
  explanation: 'A Partitioned cookie must be Secure, so the browser rejects this one.',
  fix: 'Add Secure to the Partitioned cookie.',
  source: 'CHIPS draft (Partitioned cookies)',
  sourceUrl: SOURCE_URL.chips,
  check: (h) => (h.partitioned && !h.secure ? { severity: 'high' } : null),
};

export const rejectedTooLarge: HeaderRule = {
  id: 'rejected-too-large',
  severities: ['medium'],
  explanation: 'Name and value together exceed 4,096 bytes, so the browser silently ignores the cookie.',
  fix: 'Store less in the cookie, for example keep the data server-side and send an id.',
  source: 'RFC 6265bis §5.6',
  sourceUrl: SOURCE_URL.rfc6265bis,
  check: (h) => (h.abort?.reason === 'too-large' ? { severity: 'medium', detail: h.abort.detail } : null),
};

export const rejectedControlChars: HeaderRule = {
  id: 'rejected-control-chars',
  severities: ['medium'],
  explanation: 'The header contains a control character, so the browser ignores the cookie entirely.',
  fix: 'Encode the value (for example URL-encode or base64) so it holds no control characters.',
  source: 'RFC 6265bis §5.6',
  sourceUrl: SOURCE_URL.rfc6265bis,
  check: (h) => (h.abort?.reason === 'control-chars' ? { severity: 'medium', detail: h.abort.detail } : null),
};

export const sameSiteInvalid: HeaderRule = {
  id: 'samesite-invalid',
  severities: ['low'],
  explanation:
    'The SameSite value is not Strict, Lax or None, so the browser ignores it and applies its default instead.',
  fix: 'Write SameSite=Strict, SameSite=Lax or SameSite=None.',
  source: 'ZAP 10054-3; Observatory cookies-samesite-flag-invalid',
  sourceUrl: SOURCE_URL.zap10054_3,
  check: (h) =>
    h.sameSite?.value === 'invalid' ? { severity: 'low', detail: `SameSite=${h.sameSite.raw.slice(0, 64)}` } : null,
};

export const secureFromHttp: HeaderRule = {
  id: 'secure-from-http',
  severities: ['medium'],
  explanation: 'A plain-HTTP response tried to set a Secure cookie, which browsers refuse.',
  fix: 'Set Secure cookies from HTTPS responses only, and redirect HTTP to HTTPS first.',
  source: 'RFC 6265bis §5.7',
  sourceUrl: SOURCE_URL.rfc6265bis,
  check: (h, ctx) => (h.secure && !fromSecureOrigin(ctx.responseUrl) ? { severity: 'medium' } : null),
};
