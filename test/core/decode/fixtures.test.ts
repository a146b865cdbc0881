import { describe, expect, it } from 'vitest';
import { decodeCookieValue } from '../../../src/core/decode/decode-cookie';
import { allFixtures, cookieAndJar } from '../../fixtures/fixtures';

const fixtures = allFixtures();

/** Whether a page script can read what each format holds, for the formats whose answer does not vary. */
const CLIENT_READABLE: Record<string, boolean> = {
  jwe: false,
  'express-session': false,
  flask: true,
  'django-signed': true,
  'django-db-session': false,
  'php-session': false,
  'rails-encrypted': false,
  laravel: false,
};

describe('cookies made by real frameworks decode to what the framework was given', () => {
  it('has fixtures for every framework', () => {
    const formats = new Set(fixtures.map((f) => f.format));
    for (const f of [
      'express-session',
      'cookie-session',
      'jwt',
      'jwe',
      'flask',
      'django-signed',
      'django-db-session',
      'php-session',
    ]) {
      expect(formats).toContain(f);
    }
  });

  it.each(fixtures.map((f) => [f.id, f] as const))('%s', async (_id, f) => {
    const { cookie, jar } = cookieAndJar(f);
    const d = await decodeCookieValue(cookie, jar);
    expect(d.format).toBe(f.format);
    expect(d.error).toBeUndefined();
    if (f.format in CLIENT_READABLE) expect(d.clientReadable).toBe(CLIENT_READABLE[f.format]);
    switch (f.format) {
      case 'jwt':
        expect(d.jwt?.kind).toBe('jws');
        expect(d.data).toMatchObject(f.payload as object);
        expect(d.hmacSigned).toBe(f.alg!.startsWith('HS'));
        expect(d.jwt?.kind === 'jws' && d.jwt.alg).toBe(f.alg);
        break;
      case 'jwe':
        expect(d.jwt?.kind).toBe('jwe');
        expect(d.data).toBeUndefined();
        break;
      case 'express-session':
        expect(d.data).toMatchObject({ sessionId: f.sessionId });
        expect(d.hmacSigned).toBe(true);
        break;
      case 'flask':
      case 'django-signed': {
        expect(d.data).toEqual(f.payload);
        expect(d.hmacSigned).toBe(true);
        // The issue time is when the fixture was generated: after 2025, not in the future.
        expect(d.issuedAt).toBeGreaterThan(Date.UTC(2025, 0, 1) / 1000);
        expect(d.issuedAt).toBeLessThanOrEqual(Date.now() / 1000);
        const compressed = f.cookie.value.startsWith('.');
        expect(d.layers.some((l) => l.kind === 'zlib')).toBe(compressed);
        break;
      }
      case 'cookie-session':
        expect(d.data).toEqual(f.payload);
        expect(d.hmacSigned).toBe(true);
        break;
      case 'django-db-session':
      case 'php-session':
        expect(d.entropyBits).toBeGreaterThanOrEqual(100);
        break;
      case 'rails-signed':
        expect(d.hmacSigned).toBe(true);
        expect(d.data).toMatchObject({ purpose: `cookie.${f.cookie.name}` });
        if (f.serializer === 'json') {
          expect(d.data).toMatchObject({ message: f.payload });
        } else {
          // Marshal is shown as its strings: the payload's keys and string values are among them.
          expect(d.notes.join(' ')).toMatch(/Ruby Marshal/);
          const strings = JSON.stringify(d.data);
          for (const [k, v] of Object.entries(f.payload as Record<string, string>)) {
            expect(strings).toContain(k);
            expect(strings).toContain(v);
          }
        }
        break;
      case 'rails-encrypted':
        expect(d.notes).toContain('encrypted, needs secret_key_base');
        break;
      case 'laravel':
        // A CBC payload carries an HMAC-SHA256 keyed with APP_KEY; a GCM one carries a tag instead.
        expect(d.hmacSigned).toBe(f.cipher!.endsWith('CBC'));
        expect(d.notes.join(' ')).toMatch(/APP_KEY/);
        break;
      default:
        throw new Error(`untested fixture format ${f.format}`);
    }
  });

  it('has a compressed Flask and a compressed Django fixture', () => {
    expect(fixtures.some((f) => f.format === 'flask' && f.cookie.value.startsWith('.'))).toBe(true);
    expect(fixtures.some((f) => f.format === 'django-signed' && f.cookie.value.startsWith('.'))).toBe(true);
  });
});
