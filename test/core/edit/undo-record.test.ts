import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { undoConflicts, undoRecord, undoSteps, type UndoStep } from '../../../src/core/edit/undo-record';
import { cookieInPartition, makeCookie } from '../../fakes/make-cookie';
import { browserCookie, cookieJar } from '../export/arbitrary-cookie';

/** Applies writes to a jar keyed by identity, as the browser would. */
function apply(jar: readonly CookieRecord[], steps: readonly UndoStep[]): CookieRecord[] {
  const m = new Map(jar.map((c) => [cookieKey(c), c]));
  for (const s of steps) {
    if (s.kind === 'set') m.set(cookieKey(s.cookie), s.cookie);
    else m.delete(cookieKey(s.cookie));
  }
  return [...m.values()];
}

const sorted = (jar: readonly CookieRecord[]) => [...jar].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));

describe('undo record', () => {
  it('restores the jar exactly after any set of writes (identity, every attribute, store, partition)', () => {
    fc.assert(
      fc.property(
        cookieJar(8),
        fc.array(fc.tuple(fc.nat(), browserCookie, fc.constantFrom('edit', 'delete', 'create')), { maxLength: 8 }),
        (initial, actions) => {
          let jar = [...initial];
          const entries: Array<{ before: CookieRecord | null; after: CookieRecord | null }> = [];
          for (const [i, fresh, kind] of actions) {
            const target = jar.length > 0 ? jar[i % jar.length]! : null;
            if (kind === 'edit' && target) {
              const after = { ...target, value: `${target.value}x`, httpOnly: !target.httpOnly };
              entries.push({ before: target, after });
              jar = apply(jar, [{ kind: 'set', cookie: after }]);
            } else if (kind === 'delete' && target) {
              entries.push({ before: target, after: null });
              jar = apply(jar, [{ kind: 'remove', cookie: target }]);
            } else {
              const before = jar.find((c) => cookieKey(c) === cookieKey(fresh)) ?? null;
              entries.push({ before, after: fresh });
              jar = apply(jar, [{ kind: 'set', cookie: fresh }]);
            }
          }
          const record = undoRecord('test', 0, entries);
          expect(sorted(apply(jar, undoSteps(record)))).toStrictEqual(sorted(initial));
        },
      ),
    );
  });

  it('is a copy: later changes to the caller’s objects do not alter it', () => {
    const before = cookieInPartition('https://a.test');
    const record = undoRecord('edit', 1, [{ before, after: makeCookie({ value: 'new' }) }]);
    before.value = 'mutated';
    before.partitionKey!.topLevelSite = 'https://b.test';
    expect(undoSteps(record)).toEqual([{ kind: 'set', cookie: cookieInPartition('https://a.test') }]);
  });

  it('a rename is undone by removing the new name and restoring the old', () => {
    const old = makeCookie({ name: 'a' });
    const renamed = makeCookie({ name: 'b' });
    const steps = undoSteps(
      undoRecord('rename', 1, [
        { before: old, after: null },
        { before: null, after: renamed },
      ]),
    );
    expect(steps).toEqual([
      { kind: 'remove', cookie: renamed },
      { kind: 'set', cookie: old },
    ]);
  });

  it('finds what changed since the action, so the caller can ask before undoing over it', () => {
    const after = makeCookie({ value: 'mine' });
    const record = undoRecord('edit', 1, [{ before: makeCookie({ value: 'old' }), after }]);
    expect(undoConflicts(record, [after])).toEqual([]);
    expect(undoConflicts(record, [makeCookie({ value: 'site rotated it' })])).toHaveLength(1);
    expect(undoConflicts(record, [])).toHaveLength(1);
  });
});
