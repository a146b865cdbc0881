import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_SLOTS, outOfOrder, placeRows, type RowSlots } from '../../src/ui/row-slots';

const keysOf = (placed: RowSlots) => placed.slots.map((s) => s.key);
const idOf = (placed: RowSlots, key: string) => placed.slots.find((s) => s.key === key)?.id;
/** Each slot in element order as `id:key@place`. */
const layout = (placed: RowSlots) => placed.slots.map((s) => `${s.id}:${s.key}@${s.at}`).join(' ');

describe('placeRows', () => {
  it('keeps a key still drawn in its slot, gives the freed slots to new keys in list order, in element order', () => {
    const first = placeRows(NO_SLOTS, ['a', 'b', 'c', 'd']);
    expect(layout(first)).toBe('0:a@0 1:b@1 2:c@2 3:d@3');
    expect(outOfOrder(first)).toBe(false);
    // b and d stay (now first and third); a and c leave; x and y come, into a's and c's slots.
    const next = placeRows(first, ['b', 'x', 'd', 'y']);
    expect(layout(next)).toBe('0:x@1 1:b@0 2:y@3 3:d@2');
    expect(outOfOrder(next)).toBe(true);
    // In order: the same slots (same ids for the same keys), moved to their items' places.
    const settled = placeRows(next, ['b', 'x', 'd', 'y'], true);
    expect(layout(settled)).toBe('1:b@0 0:x@1 3:d@2 2:y@3');
    expect(outOfOrder(settled)).toBe(false);
  });

  it('adds slots at the end for more keys and drops the freed ones for fewer', () => {
    const first = placeRows(NO_SLOTS, ['a', 'b']);
    const more = placeRows(first, ['c', 'b', 'd']);
    expect(layout(more)).toBe('0:c@0 1:b@1 2:d@2');
    expect(more.nextId).toBe(3);
    const fewer = placeRows(more, ['d']);
    expect(layout(fewer)).toBe('2:d@0');
    expect(placeRows(fewer, []).slots).toEqual([]);
  });

  const keyList = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { maxLength: 20 });

  it('for any two renders: every key drawn once at its place, kept keys keep their slot, ids never reused', () => {
    fc.assert(
      fc.property(keyList, keyList, fc.boolean(), (before, after, inOrder) => {
        const prev = placeRows(NO_SLOTS, before);
        const next = placeRows(prev, after, inOrder);
        expect([...keysOf(next)].sort()).toEqual([...after].sort());
        for (const s of next.slots) expect(s.at).toBe(after.indexOf(s.key));
        const ids = next.slots.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const key of after) if (before.includes(key)) expect(idOf(next, key)).toBe(idOf(prev, key));
        // A new id only where there were not enough slots; ids of dropped slots are not given out again.
        const fresh = ids.filter((id) => id >= prev.nextId).length;
        expect(fresh).toBe(Math.max(0, after.length - before.length));
        expect(next.nextId).toBe(prev.nextId + fresh);
        if (inOrder) expect(outOfOrder(next)).toBe(false);
      }),
    );
  });
});
