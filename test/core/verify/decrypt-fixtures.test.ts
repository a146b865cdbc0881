import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  bytesToUtf8,
  hexToBytes,
  utf8ToBytes,
  type Bytes,
} from '../../../src/core/decode/bytes';
import { MAX_DECRYPTED_CHARS } from '../../../src/core/verify/decrypted-text';
import { pbkdf2 } from '../../../src/core/verify/hmac';
import { verifyCookie } from '../../../src/core/verify/verify-cookie';
import { allFixtures, cookieOf, fixture, type Fixture } from '../../fixtures/fixtures';

const rails = allFixtures().filter((f) => f.format === 'rails-encrypted');
const railsGcm = rails.filter((f) => f.cipher === 'AES-256-GCM');
const laravel = allFixtures().filter((f) => f.format === 'laravel');
const encrypted = [...rails, ...laravel];
const cases = (fs: Fixture[]) => fs.map((f) => [f.id, f] as const);

const verify = (f: Fixture, value: string, secrets: string[], name = f.cookie.name) => {
  const cookie = cookieOf(name, value);
  return verifyCookie(cookie, [cookie], secrets);
};

/** `f` verified with its own secret, under its own cookie name or `name`. */
const verifyOwn = (f: Fixture, name = f.cookie.name) => verify(f, f.cookie.value, [f.secret!], name);

/** The notes on fixture `id`'s value, decrypted with its own secret as the cookie `name` (its own by default). */
async function notesOf(id: string, name?: string): Promise<string> {
  const r = await verifyOwn(fixture(id), name);
  expect(r.status).toBe('valid');
  return r.decrypted!.notes.join(' ');
}

/** Rails' three parts as bytes, and back to a cookie value as the cookie jar writes it. */
const railsParts = (value: string) =>
  decodeURIComponent(value)
    .split('--')
    .map((p) => base64ToBytes(p)!);
const railsValue = (parts: Uint8Array[]) => encodeURIComponent(parts.map((p) => bytesToBase64(p)).join('--'));
/** `f`'s value with bit `bit` of its part `i` (0 ciphertext, 1 iv, 2 tag) flipped. */
function railsBitFlipped(f: Fixture, i: number, bit: number): string {
  const parts = railsParts(f.cookie.value);
  parts[i] = flipBit(parts[i]!, bit);
  return railsValue(parts);
}
/** `f`'s Rails < 5.2 (AES-256-CBC) value with bit `bit` of its part `i` (0 ciphertext, 1 iv, 2 HMAC) flipped. */
function railsCbcBitFlipped(f: Fixture, i: number, bit: number): string {
  const [data, digest] = decodeURIComponent(f.cookie.value).split('--') as [string, string];
  if (i === 2) return encodeURIComponent(`${data}--${bytesToHex(flipBit(hexToBytes(digest)!, bit))}`);
  const inner = bytesToUtf8(base64ToBytes(data)!)!
    .split('--')
    .map((p) => base64ToBytes(p)!);
  inner[i] = flipBit(inner[i]!, bit);
  const tampered = bytesToBase64(utf8ToBytes(inner.map((p) => bytesToBase64(p)).join('--')));
  return encodeURIComponent(`${tampered}--${digest}`);
}

/** Laravel's payload JSON, and back to a cookie value. */
const laravelPayload = (value: string) =>
  JSON.parse(bytesToUtf8(base64ToBytes(decodeURIComponent(value))!)!) as Record<string, string>;
const laravelValue = (payload: Record<string, string>) =>
  encodeURIComponent(bytesToBase64(utf8ToBytes(JSON.stringify(payload))));

function flipBit(bytes: Uint8Array, bit: number): Bytes {
  const out = bytes.slice();
  const at = Math.floor(bit / 8) % out.length;
  out[at] = out[at]! ^ (1 << (bit % 8));
  return out;
}

