import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCookieHeader } from '../../../src/core/export/cookie-header';
import { detectImportFormat, parseImport } from '../../../src/core/export/detect-format';
import { IMPORT_LIMITS } from '../../../src/core/export/import-result';
import { writeNetscape } from '../../../src/core/export/netscape';
import { writeCookieJson } from '../../../src/core/export/sessionscope-json';
import { writeStorageState } from '../../../src/core/export/storage-state';
import { makeCookie } from '../../fakes/make-cookie';
import { NOW } from './arbitrary-cookie';
import { forAnyCookies } from './for-any-cookies';

/** Text built from the pieces the formats are made of, so the generator reaches every parser's corners. */
const messy = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        '"',
        ':',
        ',',
        '\t',
        '\n',
        '\r',
        '=',
        ';',
        ' ',
        '#HttpOnly_',
        '# Netscape HTTP Cookie File',
      ),
      fc.constantFrom('TRUE', 'FALSE', '0', '-1', '1e400', 'null', 'true', '"cookies"', '"origins"', '"format"'),
      fc.constantFrom('"sessionscope-cookies"', '"schema"', '"name"', '"value"', '"domain"', 'Cookie:', '.x.test', '/'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 60 },
  )
  .map((a) => a.join(''));

describe('detectImportFormat', () => {
  it('recognises each of our exports', () => {
    forAnyCookies(
      (cookies) => {
        expect(detectImportFormat(writeCookieJson(cookies, { version: '1', exportedAtMs: NOW }).text).format).toBe(
          'sessionscope-json',
        );
        expect(detectImportFormat(writeNetscape(cookies).text).format).toBe('netscape');
        expect(detectImportFormat(writeStorageState(cookies, []).text).format).toBe('storage-state');
      },
      { numRuns: 30 },
    );
  });

  it.each([
    ['[{"name":"a","value":"b","domain":"x.test"}]', 'cookie-editor-json'],
    ['  {"cookies":[],"origins":[]}', 'storage-state'],
    ['{"origins":[]}', 'storage-state'],
    ['x.test\tFALSE\t/\tFALSE\t0\ta\tb', 'netscape'],
    ['#HttpOnly_.x.test\tTRUE\t/\tTRUE\t0\ta\tb', 'netscape'],
    ['# HTTP Cookie File\n', 'netscape'],
    ['a=1; b=2', 'cookie-header'],
    ['Cookie: a=1', 'cookie-header'],
    ['a=1; b=2\n', 'cookie-header'],
  ])('%j is %s', (text, format) => {
    expect(detectImportFormat(text)).toEqual({ format });
  });

  it.each([
    ['', /empty/],
    ['{"a":1}', /neither/],
    ['{"a":', /not valid JSON/],
    ['hello world', /not JSON/],
    ['a=1\nb=2', /not JSON/],
  ])('%j is refused with a reason', (text, reason) => {
    const d = detectImportFormat(text);
    expect(d.format).toBeNull();
    expect(d.format === null && d.reason).toMatch(reason);
  });

  it('says where pasted JSON breaks, on the line of the text as pasted, whichever way the format is chosen', () => {
    const text = '\n\n[\n  {"name": "sid", "value": "a",},\n]';
    const where = 'line 4, column 32: expected a name in double quotes, found }: JSON allows no comma before }';
    const detected = detectImportFormat(text);
    expect(detected.format === null && detected.reason).toBe(
      `the input starts like JSON but is not valid JSON: ${where} (e": "sid", "value": "a",▸},)`,
    );
    for (const format of ['cookie-editor-json', 'sessionscope-json', 'storage-state'] as const) {
      const parsed = parseImport(text, { format, storeId: '0' });
      expect(parsed.cookies).toEqual([]);
      expect(parsed.problems).toEqual([
        { where: 'input', reason: expect.stringContaining(`not valid JSON: ${where}`) },
      ]);
    }
  });

  it('never throws and always answers, whatever the input', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const d = detectImportFormat(text);
        expect(d.format === null ? typeof d.reason : typeof d.format).toBe('string');
        const r = parseImport(text, { storeId: '0', url: 'https://a.test/' });
        expect(Array.isArray(r.cookies) && Array.isArray(r.problems)).toBe(true);
      }),
    );
  });

  it('refuses input beyond the size cap without parsing it', () => {
    const d = detectImportFormat('a'.repeat(IMPORT_LIMITS.maxChars + 1));
    expect(d.format === null && d.reason).toMatch(/at most/);
  });
});

describe('parseImport', () => {
  it('detects and parses; an explicit format overrides detection', () => {
    const header = writeCookieHeader([makeCookie({ name: 'a', value: '1' })], 'https://app.example.com/', {
      nowMs: NOW,
    }).text;
    const auto = parseImport(header, { storeId: '0', url: 'https://app.example.com/' });
    expect(auto.format).toBe('cookie-header');
    expect(auto.cookies.map((c) => c.name)).toEqual(['a']);
    const forced = parseImport(header, { storeId: '0', format: 'netscape' });
    expect(forced.format).toBe('netscape');
    expect(forced.cookies).toEqual([]);
    expect(forced.problems[0]?.reason).toMatch(/7 fields/);
  });

  it('says why when the format cannot be told', () => {
    const r = parseImport('hello', { storeId: '0' });
    expect(r.format).toBeNull();
    expect(r.problems[0]?.reason).toMatch(/not JSON/);
  });
});
