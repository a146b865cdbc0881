import { describe, expect, it } from 'vitest';
import { parseCookieEditor } from '../../../src/core/export/cookie-editor';
import type { ImportProblem, ParsedImport } from '../../../src/core/export/import-result';
import { parseCookieJson, writeCookieJson } from '../../../src/core/export/sessionscope-json';
import { parseStorageState } from '../../../src/core/export/storage-state';
import { makeCookie } from '../../fakes/make-cookie';
import { NOW } from './arbitrary-cookie';

/** One file with good and bad entries: how many cookies it keeps, and each problem with where it is and why. */
interface BadFile {
  format: string;
  parse: () => ParsedImport;
  kept: number;
  problems: ImportProblem[];
}

const good = JSON.parse(writeCookieJson([makeCookie()], { version: '1.2.3', exportedAtMs: NOW }).text).cookies[0];

const BAD_FILES: BadFile[] = [
  {
    format: 'Cookie-Editor JSON, entries by number',
    parse: () =>
      parseCookieEditor('[1, {"name":"a","value":"b"}, {"name":"a","value":"b","domain":"x","session":false}]', {
        storeId: '0',
      }),
    kept: 0,
    problems: [
      { where: 'entry 1', reason: 'not a JSON object' },
      { where: 'entry 2', reason: '"domain" should be a string, is missing' },
      { where: 'entry 3', reason: '"expirationDate" is missing for a cookie that is not a session cookie' },
    ],
  },
  {
    format: 'SessionScope cookie JSON, the field at fault, the good entry kept',
    parse: () =>
      parseCookieJson(
        JSON.stringify({
          format: 'sessionscope-cookies',
          schema: 1,
          cookies: [good, { ...good, secure: 'yes' }, { ...good, browserSession: false, expirationDate: null }, 7],
        }),
      ),
    kept: 1,
    problems: [
      { where: 'cookies[1]', reason: '"secure" should be true or false, is "yes"' },
      { where: 'cookies[2]', reason: '"expirationDate" is missing for a cookie that is not a session cookie' },
      { where: 'cookies[3]', reason: 'not a JSON object' },
    ],
  },
  {
    format: 'Playwright storageState, cookies and origins with the field at fault',
    parse: () =>
      parseStorageState(
        JSON.stringify({
          cookies: [
            { name: 'a', value: 1, domain: 'x.test' },
            { name: 'b', value: '', domain: '' },
            { name: 'c', value: '', domain: 'x.test', sameSite: 'lax' },
          ],
          origins: [{ origin: 'https://x.test', localStorage: [{ name: 'k' }] }],
        }),
        { storeId: 'target' },
      ),
    kept: 0,
    problems: [
      { where: 'cookies[0]', reason: '"value" should be a string, is 1' },
      { where: 'cookies[1]', reason: '"domain" is empty' },
      { where: 'cookies[2]', reason: '"sameSite" should be one of "Lax", "Strict", "None", is "lax"' },
      { where: 'origins[0]', reason: 'each localStorage item should be { "name": string, "value": string }' },
    ],
  },
];

describe('import: each bad entry reported with where it is and what is wrong, the good ones kept', () => {
  it.each(BAD_FILES)('$format', ({ parse, kept, problems }) => {
    const r = parse();
    expect(r.cookies).toHaveLength(kept);
    expect(r.problems).toEqual(problems);
  });
});
