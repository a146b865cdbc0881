/**
 * Every exported core function that reads page-controlled text (a cookie value, name or path, a claim, a
 * header), each wrapped to take one string. The hostile-input timing test and `npm run bench` run this table;
 * hostile-entry-points.test.ts checks that no exported function of decode / detect / audit / verify is missing
 * from it without a reason.
 */
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import { jarFingerprint } from '../../src/core/cookie/jar-fingerprint';
import { bareDomain, cookiesForUrl, domainMatches, pathMatches } from '../../src/core/cookie/match';
import { cookieSize } from '../../src/core/cookie/size';
import { aspnetKeyId, decodeAspnetCore } from '../../src/core/decode/aspnet-core';
import {
  anyBase64ToBytes,
  base64ToBytes,
  base64urlToBytes,
  bytesToBase64,
  bytesToHex,
  bytesToUtf8,
  hexToBytes,
  isPrintable,
  utf8ToBytes,
} from '../../src/core/decode/bytes';
import {
  decodeCookieSession,
  describeSigCookie,
  findSigCookie,
  parseCookieSession,
} from '../../src/core/decode/cookie-session';
import { decodeCookieValue } from '../../src/core/decode/decode-cookie';
import { base62Decode, decodeDjangoSigned, parseDjangoSigned } from '../../src/core/decode/django-signed';
import { decodeExpressSession, parseExpressSession } from '../../src/core/decode/express-session';
import { decodeFlask, parseFlask, untagFlask } from '../../src/core/decode/flask';
import { decodeGenericChain } from '../../src/core/decode/generic-chain';
import { inflate, looksLikeZlib } from '../../src/core/decode/inflate';
import { readSignedPayload } from '../../src/core/decode/signed-payload';
import {
  boundDepth,
  jsonText,
  layerJson,
  layerText,
  describeJsonError,
  parseJson,
  parseJsonStructure,
  shownText,
} from '../../src/core/decode/json';
import { decodeJwt } from '../../src/core/decode/jwt';
import { decodeJwtValue } from '../../src/core/decode/jwt-value';
import { decodeLaravel, parseLaravel } from '../../src/core/decode/laravel';
import { findNestedJwt } from '../../src/core/decode/nested-token';
import { decodeOpaqueId } from '../../src/core/decode/opaque-id';
import { unquoteCookieValue } from '../../src/core/decode/quoted-value';
import { decodeRailsEncrypted, parseRailsCbc, parseRailsGcm } from '../../src/core/decode/rails-encrypted';
import { decodeRailsSigned, parseRailsSigned, readRailsPayload } from '../../src/core/decode/rails-signed';
import { marshalStrings } from '../../src/core/decode/ruby-marshal';
import { hasPercentEscape, urlDecode } from '../../src/core/decode/url-decode';
import { alphabetSize, estimateEntropyBits } from '../../src/core/detect/entropy';
import { classifyToken } from '../../src/core/detect/classify-token';
import { findHeaderTokens } from '../../src/core/detect/find-header-tokens';
import { findStorageTokens } from '../../src/core/detect/find-storage-tokens';
import { storageEntriesOf, storageReadOf } from '../../src/core/detect/read-storage-script';
import { fromHarEntry, headerTokensOf, requestUrlsOf } from '../../src/core/network/network-entry';
import { setCookieRows } from '../../src/core/network/set-cookie-rows';
import { isIdShaped, opaqueEntropyBits } from '../../src/core/detect/opaque-id';
import { isTokenLikeName } from '../../src/core/detect/token-like-name';
import { splitSecrets } from '../../src/core/verify/split-secrets';

