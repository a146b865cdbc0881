import { describe, expect, it } from 'vitest';
import { COOKIE_EXPORT_SCHEMA, parseCookieJson, writeCookieJson } from '../../../src/core/export/sessionscope-json';
import { cookieInPartition, makeCookie } from '../../fakes/make-cookie';
import { NOW } from './arbitrary-cookie';
import { expectRoundTrip } from './for-any-cookies';

const OPTS = { version: '1.2.3', exportedAtMs: NOW };

describe('SessionScope cookie JSON', () => {
  it('is lossless: parse(write(cookies)) gives back every cookie exactly, store and partition included', () => {
    expectRoundTrip((cookies) => parseCookieJson(writeCookieJson(cookies, OPTS).text));
  });

  it('writes the documented envelope with the schema version', () => {
    const cookie = cookieInPartition('https://a.test');
    const doc = JSON.parse(writeCookieJson([cookie], OPTS).text);
    expect(doc).toMatchObject({
      format: 'sessionscope-cookies',
      schema: COOKIE_EXPORT_SCHEMA,
      generator: { name: 'SessionScope', version: '1.2.3' },
      exportedAt: new Date(NOW).toISOString(),
    });
    // Every field as given; what is absent is written as null.
    expect(doc.cookies[0]).toEqual({
      ...cookie,
      expirationDate: null,
      partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: null },
    });
  });

  it('keeps a session cookie a session cookie (never exported with an expiry)', () => {
    const doc = JSON.parse(writeCookieJson([makeCookie({ browserSession: true, expirationDate: 99 })], OPTS).text);
    expect(doc.cookies[0]).toMatchObject({ browserSession: true, expirationDate: null });
  });

  it('refuses a newer schema and other documents as a whole, with the reason', () => {
    expect(parseCookieJson('{"format":"sessionscope-cookies","schema":2,"cookies":[]}').problems[0]?.reason).toMatch(
      /schema 2 is newer/,
    );
    expect(parseCookieJson('{"cookies":[]}').problems[0]?.reason).toMatch(/"format"/);
    expect(parseCookieJson('[1]').problems[0]?.reason).toBe('not a JSON object');
    expect(parseCookieJson('nope').problems[0]?.reason).toMatch(/^not valid JSON: line 1, column 1: expected a value/);
  });
});