describe('decrypting real Rails encrypted cookies (ActionDispatch 6.1 cookie jar)', () => {
  it('has fixtures for both key derivations and both serializers', () => {
    expect(rails.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'rails-encrypted',
        'rails-encrypted-sha256-kdf',
        'rails-encrypted-marshal',
        'rails-encrypted-cbc',
      ]),
    );
  });

  it.each(cases(rails))('%s decrypts to the payload with its secret_key_base', async (_id, f) => {
    const r = await verifyOwn(f);
    expect(r).toMatchObject({ status: 'valid', format: 'rails-encrypted', matchedIndex: 0 });
    expect(r.message).toMatch(/authenticated and decrypted with the secret/);
    expect(r.decrypted!.data).toMatchObject({ purpose: `cookie.${f.cookie.name}` });
    expect(r.decrypted!.text).toContain('"_rails"');
    if (f.serializer === 'json') {
      expect(r.decrypted!.data).toMatchObject({ message: f.payload });
    } else {
      expect(r.decrypted!.notes.join(' ')).toMatch(/Ruby Marshal/);
      const strings = JSON.stringify(r.decrypted!.data);
      for (const [k, v] of Object.entries(f.payload as Record<string, string>)) {
        expect(strings).toContain(k);
        expect(strings).toContain(v);
      }
    }
  });

  it.each(cases(allFixtures().filter((f) => f.kdf)))(
    '%s: says which key derivation matched (SHA-1 before Rails 7.0, SHA-256 from 7.0)',
    async (_id, f) => {
      const r = await verifyOwn(f);
      expect(r.status).toBe('valid');
      expect(r.message).toContain(`key derived with ${f.kdf})`);
    },
  );

  it('says which of several secrets matched', async () => {
    const f = fixture('rails-encrypted');
    const r = await verify(f, f.cookie.value, ['old-secret', f.secret!]);
    expect(r).toMatchObject({ status: 'valid', matchedIndex: 1 });
    expect(r.message).toContain('secret #2');
  });

  it.each(cases(rails))('%s fails cleanly with another secret', async (_id, f) => {
    const other = rails.find((x) => x.secret !== f.secret)!.secret!;
    const r = await verify(f, f.cookie.value, [other, 'secret']);
    expect(r).toMatchObject({ status: 'invalid', format: 'rails-encrypted' });
    expect(r.message).toMatch(/authentication failed with any of the 2 secrets/);
    expect(r.decrypted).toBeUndefined();
  });

  it.each([
    ['AES-256-GCM', 'ciphertext', 0],
    ['AES-256-GCM', 'iv', 1],
    ['AES-256-GCM', 'tag', 2],
    ['Rails < 5.2 (AES-256-CBC)', 'ciphertext', 0],
    ['Rails < 5.2 (AES-256-CBC)', 'iv', 1],
    ['Rails < 5.2 (AES-256-CBC)', 'HMAC', 2],
  ] as const)('%s: fails cleanly when one bit of the %s changes', async (cipher, _part, i) => {
    const gcm = cipher === 'AES-256-GCM';
    const f = fixture(gcm ? 'rails-encrypted' : 'rails-encrypted-cbc');
    const r = await verify(f, gcm ? railsBitFlipped(f, i, 5) : railsCbcBitFlipped(f, i, 9), [f.secret!]);
    expect(r).toMatchObject({ status: 'invalid', format: 'rails-encrypted' });
    expect(r.message).toMatch(gcm ? /authentication failed/ : /AES-256-CBC with HMAC.*authentication failed/);
    expect(r.decrypted).toBeUndefined();
  });

  it('notes a value moved to another cookie name: its purpose no longer matches', async () => {
    const own = fixture('rails-encrypted').cookie.name;
    expect(await notesOf('rails-encrypted', 'other')).toContain(`"cookie.${own}" is not this cookie's (cookie.other)`);
  });

  it('asks for a secret when none is given', async () => {
    const f = fixture('rails-encrypted');
    expect(await verify(f, f.cookie.value, [])).toMatchObject({ status: 'unsupported', format: 'rails-encrypted' });
  });

  it('cuts a large plaintext, and says so', async () => {
    // Encrypted here with WebCrypto the way MessageEncryptor does, to reach a size no cookie jar writes.
    const secret = 'bound-test-secret';
    const key = await pbkdf2('SHA-1', utf8ToBytes(secret), utf8ToBytes('authenticated encrypted cookie'), 1000, 32);
    const iv = new Uint8Array(12).fill(7);
    const plain = utf8ToBytes(JSON.stringify({ big: 'x'.repeat(200_000) }));
    const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k, plain));
    const value = railsValue([sealed.subarray(0, -16), iv, sealed.subarray(-16)]);
    const r = await verifyCookie(cookieOf('big', value), [], [secret]);
    expect(r.status).toBe('valid');
    expect(r.decrypted!.text.length).toBe(MAX_DECRYPTED_CHARS);
    expect(r.decrypted!.notes.join(' ')).toMatch(/bytes decrypted: the text is cut/);
  });
});

