import type { CookieRule, HeaderRule, JarRule, RuleInfo, TokenRule } from './rule';
import { clientSessionReadable, clientSessionSensitive, tokenClaimsSensitive } from './rules/client-session';
import { cookieShadowed } from './rules/cookie-shadowed';
import { domainTooBroad } from './rules/domain-too-broad';
import { frameworkSessionName } from './rules/framework-session-name';
import { hostPrefixRecommended } from './rules/host-prefix-recommended';
import { httpOnlyMissing, sessionHttpOnlyMissing } from './rules/httponly';
import { jwtAlgNone } from './rules/jwt-alg-none';
import { jwtExpired, jwtLongLived, jwtNoExp } from './rules/jwt-expiry';
import { jwtHeaderKey } from './rules/jwt-header-key';
import { jwtJsReadable } from './rules/jwt-js-readable';
import { jwtKidSuspicious } from './rules/jwt-kid-suspicious';
import { expiryOver400Days, sessionPersistent } from './rules/lifetime';
import { csrfWithoutSameSite, sameSiteNone, sameSiteUnspecified } from './rules/samesite';
import { secureMissing, sessionSecureMissing } from './rules/secure';
import { sessionIdInUrl, type UrlRule } from './rules/session-id-in-url';
import { sessionNotCleared, sessionNotInvalidated, sessionNotRotated } from './rules/session-behaviour';
import { sessionIdLowEntropy } from './rules/session-id-low-entropy';
import { type SignatureRule, signatureInvalid, signatureVerified, weakSecret } from './rules/signature';
import {
  rejectedControlChars,
  rejectedHostPrefix,
  rejectedPartitionedInsecure,
  rejectedSameSiteNoneInsecure,
  rejectedSecurePrefix,
  rejectedTooLarge,
  sameSiteInvalid,
  secureFromHttp,
} from './rules/set-cookie-header';
import { sizeNearLimit } from './rules/size-near-limit';
import { tooManyCookies } from './rules/too-many-cookies';

/** Rules on one stored cookie, in the order docs/rules.md lists them. */
export const COOKIE_RULES: readonly CookieRule[] = [
  sessionHttpOnlyMissing,
  httpOnlyMissing,
  sessionSecureMissing,
  secureMissing,
  sameSiteUnspecified,
  sameSiteNone,
  csrfWithoutSameSite,
  domainTooBroad,
  hostPrefixRecommended,
  sessionPersistent,
  expiryOver400Days,
  sizeNearLimit,
  frameworkSessionName,
  sessionIdLowEntropy,
  clientSessionReadable,
  clientSessionSensitive,
];

export const JAR_RULES: readonly JarRule[] = [tooManyCookies, cookieShadowed];

/** Rules on a JWT/JWE, wherever it was found. */
export const TOKEN_RULES: readonly TokenRule[] = [
  jwtAlgNone,
  jwtNoExp,
  jwtExpired,
  jwtLongLived,
  jwtHeaderKey,
  jwtJsReadable,
  tokenClaimsSensitive,
  jwtKidSuspicious,
];

export const SIGNATURE_RULES: readonly SignatureRule[] = [weakSecret, signatureVerified, signatureInvalid];

/** Rules on a cookie against the page's request URLs (network view). */
export const URL_RULES: readonly UrlRule[] = [sessionIdInUrl];

/** Rules on a raw Set-Cookie header: why the browser rejected or changed what the server sent. */
export const HEADER_RULES: readonly HeaderRule[] = [
  rejectedSameSiteNoneInsecure,
  rejectedSecurePrefix,
  rejectedHostPrefix,
  rejectedPartitionedInsecure,
  rejectedTooLarge,
  rejectedControlChars,
  sameSiteInvalid,
  secureFromHttp,
];

/** Rules on a session's behaviour across a login or a logout (core/session checks them on two snapshots). */
export const SESSION_RULES: readonly RuleInfo[] = [sessionNotRotated, sessionNotInvalidated, sessionNotCleared];

/** Every rule by id, for the UI and docs (the token form of client-session-sensitive shares its cookie twin's id). */
export const RULES_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(
  [
    ...COOKIE_RULES,
    ...JAR_RULES,
    ...TOKEN_RULES,
    ...SIGNATURE_RULES,
    ...URL_RULES,
    ...HEADER_RULES,
    ...SESSION_RULES,
  ].map((r) => [r.id, r] as const),
);
