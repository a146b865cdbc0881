import { describe, expect, it } from 'vitest';
import { nextSort, sortCookies } from '../../../src/core/cookie/cookie-sort';
import { DAY, NOW, finding, record, sid, view } from '../../ui/fixtures';

const a = view(record({ name: 'b_sid', value: 'zzz', domain: '.example.org', hostOnly: false, httpOnly: true }), {
  sessionReason: sid,
  findings: [finding({ severity: 'medium' })],
});
const b = view(
  record({ name: 'a_pref', value: 'x'.repeat(300), browserSession: false, expirationDate: NOW / 1000 + DAY }),
);
const c = view(
  record({
    name: 'c_track',
    value: 'AbC',
    browserSession: false,
    expirationDate: NOW / 1000 + 30 * DAY,
    secure: false,
  }),
  { findings: [finding({ severity: 'low' }), finding({ severity: 'critical' })] },
);
const all = [a, b, c];
const names = (l: typeof all) => l.map((v) => v.cookie.name);

describe('sortCookies', () => {
  it('keeps the analysis order without a column', () => {
    expect(names(sortCookies(all, { column: null, dir: 'asc' }))).toEqual(['b_sid', 'a_pref', 'c_track']);
  });

  it('sorts by name both ways', () => {
    expect(names(sortCookies(all, { column: 'name', dir: 'asc' }))).toEqual(['a_pref', 'b_sid', 'c_track']);
    expect(names(sortCookies(all, { column: 'name', dir: 'desc' }))).toEqual(['c_track', 'b_sid', 'a_pref']);
  });

  it('puts session cookies after dated ones by expiry', () => {
    expect(names(sortCookies(all, { column: 'expiry', dir: 'asc' }))).toEqual(['a_pref', 'c_track', 'b_sid']);
  });

  it('sorts by size, and by domain without the leading dot', () => {
    expect(names(sortCookies(all, { column: 'size', dir: 'desc' }))[0]).toBe('a_pref');
    const d = view(record({ name: 'd', domain: 'aaa.example.com' }));
    expect(names(sortCookies([a, d], { column: 'domain', dir: 'asc' }))).toEqual(['d', 'b_sid']);
  });

  it('puts the worst findings first ascending, and the weakest flags first', () => {
    expect(names(sortCookies(all, { column: 'findings', dir: 'asc' }))).toEqual(['c_track', 'b_sid', 'a_pref']);
    expect(names(sortCookies(all, { column: 'flags', dir: 'asc' }))[0]).toBe('c_track');
  });

  it('flips the direction on the same column and starts ascending on a new one', () => {
    expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' });
    expect(nextSort({ column: 'name', dir: 'desc' }, 'size')).toEqual({ column: 'size', dir: 'asc' });
  });
});
