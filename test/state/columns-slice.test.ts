import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import {
  createColumnsSlice,
  parseColumnPrefs,
  type ColumnPrefs,
  type ColumnPrefsStore,
} from '../../src/state/columns-slice';

/** A store that keeps what it is given, answering its first load with `stored`. */
function memoryStore(stored: unknown) {
  const saved: ColumnPrefs[] = [];
  let resolveLoad!: (v: unknown) => void;
  const loaded = new Promise<unknown>((r) => (resolveLoad = r));
  const store: ColumnPrefsStore = {
    load: () => loaded,
    save: (prefs) => {
      saved.push(prefs);
      return Promise.resolve();
    },
  };
  return { store, saved, answer: () => resolveLoad(stored) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const hiddenOf = (s: ReturnType<typeof createColumnsSlice>) => [...s.hidden.value].sort();

describe('columns slice', () => {
  it('hides only an empty Partition column in a wide panel, and Partition, Path and Size in a narrow one', () => {
    const narrow = signal(false);
    const partitioned = signal(false);
    const s = createColumnsSlice(narrow, partitioned);
    expect(hiddenOf(s)).toEqual(['partition']);
    partitioned.value = true;
    expect(hiddenOf(s)).toEqual([]);
    narrow.value = true;
    expect(hiddenOf(s)).toEqual(['partition', 'path', 'size']);
    expect(s.layout.value).toBe('narrow');
    expect(s.custom.value).toBe(false);
  });

  it('keeps a choice per layout, saves it, and goes back to the default on reset', async () => {
    const narrow = signal(false);
    const { store, saved, answer } = memoryStore(undefined);
    const s = createColumnsSlice(narrow, signal(true), store);
    answer();
    await settle();
    s.toggle('value');
    s.toggle('flags');
    expect(hiddenOf(s)).toEqual(['flags', 'value']);
    expect(s.custom.value).toBe(true);
    narrow.value = true;
    // The narrow layout has not been chosen: its default.
    expect(hiddenOf(s)).toEqual(['partition', 'path', 'size']);
    s.toggle('size');
    expect(hiddenOf(s)).toEqual(['partition', 'path']);
    await settle();
    expect(saved.at(-1)).toEqual({ wide: ['value', 'flags'], narrow: ['partition', 'path'] });
    narrow.value = false;
    expect(hiddenOf(s)).toEqual(['flags', 'value']);
    s.toggle('value');
    expect(hiddenOf(s)).toEqual(['flags']);
    s.reset();
    expect(hiddenOf(s)).toEqual([]);
    expect(s.custom.value).toBe(false);
    await settle();
    expect(saved.at(-1)).toEqual({ narrow: ['partition', 'path'] });
  });

  it('never hides the Name column', () => {
    const s = createColumnsSlice(signal(false), signal(true));
    s.toggle('name');
    expect(s.hidden.value.has('name')).toBe(false);
    expect(s.custom.value).toBe(false);
  });

  it('applies the stored choice once read; a choice made before it came wins for its layout only', async () => {
    const first = memoryStore({ wide: ['domain', 'expiry'] });
    const a = createColumnsSlice(signal(false), signal(true), first.store);
    expect(hiddenOf(a)).toEqual([]);
    first.answer();
    await settle();
    expect(hiddenOf(a)).toEqual(['domain', 'expiry']);

    const narrow = signal(false);
    const second = memoryStore({ wide: ['domain', 'expiry'], narrow: ['value'] });
    const b = createColumnsSlice(narrow, signal(true), second.store);
    b.toggle('size');
    expect(second.saved).toEqual([]);
    second.answer();
    await settle();
    expect(hiddenOf(b)).toEqual(['size']);
    // The other layout's stored choice is kept, in the panel and in what is written.
    expect(second.saved).toEqual([{ wide: ['size'], narrow: ['value'] }]);
    narrow.value = true;
    expect(hiddenOf(b)).toEqual(['value']);

    const third = memoryStore({ wide: ['domain'] });
    const c = createColumnsSlice(signal(false), signal(true), third.store);
    c.toggle('size');
    c.reset();
    third.answer();
    await settle();
    expect(hiddenOf(c)).toEqual([]);
    expect(third.saved.at(-1)).toEqual({});
  });

  it('reads only the columns it knows from a stored value', () => {
    expect(parseColumnPrefs(undefined)).toEqual({});
    expect(parseColumnPrefs('value')).toEqual({});
    expect(parseColumnPrefs({ wide: 'value', narrow: null })).toEqual({});
    expect(
      parseColumnPrefs({ wide: ['value', 'name', 'nope', 3, 'value', '__proto__'], narrow: [], other: ['size'] }),
    ).toEqual({ wide: ['value'], narrow: [] });
  });

  it('says when a choice could not be kept or the saved one read, and keeps the choice for now', async () => {
    const failing: ColumnPrefsStore = {
      load: () => Promise.reject(new Error('storage is not available')),
      save: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
    };
    const s = createColumnsSlice(signal(false), signal(true), failing);
    await settle();
    expect(s.problem.value).toBe('Could not read the saved columns: Error: storage is not available');
    // Nothing is written over a stored choice that could not be read.
    s.toggle('value');
    await settle();
    expect(s.problem.value).toBe('Could not read the saved columns: Error: storage is not available');
    expect(hiddenOf(s)).toEqual(['value']);

    const absent: ColumnPrefsStore = {
      load: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'local')");
      },
      save: () => Promise.resolve(),
    };
    const a = createColumnsSlice(signal(false), signal(true), absent);
    await settle();
    expect(a.problem.value).toMatch(/^Could not read the saved columns: TypeError/);
    a.toggle('size');
    expect(hiddenOf(a)).toEqual(['size']);

    const refusing: ColumnPrefsStore = {
      load: () => Promise.resolve({}),
      save: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
    };
    const r = createColumnsSlice(signal(false), signal(true), refusing);
    r.toggle('value');
    await settle();
    expect(r.problem.value).toBe(
      'Could not keep this choice after the panel closes: Error: QUOTA_BYTES quota exceeded',
    );
    expect(hiddenOf(r)).toEqual(['value']);
  });
});
