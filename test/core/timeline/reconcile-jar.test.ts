import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { knownFromJar, parseSnapshot, toSnapshot } from '../../../src/core/timeline/known-jar';
import { reconcileJar } from '../../../src/core/timeline/reconcile-jar';
import { cookiesNamed } from '../../fakes/make-cookie';
import { cookie } from './helpers';

const label = (c: { removed: boolean; cause: string; cookie: { name: string; value: string } }) =>
  `${c.cookie.name}=${c.cookie.value} ${c.removed ? 'removed' : 'added'} ${c.cause}`;

describe('reconcileJar', () => {
  const [a, b, c] = cookiesNamed(['a', 'b', 'c'], { value: '1' }, cookie);

  it('finds nothing when the jar equals the last word', () => {
    expect(reconcileJar(knownFromJar([a, b]), [b, a], new Set(), 5).changes).toEqual([]);
  });

  it('adds what the log lacks, re-adds what changed (value or flags), removes what the jar lacks', () => {
    const known = knownFromJar([a, b, c]);
    const jar = [{ ...a, value: '2' }, { ...b, secure: !b.secure }, cookie({ name: 'd', value: '1' })];
    const r = reconcileJar(known, jar, new Set(), 7);
    expect(r.changes.map(label)).toEqual([
      'a=2 added unobserved',
      'b=1 added unobserved',
      'd=1 added unobserved',
      'c= removed unobserved',
    ]);
    expect(r.changes.every((x) => x.time === 7)).toBe(true);
    // The known jar it returns is the jar's, so comparing again finds nothing.
    expect(reconcileJar(r.known, jar, new Set(), 8).changes).toEqual([]);
  });

  it('leaves alone the cookies a change was recorded for while the jar was read', () => {
    const known = knownFromJar([a]);
    const r = reconcileJar(known, [{ ...a, value: 'stale' }], new Set([cookieKey(a), cookieKey(b)]), 1);
    expect(r.changes).toEqual([]);
    expect(r.known.get(cookieKey(a))).toEqual(known.get(cookieKey(a)));
  });

  it('tells two cookies apart by their whole identity, path and store included', () => {
    const known = knownFromJar([a]);
    const r = reconcileJar(known, [a, { ...a, path: '/x' }, { ...a, storeId: '1' }], new Set(), 1);
    expect(r.changes.map((x) => `${x.cookie.path} ${x.cookie.storeId}`)).toEqual(['/x 0', '/ 1']);
  });

  it('keeps its snapshot through storage and reads junk as no snapshot', () => {
    const known = knownFromJar([a, b]);
    const back = parseSnapshot(structuredClone(toSnapshot(known, 12)));
    expect(back?.throughSeq).toBe(12);
    expect(reconcileJar(back!.known, [a, b], new Set(), 1).changes).toEqual([]);
    expect(parseSnapshot({ throughSeq: 'x', cookies: [] })).toBeUndefined();
    expect(parseSnapshot(null)).toBeUndefined();
    expect(parseSnapshot({ throughSeq: 1, cookies: [['f', { name: 1 }], 'junk'] })?.known.size).toBe(0);
  });
});
