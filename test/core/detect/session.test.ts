import { describe, expect, it } from 'vitest';
import { opaque, type DecodedValue } from '../../../src/core/decode/decoded-value';
import { detectSession } from '../../../src/core/detect/session';
import { decodedFor } from '../audit/audited';
import { makeCookie } from '../../fakes/make-cookie';
import { flaskDecoded } from '../../fakes/make-decoded';
import { jsonSegment, makeJwt } from '../../fakes/make-jwt';

const JWT = makeJwt({ sub: '1' });
const JWE = `${jsonSegment({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`;
const flask = flaskDecoded();
const generic: DecodedValue = { ...opaque(), format: 'generic', label: 'base64 JSON', clientReadable: true };
const RANDOM = 'k9Qz3LmX7pV2rT8wYb4N'; // 20 base62 characters: about 119 bits

describe('detectSession', () => {
  it.each([
    ['PHPSESSID', 'name', 'known session name PHPSESSID'],
    ['JSESSIONID', 'name', 'known session name JSESSIONID'],
    ['ASP.NET_SessionId', 'name', 'known session name ASP.NET_SessionId'],
    ['.AspNetCore.Session', 'name', 'known session name .AspNetCore.Session'],
    ['connect.sid', 'name', 'known session name connect.sid'],
    ['sessionid', 'name', 'known session name sessionid'],
    ['laravel_session', 'name', 'known session name laravel_session'],
    ['CFID', 'name', 'known session name CFID'],
    ['CFTOKEN', 'name', 'known session name CFTOKEN'],
    ['sid', 'name', 'known session name sid'],
    ['session', 'name', 'known session name session'],
    ['_myapp_session', 'name', 'Rails session name _myapp_session'],
    ['__Host-sid', 'name', 'known session name __Host-sid'],
    ['__Secure-PHPSESSID', 'name', 'known session name __Secure-PHPSESSID'],
    ['MySess', 'name', 'name contains "sess"'],
    ['X-Auth', 'name', 'name contains "auth"'],
    ['refresh_token', 'name', 'name contains "token"'],
    ['JWT_cookie', 'name', 'name contains "jwt"'],
    ['wp_LOGIN_state', 'name', 'name contains "login"'],
  ])('recognises the name %s', (name, kind, detail) => {
    expect(detectSession(makeCookie({ name, value: 'x', httpOnly: false }))).toEqual({ kind, detail });
  });

  it.each([
    '_ga',
    '_ga_ABC123',
    '_gid',
    '_fbp',
    'CookieConsent',
    'OptanonConsent',
    'csrftoken',
    'XSRF-TOKEN',
    '__Host-csrftoken',
  ])('excludes the known non-session name %s even with a session-like value', (name) => {
    expect(detectSession(makeCookie({ name, value: JWT }), decodedFor(JWT))).toBeNull();
  });

  it.each(['theme', 'lang', 'sidebar', 'cart'])('does not take the ordinary name %s for a session', (name) => {
    expect(detectSession(makeCookie({ name, value: 'dark', httpOnly: false }))).toBeNull();
  });

  it('recognises a JWT value under any name, with or without a decoder result', () => {
    const c = makeCookie({ name: 'u', value: JWT, httpOnly: false });
    expect(detectSession(c, decodedFor(JWT))).toEqual({ kind: 'token', detail: 'value is a JSON Web Token' });
    expect(detectSession(c)).toEqual({ kind: 'token', detail: 'value is a JSON Web Token' });
  });

  it('recognises a JWE value', () => {
    const c = makeCookie({ name: 'u', value: JWE, httpOnly: false });
    expect(detectSession(c, decodedFor(JWE))?.kind).toBe('token');
  });

  it('recognises a framework session format from the decoder, but not generic readable data', () => {
    const c = makeCookie({ name: 'u', value: 'eyJ4IjoxfQ.abc.def', httpOnly: false });
    expect(detectSession(c, flask)).toEqual({
      kind: 'format',
      detail: 'value is a framework session: Flask session (itsdangerous)',
    });
    expect(detectSession(c, generic)).toBeNull();
  });

  it('recognises an opaque high-entropy HttpOnly value of 16 characters or more', () => {
    const reason = detectSession(makeCookie({ name: 'u', value: RANDOM, httpOnly: true }), opaque());
    expect(reason?.kind).toBe('entropy');
    expect(reason?.detail).toMatch(/^opaque HttpOnly value with about 119 bits of entropy$/);
  });

  it.each([
    ['not HttpOnly', { value: RANDOM, httpOnly: false }],
    ['shorter than 16 characters', { value: RANDOM.slice(0, 15), httpOnly: true }],
    ['too few distinct characters', { value: 'abababababababababab', httpOnly: true }],
    ['16 digits: about 53 bits', { value: '1234567890123456', httpOnly: true }],
    ['readable text', { value: 'hello world, this is text', httpOnly: true }],
  ])('does not call a value random when it is %s', (_why, over) => {
    expect(detectSession(makeCookie({ name: 'u', ...over }), opaque())).toBeNull();
  });

  it('takes the decoder entropy figure over its own estimate', () => {
    const c = makeCookie({ name: 'u', value: RANDOM, httpOnly: true });
    expect(detectSession(c, { ...opaque(), entropyBits: 40 })).toBeNull();
  });

  it('prefers the name as the reason a user sees', () => {
    const c = makeCookie({ name: 'auth', value: JWT });
    expect(detectSession(c, decodedFor(JWT))?.kind).toBe('name');
  });
});
