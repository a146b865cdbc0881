import { describe, expect, it } from 'vitest';
import { createFirstPaintHintWriter } from '../../src/background/first-paint-hint-writer';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import { FIRST_PAINT_HINT_KEY, hintedReasons } from '../../src/protocol/first-paint-hint';
import { FakeStorageArea } from '../fakes/fake-storage';
import { makeCookie } from '../fakes/make-cookie';

const sid = makeCookie({ name: 'sid', value: 'abc' });
const theme = makeCookie({ name: 'theme', value: 'dark' });
const reason = { kind: 'name' as const, detail: 'known session name sid' };
const views = (cookies: ReturnType<typeof makeCookie>[]) =>
  cookies.map((c) => ({ key: cookieKey(c), sessionReason: c.name === 'sid' ? reason : null }));

function setup() {
  const store = new FakeStorageArea();
  const errors: unknown[] = [];
  const writer = createFirstPaintHintWriter({ store, version: () => '0.1.0', onError: (e) => errors.push(e) });
  return { store, errors, writer };
}

describe('the background leaves its session reasons for the popup', () => {
  it('keeps the latest analysis only, which answers for its own cookies', async () => {
    const { store, writer } = setup();
    writer.analysed([sid], views([sid]));
    writer.analysed([sid, theme], views([sid, theme]));
    await writer.settled();
    const kept = store.snapshot()[FIRST_PAINT_HINT_KEY];
    expect(hintedReasons(kept, [sid], '0.1.0')).toBeUndefined();
    expect([...hintedReasons(kept, [theme, sid], '0.1.0')!]).toEqual([[cookieKey(sid), reason]]);
  });

  it('removes the hint before it when the new one would be too large to keep', async () => {
    const { store, writer } = setup();
    writer.analysed([sid], views([sid]));
    await writer.settled();
    expect(store.snapshot()[FIRST_PAINT_HINT_KEY]).toBeDefined();
    const huge = Array.from({ length: 40 }, (_, i) => makeCookie({ name: `sid${'x'.repeat(4000)}${i}` }));
    writer.analysed(
      huge,
      huge.map((c) => ({ key: cookieKey(c), sessionReason: reason })),
    );
    await writer.settled();
    expect(FIRST_PAINT_HINT_KEY in store.snapshot()).toBe(false);
  });

  it('writes nothing when the analysis gives the hint already written (the badge recounts the same jar often)', async () => {
    const { store, writer } = setup();
    writer.analysed([sid, theme], views([sid, theme]));
    writer.analysed([theme, sid], views([theme, sid]));
    writer.analysed([sid, theme], views([sid, theme]));
    await writer.settled();
    expect(store.calls.filter((c) => c.op === 'set')).toHaveLength(1);
    writer.analysed([sid], views([sid]));
    await writer.settled();
    expect(store.calls.filter((c) => c.op === 'set')).toHaveLength(2);
  });

  it('reports a refused write and goes on writing the next ones, the same hint again too', async () => {
    const { store, errors, writer } = setup();
    store.failWrites(new Error('QUOTA_BYTES quota exceeded'), 1);
    writer.analysed([sid], views([sid]));
    writer.analysed([theme], views([theme]));
    await writer.settled();
    expect(errors.map(String)).toEqual(['Error: QUOTA_BYTES quota exceeded']);
    expect(hintedReasons(store.snapshot()[FIRST_PAINT_HINT_KEY], [theme], '0.1.0')).toEqual(new Map());
    store.failWrites(new Error('QUOTA_BYTES quota exceeded'), 1);
    writer.analysed([sid], views([sid]));
    await writer.settled();
    writer.analysed([sid], views([sid]));
    await writer.settled();
    expect(errors).toHaveLength(2);
    expect(hintedReasons(store.snapshot()[FIRST_PAINT_HINT_KEY], [sid], '0.1.0')?.size).toBe(1);
  });
});
