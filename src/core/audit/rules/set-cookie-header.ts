import { isSecureUrl } from '../../cookie/would-send';
import type { HeaderRule } from '../rule';
import { ruleInfo } from '../rule-info';
import { parseUrl } from '../../parse-url';

/** Whether the response came over a secure channel (https, or a loopback host browsers treat as secure). */
function fromSecureOrigin(responseUrl: string): boolean {
  const url = parseUrl(responseUrl);
  return url !== null && isSecureUrl(url);
}

export const rejectedSameSiteNoneInsecure: HeaderRule = {
  ...ruleInfo('rejected-samesite-none-insecure'),
  check: (h) => (h.sameSite?.value === 'none' && !h.secure ? { severity: 'high' } : null),
};

export const rejectedSecurePrefix: HeaderRule = {
  ...ruleInfo('rejected-secure-prefix'),
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
  ...ruleInfo('rejected-host-prefix'),
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
  ...ruleInfo('rejected-partitioned-insecure'),
  check: (h) => (h.partitioned && !h.secure ? { severity: 'high' } : null),
};

export const rejectedTooLarge: HeaderRule = {
  ...ruleInfo('rejected-too-large'),
  check: (h) => (h.abort?.reason === 'too-large' ? { severity: 'medium', detail: h.abort.detail } : null),
};

export const rejectedControlChars: HeaderRule = {
  ...ruleInfo('rejected-control-chars'),
  check: (h) => (h.abort?.reason === 'control-chars' ? { severity: 'medium', detail: h.abort.detail } : null),
};

export const sameSiteInvalid: HeaderRule = {
  ...ruleInfo('samesite-invalid'),
  check: (h) =>
    h.sameSite?.value === 'invalid' ? { severity: 'low', detail: `SameSite=${h.sameSite.raw.slice(0, 64)}` } : null,
};

export const secureFromHttp: HeaderRule = {
  ...ruleInfo('secure-from-http'),
  check: (h, ctx) => (h.secure && !fromSecureOrigin(ctx.responseUrl) ? { severity: 'medium' } : null),
};