describe('decrypting real Laravel cookies (illuminate/encryption 8, EncryptCookies)', () => {
  it('has CBC and GCM fixtures', () => {
    expect(new Set(laravel.map((f) => f.cipher))).toEqual(new Set(['AES-256-CBC', 'AES-128-CBC', 'AES-256-GCM']));
  });

  it.each(cases(laravel))('%s decrypts to the payload with its APP_KEY', async (_id, f) => {
    const r = await verifyOwn(f);
    expect(r).toMatchObject({ status: 'valid', format: 'laravel', matchedIndex: 0 });
    const gcm = f.cipher!.endsWith('GCM');
    expect(r.message).toMatch(gcm ? /authenticated and decrypted/ : /MAC verified and decrypted/);
    expect(r.message).toContain(`AES-${f.cipher!.slice(4, 7)}`);
    // EncryptCookies stores `HMAC-SHA1(key, name + "v2") | value`: the prefix is recognised and removed.
    expect(r.decrypted!.text).toMatch(new RegExp(`^[0-9a-f]{40}\\|`));
    expect(r.decrypted!.text.endsWith(`|${f.payload as string}`)).toBe(true);
    expect(r.decrypted!.notes.join(' ')).toMatch(/cookie-name prefix .* bound to this cookie/);
    const plain = f.payload as string;
    if (plain.startsWith('{')) expect(r.decrypted!.data).toEqual(JSON.parse(plain));
    else expect(r.decrypted!.data).toBe(plain);
  });

  it('says what the value is: a session id, the CSRF token', async () => {
    expect(await notesOf('laravel-cbc')).toContain('session id');
    expect(await notesOf('laravel-weak')).toContain('CSRF token');
  });

  it('notes a value moved to another cookie name: the prefix is for another name', async () => {
    expect(await notesOf('laravel-gcm', 'renamed')).toMatch(/made for another cookie name/);
  });

  it.each(cases(laravel))('%s fails cleanly with another APP_KEY', async (_id, f) => {
    const other = laravel.find((x) => x.secret !== f.secret)!.secret!;
    const r = await verify(f, f.cookie.value, [other]);
    expect(r).toMatchObject({ status: 'invalid', format: 'laravel' });
    expect(r.message).toMatch(f.cipher!.endsWith('GCM') ? /authentication failed/ : /the MAC does not match/);
    expect(r.decrypted).toBeUndefined();
  });

  it.each([
    ['laravel-cbc', 'value'],
    ['laravel-cbc', 'iv'],
    ['laravel-cbc', 'mac'],
    ['laravel-gcm', 'value'],
    ['laravel-gcm', 'iv'],
    ['laravel-gcm', 'tag'],
  ])('%s fails cleanly when its %s changes', async (id, field) => {
    const f = fixture(id);
    const payload = laravelPayload(f.cookie.value);
    const old = payload[field]!;
    payload[field] =
      field === 'mac'
        ? old.slice(0, -1) + (old.endsWith('0') ? '1' : '0')
        : bytesToBase64(flipBit(base64ToBytes(old)!, 3));
    const r = await verify(f, laravelValue(payload), [f.secret!]);
    expect(r.status).toBe('invalid');
    expect(r.decrypted).toBeUndefined();
  });
});

describe('decryption never throws and never accepts altered bytes', () => {
  it('on malformed values shaped like the encrypted formats, with any secrets', async () => {
    const b64 = fc.uint8Array({ maxLength: 48 }).map((b) => bytesToBase64(b));
    const railsShaped = fc.array(b64, { minLength: 1, maxLength: 4 }).map((p) => p.join('--'));
    const laravelShaped = fc
      .record({
        iv: b64,
        value: b64,
        mac: fc.oneof(fc.string(), fc.uint8Array({ maxLength: 32 }).map(bytesToHex)),
        tag: fc.oneof(b64, fc.string()),
      })
      .map((p) => laravelValue(p));
    const value = fc.oneof(railsShaped, laravelShaped, fc.constantFrom(...encrypted.map((f) => f.cookie.value)));
    const secrets = fc.array(fc.oneof(fc.string(), fc.constantFrom(...encrypted.map((f) => f.secret!))), {
      maxLength: 3,
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('laravel_session', '_app_session'), value, secrets, async (name, v, s) => {
        const r = await verifyCookie(cookieOf(name, v), [], s);
        expect(['valid', 'invalid', 'unsupported']).toContain(r.status);
        expect(typeof r.message).toBe('string');
        if (r.decrypted) expect(r.decrypted.text.length).toBeLessThanOrEqual(MAX_DECRYPTED_CHARS);
      }),
      { numRuns: 200 },
    );
  });

  it('never decrypts once one bit of a Rails ciphertext, iv or tag changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...railsGcm), fc.nat(2), fc.nat(), async (f, part, bit) => {
        const r = await verify(f, railsBitFlipped(f, part, bit), [f.secret!]);
        expect(r.status).not.toBe('valid');
        expect(r.decrypted).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('never decrypts once one bit of a Laravel iv, value or tag changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...laravel),
        fc.constantFrom('iv', 'value', 'tag'),
        fc.nat(),
        async (f, field, bit) => {
          const payload = laravelPayload(f.cookie.value);
          fc.pre(payload[field] !== '');
          payload[field] = bytesToBase64(flipBit(base64ToBytes(payload[field]!)!, bit));
          const r = await verify(f, laravelValue(payload), [f.secret!]);
          expect(r.status).not.toBe('valid');
          expect(r.decrypted).toBeUndefined();
        },
      ),
      { numRuns: 60 },
    );
  });
});
