import { deflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCookieValue } from '../../../src/core/decode/decode-cookie';
import { verifyCookie } from '../../../src/core/verify/verify-cookie';
import { cookieOf, fixture } from '../../fixtures/fixtures';
import { base64url } from '../../fakes/make-jwt';

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const decode = (name: string, value: string) => decodeCookieValue(cookieOf(name, value));

describe('formats recognised by structure', () => {
  it('ASP.NET Core DataProtection: the key id as a .NET Guid', async () => {
    const guid = [0x04, 0x03, 0x02, 0x01, 0x06, 0x05, 0x08, 0x07, 9, 10, 11, 12, 13, 14, 15, 16];
    const blob = Buffer.concat([Buffer.from([0x09, 0xf0, 0xc9, 0xf0]), Buffer.from(guid), randomBytes(80)]);
    const value = base64url(blob);
    expect(value.startsWith('CfDJ8')).toBe(true);
    const d = await decode('.AspNetCore.Cookies', value);
    expect(d.format).toBe('aspnet-core');
    expect(d.data).toEqual({ keyId: '01020304-0506-0708-090a-0b0c0d0e0f10' });
    expect(d.clientReadable).toBe(false);
  });

  it('Laravel: the encrypted payload structure, URL-decoded', async () => {
    const payload = { iv: b64(randomBytes(16)), value: b64(randomBytes(48)), mac: 'ab'.repeat(32), tag: '' };
    const d = await decode('laravel_session', encodeURIComponent(b64(JSON.stringify(payload))));
    expect(d.format).toBe('laravel');
    expect(d.data).toMatchObject({ iv: payload.iv, mac: payload.mac });
    expect(d.notes.join(' ')).toMatch(/APP_KEY/);
  });

  it('Rails ≥ 5.2 encrypted cookie: ciphertext--iv--tag', async () => {
    const value = encodeURIComponent(`${b64(randomBytes(60))}--${b64(randomBytes(12))}--${b64(randomBytes(16))}`);
    const d = await decode('_shop_session', value);
    expect(d.format).toBe('rails-encrypted');
    expect(d.notes).toContain('encrypted, needs secret_key_base');
    expect(d.hmacSigned).toBe(false);
  });

  it('Rails < 5.2 encrypted cookie: base64(ciphertext--iv)--HMAC', async () => {
    const inner = `${b64(randomBytes(32))}--${b64(randomBytes(16))}`;
    const d = await decode('_old_session', `${b64(inner)}--${'f'.repeat(40)}`);
    expect(d.format).toBe('rails-encrypted');
  });

  it('Rails signed cookie with a Ruby Marshal payload is recognised, not parsed', async () => {
    const marshal = Buffer.concat([Buffer.from([4, 8]), Buffer.from('I"\x0ahello_user\x06:\x06ET')]);
    const d = await decode('remember', `${b64(marshal)}--${'0'.repeat(40)}`);
    expect(d.format).toBe('rails-signed');
    expect(d.notes.join(' ')).toMatch(/Ruby Marshal/);
    expect(JSON.stringify(d.data)).toContain('hello_user');
  });

  it.each([
    ['JSESSIONID', '0123456789ABCDEF0123456789ABCDEF.node1', 'java-session', 128],
    ['ASP.NET_SessionId', 'abcdefghijklmnopqrstu012', 'aspnet-session', 120],
    ['PHPSESSID', 'na6duboeu10p80p4aolf2pd2p6', 'php-session', 130],
    ['sessionid', 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5pz', 'django-db-session', 165],
  ])('%s is an opaque id with its estimated entropy', async (name, value, format, bits) => {
    const d = await decode(name, value);
    expect(d.format).toBe(format);
    expect(d.entropyBits).toBeGreaterThanOrEqual(bits - 1);
    expect(d.entropyBits).toBeLessThanOrEqual(bits + 1);
  });

  it('a short PHPSESSID is still estimated, and low', async () => {
    const d = await decode('PHPSESSID', '12345');
    expect(d.format).toBeNull();
    expect(d.entropyBits).toBeCloseTo(5 * Math.log2(10), 5);
  });

  it("cookie-session's .sig cookie names the cookie it signs", async () => {
    const f = fixture('cookie-session-two-keys');
    const sig = f.companions![0]!;
    const d = await decodeCookieValue(cookieOf(sig.name, sig.value), [cookieOf(f.cookie.name, f.cookie.value)]);
    expect(d.format).toBeNull();
    expect(d.notes.join(' ')).toMatch(/signature .* session cookie/);
  });

  it('cookie-session without its .sig is shown by the generic chain', async () => {
    const f = fixture('cookie-session-two-keys');
    const d = await decode(f.cookie.name, f.cookie.value);
    expect(d.format).toBe('generic');
    expect(d.data).toEqual(f.payload);
  });
});

describe('the generic chain', () => {
  it('URL → base64 → JSON, with a JWT inside found and decoded', async () => {
    const jwt = fixture('jsonwebtoken-RS256').cookie.value;
    let json = JSON.stringify({ user: 'eve', auth: { token: `Bearer ${jwt}` } });
    // Pad the JSON until its base64 ends in "=", which URL-encoding turns into %3D.
    while (json.length % 3 === 0) json += ' ';
    const value = encodeURIComponent(b64(json));
    expect(value).toContain('%3D');
    const d = await decode('prefs', value);
    expect(d.format).toBe('generic');
    expect(d.layers.map((l) => l.kind)).toEqual(['url', 'base64', 'json', 'jwt']);
    expect(d.layers[3]!.label).toContain('$.auth.token');
    // Readable, but not a framework session: the client-session audit rules must not fire on it.
    expect(d.clientReadable).toBe(false);
    expect(d.jwt?.kind === 'jws' && d.jwt.alg).toBe('RS256');
  });

  it('base64url of a JWT', async () => {
    const d = await decode('wrapped', base64url(fixture('jsonwebtoken-HS256').cookie.value));
    expect(d.layers.map((l) => l.kind)).toEqual([expect.stringMatching(/^base64/), 'jwt']);
    expect(d.jwt?.kind).toBe('jws');
  });

  it('base64 of zlib of JSON', async () => {
    const d = await decode('state', b64(deflateSync(JSON.stringify({ a: 'x'.repeat(100) }))));
    expect(d.layers.map((l) => l.kind)).toEqual(['zlib', 'json']);
    expect(d.data).toEqual({ a: 'x'.repeat(100) });
  });

  it('stops at the depth bound on deeply nested base64', async () => {
    let v = 'the innermost text';
    for (let i = 0; i < 20; i++) v = b64(v);
    const d = await decode('deep', v);
    expect(d.layers.length).toBe(8);
    expect(d.notes.join(' ')).toMatch(/stopped after 8 layers/);
  });

  it('plain text has no layers', async () => {
    const d = await decode('plain', 'hello world');
    expect(d.format).toBeNull();
    expect(d.layers).toEqual([]);
  });

  it('leaves words, numbers and hex as opaque values with an entropy estimate', async () => {
    for (const v of ['hello', 'true', '1234567890', 'deadbeefdeadbeefdeadbeefdeadbeef', 'en-US']) {
      const d = await decode('x', v);
      expect(d.format, v).toBeNull();
      expect(d.entropyBits, v).toBeGreaterThan(0);
    }
  });
});

describe('compressed payloads', () => {
  const flaskLike = (payload: Buffer) =>
    `.${base64url(payload)}.${base64url(Buffer.from([0x6a, 0, 0, 0]))}.${'A'.repeat(27)}`;

  it('a zip bomb stops at 1 MB with a clear error (Flask)', async () => {
    const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    const started = performance.now();
    const d = await decode('session', flaskLike(bomb));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(d.format).toBe('flask');
    expect(d.error).toMatch(/exceeds 1048576 bytes.*zip bomb/);
  });

  it('a zip bomb stops at 1 MB with a clear error (Django and the generic chain)', async () => {
    const bomb = deflateSync(Buffer.alloc(20 * 1024 * 1024, 0x7b));
    const django = await decode('sessionid', `.${base64url(bomb)}:1xUudc:${'A'.repeat(43)}`);
    expect(django.format).toBe('django-signed');
    expect(django.error).toMatch(/zip bomb/);
    const generic = await decode('blob', b64(bomb));
    expect(generic.error).toMatch(/zip bomb/);
  });

  it('truncated compressed data is an error, not an exception', async () => {
    const data = deflateSync(Buffer.from(JSON.stringify({ user: 'x'.repeat(500) })));
    const d = await decode('session', flaskLike(data.subarray(0, data.length - 8)));
    expect(d.format).toBe('flask');
    expect(d.error).toMatch(/malformed compressed data/);
  });
});

describe('quoted values', () => {
  it("unquotes Python's http.cookies quoting, octal escapes included, and says so", async () => {
    const d = await decode('prefs', '"{\\"a\\": 1\\054 \\"b\\": \\"x\\073y\\"}"');
    expect(d.layers[0]).toMatchObject({ kind: 'text', label: 'quotes removed' });
    expect(d.data).toEqual({ a: 1, b: 'x;y' });
    expect(d.notes.join(' ')).toMatch(/double quotes/);
  });

  it('a quoted Django signed cookie still decodes and verifies', async () => {
    const f = fixture('django-signed-plain');
    const quoted = cookieOf(f.cookie.name, `"${f.cookie.value}"`);
    expect((await decodeCookieValue(quoted)).data).toEqual(f.payload);
    expect((await verifyCookie(quoted, [], f.secret!)).status).toBe('valid');
  });

  it('a megabyte of quotes is unquoted once, quickly', async () => {
    const started = performance.now();
    const value = '"'.repeat(1024 * 1024);
    await decode('q', value);
    await verifyCookie(cookieOf('q', value), [], 'secret');
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('hostile JSON', () => {
  it('keeps a "__proto__" key as data, never as a prototype', async () => {
    const d = await decode('x', b64('{"__proto__":{"admin":true},"user":"eve"}'));
    const data = d.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'user']);
    expect((data as { admin?: unknown }).admin).toBeUndefined();
  });

  it('cuts nesting deeper than 64 levels so the result can be cloned and serialised', async () => {
    const d = await decode('x', b64(`${'['.repeat(100)}1${']'.repeat(100)}`));
    let node: unknown = d.data;
    let depth = 0;
    while (Array.isArray(node)) {
      node = node[0];
      depth++;
    }
    expect(depth).toBe(64);
    expect(node).toMatch(/too deeply/);
  });
});
