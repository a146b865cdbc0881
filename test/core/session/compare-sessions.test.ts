import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../../src/core/analyze-site';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { compareSessions } from '../../../src/core/session/compare-sessions';
import type { SessionSnapshot } from '../../../src/core/session/session-snapshot';
import { makeCookie } from '../../fakes/make-cookie';

const URL = 'https://app.example.com/';
const snap = (...cookies: CookieRecord[]): SessionSnapshot => ({ url: URL, takenAtMs: 0, cookies });
const sid = (value: string, over: Partial<CookieRecord> = {}) => makeCookie({ name: 'connect.sid', value, ...over });
const lang = makeCookie({ name: 'lang', value: 'en' });

describe('compareSessions: login (WSTG-SESS-03)', () => {
  it('reports session-not-rotated (high) for a session id that keeps its value across the login', async () => {
    const before = snap(sid('s%3Aabc.sig'), lang);
    const result = await compareSessions(before, snap(sid('s%3Aabc.sig'), lang), 'login');
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.cookieKey])).toEqual([
      ['session-not-rotated', 'high', cookieKey(sid(''))],
    ]);
    expect(result.findings[0]!.detail).toMatch(/connect\.sid/);
    expect(result.changes).toEqual([expect.objectContaining({ name: 'connect.sid', fate: 'kept' })]);
  });

  it('is quiet when the id changes, and when there was no id before the login', async () => {
    const rotated = await compareSessions(snap(sid('s%3Aold.sig')), snap(sid('s%3Anew.sig')), 'login');
    expect(rotated.findings).toEqual([]);
    expect(rotated.changes.map((c) => c.fate)).toEqual(['changed']);
    const fresh = await compareSessions(snap(lang), snap(lang, sid('s%3Anew.sig')), 'login');
    expect(fresh.findings).toEqual([]);
    expect(fresh.changes.map((c) => c.fate)).toEqual(['added']);
  });

  it('ignores cookies that do not identify a session, even when they keep their value', async () => {
    expect((await compareSessions(snap(lang), snap(lang), 'login')).findings).toEqual([]);
  });

  it('tells two cookies of the same name apart by path: only the kept one is reported', async () => {
    const a = sid('s%3Aa.sig', { path: '/' });
    const b = sid('s%3Ab.sig', { path: '/admin' });
    const result = await compareSessions(snap(a, b), snap(a, sid('s%3Ac.sig', { path: '/admin' })), 'login');
    expect(result.findings.map((f) => f.cookieKey)).toEqual([cookieKey(a)]);
  });
});

describe('compareSessions: logout (WSTG-SESS-06)', () => {
  it('reports session-not-cleared (medium) for a session id still stored with its value', async () => {
    const result = await compareSessions(snap(sid('s%3Aabc.sig')), snap(sid('s%3Aabc.sig')), 'logout');
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['session-not-cleared', 'medium']]);
  });

  it('is quiet when the cookie is removed, emptied, or replaced by a new id', async () => {
    for (const after of [snap(), snap(sid('')), snap(sid('s%3Afresh.sig'))]) {
      expect((await compareSessions(snap(sid('s%3Aabc.sig')), after, 'logout')).findings).toEqual([]);
    }
    const gone = await compareSessions(snap(sid('s%3Aabc.sig')), snap(), 'logout');
    expect(gone.changes.map((c) => c.fate)).toEqual(['removed']);
  });
});

describe('behaviour findings in analyzeSite', () => {
  it('count towards the grade, attach to their cookie, and go to the site when the cookie is gone', async () => {
    const cookie = sid('s%3Aabc.sig');
    const { findings } = await compareSessions(snap(cookie), snap(cookie), 'login');
    const plain = await analyzeSite(URL, [cookie], 0);
    const withBehaviour = await analyzeSite(URL, [cookie], 0, { behaviour: findings });
    expect(withBehaviour.audit.score).toBeLessThan(plain.audit.score);
    expect(withBehaviour.cookies[0]!.findings.map((f) => f.ruleId)).toContain('session-not-rotated');
    const cleared = await analyzeSite(URL, [lang], 0, { behaviour: findings });
    expect(cleared.siteFindings!.map((f) => f.ruleId)).toEqual(['session-not-rotated']);
  });
});
