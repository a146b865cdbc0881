import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import type { ChangeLogEntry } from '../../../src/core/timeline/change-log-entry';
import {
  cookieLoginSignals,
  loginsWithoutRotation,
  OWN_WRITE_ECHO_MS,
  tokenIdentity,
  type LoginSignal,
} from '../../../src/core/session/login-rotation';
import { makeCookie } from '../../fakes/make-cookie';
import { entryMaker } from '../../fakes/make-entry';
import { makeJwt } from '../../fakes/make-jwt';

// One second between entries: longer than a cookie signal's grace.
const isSid = (c: { name: string }) => c.name === 'sid';
/** The session ids that kept their value across a login the cookie log itself shows. */
const keptIds = (entries: ChangeLogEntry[]) => loginsWithoutRotation(entries, cookieLoginSignals(entries), isSid);
const alice = makeJwt({ sub: 'alice', role: 'user' });
const aliceAdmin = makeJwt({ sub: 'alice', role: 'admin' });
const bob = makeJwt({ sub: 'bob', roles: ['user', 'ops'] });

describe('tokenIdentity', () => {
  it('reads the subject and the role of a JWT, and nothing from other values', () => {
    expect(tokenIdentity(alice)).toBe('sub alice, role user');
    expect(tokenIdentity(bob)).toBe('sub bob, role user,ops');
    expect(tokenIdentity(makeJwt({ iat: 1 }))).toBe('sub ?');
    expect(tokenIdentity('s%3Aabc.sig')).toBeUndefined();
  });

  it('bounds what a hostile claim can make it say', () => {
    const long = makeJwt({ sub: 'x'.repeat(10_000), roles: Array.from({ length: 1_000 }, () => 'r'.repeat(500)) });
    expect(tokenIdentity(long)!.length).toBeLessThan(80 * 10);
  });
});

describe('cookieLoginSignals', () => {
  it('sees a JWT cookie appear, and its subject or role change, but not the same token set again', () => {
    const entry = entryMaker(1_000);
    const signals = cookieLoginSignals([
      entry('sid', 'anon'),
      entry('auth', alice),
      entry('auth', alice),
      entry('auth', aliceAdmin),
      entry('auth', aliceAdmin, { removed: true }),
      entry('auth', bob),
      entry('theme', 'dark'),
    ]);
    expect(signals.map((s) => [s.seq, s.what])).toEqual([
      [2, 'a JWT (sub alice, role user) appeared in cookie auth'],
      [4, 'the JWT in cookie auth changed from sub alice, role user to sub alice, role admin'],
      [6, 'a JWT (sub bob, role user,ops) appeared in cookie auth'],
    ]);
  });

  it('sees no login in a JWT cookie written again as it was (an overwrite, then a set of the same token)', () => {
    const entry = entryMaker(1_000);
    const entries = [
      entry('sid', 'anon'),
      entry('theme', 'dark'),
      entry('auth', alice),
      entry('auth', alice, { removed: true, cause: 'overwrite' }),
      entry('auth', alice),
    ];
    expect(cookieLoginSignals(entries).map((s) => s.seq)).toEqual([3]);
    // sid was set before auth's one login, which the rewrite does not move: it is reported at that login.
    expect(keptIds(entries).map((k) => k.login.seq)).toEqual([3]);
    // Written again before any login: still no login after sid's value.
    const rewritten = [
      entry('auth', alice),
      entry('sid', 'anon-2'),
      entry('auth', alice, { removed: true, cause: 'overwrite' }),
      entry('auth', alice),
    ];
    expect(keptIds(rewritten)).toEqual([]);
  });
});

describe("SessionScope's own writes are no login", () => {
  it("sees no login in a token the user wrote from SessionScope, or that SessionScope's guard put back", () => {
    const entry = entryMaker(1_000);
    const entries = [
      entry('sid', 'anon'),
      entry('theme', 'dark'),
      // The user pastes another user's token into auth: the browser's event, then SessionScope's own entry.
      entry('auth', bob),
      entry('auth', bob, { cause: 'edited' }),
      // A protected auth put back after the site changed it: the site's change is a login, the put-back is not.
      entry('auth', alice),
      entry('theme', 'light'),
      entry('theme', 'dark'),
      entry('auth', bob, { cause: 'protected' }),
    ];
    expect(cookieLoginSignals(entries).map((s) => s.seq)).toEqual([5]);
  });

  it("still sees the site's own token, even the same one, when it comes later than a write's echo", () => {
    const at = (seq: number, time: number, value: string, cause: ChangeLogEntry['cause'] = 'explicit') =>
      ({ seq, time, cause, removed: false, cookie: makeCookie({ name: 'auth', value }) }) as ChangeLogEntry;
    const entries = [at(1, 10_000, alice, 'edited'), at(0, 10_500, alice)];
    // Logged in either order within the echo: no login.
    expect(cookieLoginSignals(entries)).toEqual([]);
    const later = [at(0, 10_000, alice, 'edited'), at(1, 10_000 + OWN_WRITE_ECHO_MS + 1, bob), at(2, 60_000, alice)];
    expect(cookieLoginSignals(later).map((s) => s.seq)).toEqual([1, 2]);
  });
});