/** A HAR entry whose URL, request headers and Set-Cookie carry `v`. */
function harEntry(v: string): unknown {
  return {
    startedDateTime: '2026-01-01T00:00:00Z',
    request: {
      url: `https://app.example.com/api?q=${v}`,
      method: 'GET',
      headers: [
        { name: 'authorization', value: `Bearer ${v}` },
        { name: 'x-api-token', value: v },
      ],
    },
    response: { status: 200, headers: [{ name: 'set-cookie', value: `${v}=${v}; Path=/${v}\nb=${v}` }] },
  };
}
import { weakSecretKey } from '../../src/core/verify/weak-secret-key';
import { detectSession, isKnownSessionName } from '../../src/core/detect/session';
import { auditToken } from '../../src/core/audit/audit-token';
import { runAudit } from '../../src/core/audit/run-audit';
import { findSensitiveKeys } from '../../src/core/audit/sensitive-keys';
import { decryptLaravel } from '../../src/core/verify/decrypt-laravel';
import { decryptRails } from '../../src/core/verify/decrypt-rails';
import { plaintextText } from '../../src/core/verify/decrypted-text';
import { findWeakSecret } from '../../src/core/verify/find-weak-secret';
import { hmacTargets } from '../../src/core/verify/hmac-target';
import { importVerifyKey } from '../../src/core/verify/jwt-key';
import { verifyCookie } from '../../src/core/verify/verify-cookie';
import { verifyJwt } from '../../src/core/verify/verify-jwt';
import { firstPaintHint, hintedReasons } from '../../src/protocol/first-paint-hint';
import { makeCookie } from '../fakes/make-cookie';

export interface EntryPoint {
  name: string;
  run: (text: string) => unknown;
}

const NOW = Date.UTC(2026, 0, 1);
const cookie = (value: string, over: Partial<CookieRecord> = {}) => makeCookie({ name: 'sid', value, ...over });
const bytes = (text: string) => utf8ToBytes(text);
const JWK_SET = JSON.stringify({
  keys: [
    { kty: 'oct', kid: 'one', k: 'c2VjcmV0LW9uZQ' },
    { kty: 'oct', kid: 'two', k: 'c2VjcmV0LXR3bw' },
  ],
});

/** Functions that take the text as their one argument, each an entry point named after it. */
const byName = (fns: Record<string, (text: string) => unknown>): EntryPoint[] =>
  Object.entries(fns).map(([name, fn]) => ({ name, run: (v) => fn(v) }));

