import { isOpaqueValue, MIN_SESSION_ID_BITS, opaqueEntropyBits } from '../../detect/opaque-id';
import { isKnownSessionName } from '../../detect/session';
import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

/** Values that mean "no session" rather than a weak one: logged-out markers and flags. */
const PLACEHOLDERS = new Set(['', 'deleted', 'null', 'undefined', 'true', 'false', 'yes', 'no']);

/**
 * A cookie that is a session only because its name contains a word like "auth" or "sess" often holds a flag, a
 * count or a path (`auth_redirect=/home`, `session_count=3`); judge its entropy only when the value is shaped
 * like an identifier: 8 or more word characters with a digit among them.
 */
const ID_SHAPED = /^(?=[^\d]*\d)[A-Za-z0-9_-]{8,}$/;

export const sessionIdLowEntropy: CookieRule = {
  ...ruleInfo('session-id-low-entropy'),
  check: (c) => {
    const value = c.cookie.value;
    if (c.sessionReason === null || !isOpaqueValue(c.decoded) || c.decoded.jwt !== undefined) return null;
    if (PLACEHOLDERS.has(value.toLowerCase())) return null;
    const sureSession = c.sessionReason.kind !== 'name' || isKnownSessionName(c.cookie.name);
    if (!sureSession && !ID_SHAPED.test(value)) return null;
    const bits = opaqueEntropyBits(value, c.decoded);
    return bits < MIN_SESSION_ID_BITS
      ? { severity: 'high', detail: `about ${Math.floor(bits)} bits (estimated from ${value.length} characters)` }
      : null;
  },
};