describe('loginsWithoutRotation (OWASP WSTG-SESS-03 from the timeline)', () => {
  it('reports a session id that keeps its value across a login, with the entry that set it and the login', () => {
    const entry = entryMaker(1_000);
    const entries = [entry('sid', 'anon-1'), entry('theme', 'dark'), entry('auth', alice)];
    const found = keptIds(entries);
    expect(found).toHaveLength(1);
    expect(found[0]!.finding).toMatchObject({
      ruleId: 'session-not-rotated',
      severity: 'high',
      cookieKey: cookieKey(makeCookie({ name: 'sid' })),
    });
    expect(found[0]!.finding.detail).toContain('sid kept the value');
    expect(found[0]!.setSeq).toBe(1);
    expect(found[0]!.login.seq).toBe(3);
  });

  it('sees through a login that re-sends the same id (an overwrite, then a set of the same value)', () => {
    const entry = entryMaker(1_000);
    const entries = [
      entry('sid', 'anon-1'),
      entry('theme', 'dark'),
      entry('auth', alice),
      entry('sid', 'anon-1', { removed: true, cause: 'overwrite' }),
      entry('sid', 'anon-1'),
    ];
    const found = keptIds(entries);
    // The value the id still has was given by the first entry, before the login.
    expect(found.map((f) => f.setSeq)).toEqual([1]);
  });

  it.each<[string, (entry: ReturnType<typeof entryMaker>) => ChangeLogEntry[]]>([
    [
      'when the id is renewed at the login, even reported as a removal then a set',
      (entry) => [
        entry('sid', 'anon-1'),
        entry('auth', alice),
        entry('sid', 'anon-1', { removed: true, cause: 'overwrite' }),
        entry('sid', 'user-2'),
      ],
    ],
    [
      // A removal of its own (not an overwrite) still ends the value: set again after the login, it is new.
      'when the id was removed (not overwritten) before the login and set again after it',
      (entry) => [
        entry('sid', 'anon-1'),
        entry('theme', 'dark'),
        entry('sid', 'anon-1', { removed: true, cause: 'explicit' }),
        entry('auth', alice),
        entry('sid', 'anon-1'),
      ],
    ],
    ['without a login', (entry) => [entry('sid', 'anon-1'), entry('theme', 'dark')]],
    [
      'when the id was removed',
      (entry) => [entry('sid', 'anon-1'), entry('auth', alice), entry('sid', 'anon-1', { removed: true })],
    ],
    ['when the id was set only after the login', (entry) => [entry('auth', bob), entry('sid', 'user-3')]],
  ])('is quiet %s', (_when, entries) => {
    expect(keptIds(entries(entryMaker(1_000)))).toEqual([]);
  });

  it('counts a renewal within the grace before a late-seen login as renewed at it', () => {
    const entry = entryMaker(1_000);
    const entries = [entry('sid', 'anon-1'), entry('sid', 'user-2')];
    // A token read from web storage at the next poll: seen 2.5 s after the id was renewed at 2 s.
    const storage: LoginSignal = { time: 4_500, what: 'a JWT appeared in localStorage token', graceMs: 3_000 };
    expect(loginsWithoutRotation(entries, [storage], isSid)).toEqual([]);
    // Seen long after: the id set at 2 s was there before the login, and kept.
    const late: LoginSignal = { ...storage, time: 9_000 };
    expect(loginsWithoutRotation(entries, [late], isSid).map((f) => f.setSeq)).toEqual([2]);
  });

  it('leaves alone a session id the log never saw set, and reports each kept id once', () => {
    const entry = entryMaker(1_000);
    const entries = [entry('sid', 'a'), entry('auth', alice), entry('auth', bob)];
    const logins = cookieLoginSignals(entries);
    expect(logins).toHaveLength(2);
    expect(loginsWithoutRotation(entries, logins, isSid)).toHaveLength(1);
    expect(loginsWithoutRotation(entries.slice(1), logins, isSid)).toEqual([]);
  });
});