/** The text as a cookie value, as a name, as a path: whichever the function reads. */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  // decode
  { name: 'decodeCookieValue', run: (v) => decodeCookieValue(cookie(v)) },
  {
    name: 'decodeCookieValue (name + .sig pair)',
    run: (v) => decodeCookieValue(cookie(v), [cookie(v, { name: 'sid.sig' })]),
  },
  ...byName({
    decodeJwt,
    decodeJwtValue,
    aspnetKeyId,
    decodeAspnetCore,
    parseExpressSession,
    decodeExpressSession,
    parseFlask,
    decodeFlask,
  }),
  { name: 'untagFlask', run: (v) => untagFlask(parseJson(v) ?? v) },
  ...byName({ base62Decode, parseDjangoSigned, decodeDjangoSigned }),
  {
    name: 'readSignedPayload',
    run: (v) =>
      readSignedPayload(
        { payload: v, compressed: v.length % 2 === 0, timestamp: 0, signingInput: v, signature: v },
        'Flask',
      ),
  },
  { name: 'parseCookieSession', run: (v) => parseCookieSession(cookie(v), [cookie('x', { name: 'sid.sig' })]) },
  { name: 'decodeCookieSession', run: (v) => decodeCookieSession(cookie(v), [cookie('x', { name: 'sid.sig' })]) },
  {
    name: 'findSigCookie (name)',
    run: (v) => findSigCookie(cookie('x', { name: v }), [cookie('x', { name: `${v}.sig` })]),
  },
  {
    name: 'describeSigCookie (name)',
    run: (v) => describeSigCookie(cookie('x', { name: v }), [cookie('x', { name: v.slice(0, -4) })]),
  },
  ...byName({ parseRailsSigned, decodeRailsSigned, decodeRailsEncrypted }),
  { name: 'parseRailsGcm / parseRailsCbc', run: (v) => [parseRailsGcm(v), parseRailsCbc(v)] },
  { name: 'readRailsPayload (decrypted plaintext)', run: (v) => readRailsPayload(utf8ToBytes(v), 'plaintext') },
  ...byName({ parseLaravel, decodeLaravel }),
  { name: 'decodeOpaqueId (PHPSESSID)', run: (v) => decodeOpaqueId('PHPSESSID', v) },
  { name: 'decodeOpaqueId (JSESSIONID)', run: (v) => decodeOpaqueId('JSESSIONID', v) },
  { name: 'decodeOpaqueId (name)', run: (v) => decodeOpaqueId(v, 'abc') },
  ...byName({
    decodeGenericChain,
    unquoteCookieValue,
    urlDecode,
    hasPercentEscape,
    base64ToBytes,
    base64urlToBytes,
    anyBase64ToBytes,
    hexToBytes,
    isPrintable,
  }),
  {
    name: 'bytesToUtf8 / bytesToHex / bytesToBase64',
    run: (v) => [bytesToUtf8(bytes(v)), bytesToHex(bytes(v)), bytesToBase64(bytes(v))],
  },
  { name: 'marshalStrings', run: (v) => marshalStrings(bytes(`\u0004\u0008${v}`)) },
  {
    name: 'looksLikeZlib + inflate',
    run: (v) => (looksLikeZlib(bytes(v)) ? inflate(bytes(v)) : inflate(bytes(`x\u009c${v}`))),
  },
  {
    name: 'parseJson / parseJsonStructure / describeJsonError',
    run: (v) => [parseJson(v), parseJsonStructure(v), describeJsonError(v)],
  },
  { name: 'boundDepth', run: (v) => boundDepth(parseJson(v)) },
  {
    name: 'layerText / jsonText / layerJson / shownText',
    run: (v) => [layerText(v), jsonText(v), jsonText({ [v]: v }), layerJson({ [v]: v }), shownText(v)],
  },
  { name: 'findNestedJwt', run: (v) => findNestedJwt({ [v]: v, list: [v, `Bearer ${v}`] }) },
  // detect
  { name: 'detectSession', run: (v) => detectSession(cookie(v)) },
  { name: 'detectSession (name)', run: (v) => detectSession(cookie('x', { name: v })) },
  ...byName({ isKnownSessionName }),
  { name: 'estimateEntropyBits / alphabetSize', run: (v) => [estimateEntropyBits(v), alphabetSize(v)] },
  { name: 'opaqueEntropyBits', run: (v) => opaqueEntropyBits(v, undefined) },
  ...byName({ isIdShaped, isTokenLikeName }),
  { name: 'classifyToken', run: (v) => [classifyToken(v, true), classifyToken(v, false)] },
  {
    name: 'findStorageTokens',
    run: (v) =>
      findStorageTokens([
        { key: v.slice(0, 64), value: v, area: 'localStorage', origin: 'https://app.example.com' },
        { key: 'auth', value: JSON.stringify({ [v.slice(0, 32)]: v, list: [v] }), area: 'sessionStorage', origin: '' },
      ]),
  },
  { name: 'findHeaderTokens', run: (v) => findHeaderTokens({ authorization: `Bearer ${v}`, 'x-auth-token': v }) },
  {
    name: 'storageReadOf / storageEntriesOf',
    run: (v) => storageEntriesOf(storageReadOf({ origin: v, local: [[v, v]], session: [[v.slice(0, 64), v]] })),
  },
  {
    name: 'fromHarEntry / headerTokensOf / requestUrlsOf',
    run: (v) => {
      const entries = [harEntry(v), harEntry(v)].flatMap((e) => fromHarEntry(e) ?? []);
      return [headerTokensOf(entries), requestUrlsOf(entries)];
    },
  },
  {
    name: 'setCookieRows (header, URL)',
    run: (v) => setCookieRows([fromHarEntry(harEntry(v))!], [cookie(v)], 'app.example.com', NOW),
  },
  // audit
  { name: 'auditToken (header)', run: (v) => auditToken(v, 'header', NOW, { name: v }) },
  { name: 'findSensitiveKeys', run: (v) => findSensitiveKeys({ [v]: v, nested: { list: [v], [`${v}Email`]: v } }) },
  {
    name: 'runAudit (value, name, path)',
    run: async (v) => {
      const c = cookie(v, { name: v.slice(0, 256), path: `/${v.slice(0, 256)}`, httpOnly: false });
      const decoded = await decodeCookieValue(c);
      return runAudit({
        pageUrl: 'https://app.example.com/',
        cookies: [{ cookie: c, key: cookieKey(c), decoded, sessionReason: detectSession(c, decoded) }],
        nowMs: NOW,
        tokens: [{ location: 'localStorage', name: v.slice(0, 256), token: v }],
      });
    },
  },
  // verify
  { name: 'hmacTargets', run: (v) => hmacTargets(cookie(v), [cookie('x', { name: 'sid.sig' })]) },
  { name: 'verifyCookie', run: (v) => verifyCookie(cookie(v), [], ['secret']) },
  {
    name: 'decryptRails (ciphertext, name)',
    run: (v) =>
      decryptRails({ scheme: 'gcm', ciphertext: utf8ToBytes(v), iv: new Uint8Array(12), tag: new Uint8Array(16) }, v, [
        'secret',
      ]),
  },
  {
    name: 'decryptLaravel (payload fields, name)',
    run: (v) => decryptLaravel({ iv: v, value: v, mac: v, tag: '' }, cookie(v, { name: v }), ['secret']),
  },
  { name: 'plaintextText', run: (v) => plaintextText(utf8ToBytes(v)) },
  { name: 'verifyJwt', run: (v) => verifyJwt(v, ['secret']) },
  { name: 'weakSecretKey', run: (v) => weakSecretKey(cookie(v), [cookie(v, { name: 'sid.sig' })]) },
  { name: 'splitSecrets', run: (v) => splitSecrets(`${v}\n${v}`) },
  // The key is the user's; the page controls only the token's `kid`.
  { name: 'importVerifyKey (kid)', run: (v) => importVerifyKey(JWK_SET, 'HS256', v) },
  {
    name: 'findWeakSecret (4 secrets)',
    run: (v) => findWeakSecret(cookie(v), [], { dictionary: ['a', 'b', 'c', 'd'] }),
  },
  // cookie identity and matching (names, domains, paths)
  {
    name: 'cookieKey / cookieSize',
    run: (v) => [cookieKey(cookie(v, { name: v, path: v })), cookieSize(cookie(v, { name: v }))],
  },
  { name: 'domainMatches / bareDomain', run: (v) => [domainMatches(v, `.${v}`, false), bareDomain(v)] },
  { name: 'pathMatches', run: (v) => [pathMatches(`/${v}/x`, `/${v}`), pathMatches(`/${v}`, `/${v}/`)] },
  { name: 'cookiesForUrl', run: (v) => cookiesForUrl([cookie(v, { path: `/${v}` })], 'https://app.example.com/a') },
  // the popup's first-paint hint: the jar's fingerprint, and the reasons read back against it
  { name: 'jarFingerprint', run: (v) => jarFingerprint([cookie(v, { name: v, path: `/${v}` }), cookie(v)]) },
  {
    name: 'firstPaintHint / hintedReasons',
    run: (v) => {
      const jar = [cookie(v, { name: v })];
      const hint = firstPaintHint(jar, [{ key: cookieKey(jar[0]!), sessionReason: { kind: 'name', detail: v } }], '1');
      return hintedReasons(hint, jar, '1');
    },
  },
];
