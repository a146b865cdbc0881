import { describe, expect, it } from 'vitest';
import { cookieRows } from '../../src/core/cookie-views';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import {
  FIRST_PAINT_HINT_KEY,
  firstPaintHint,
  hintedReasons,
  MAX_HINT_CHARS,
} from '../../src/protocol/first-paint-hint';
import { META_KEY } from '../../src/core/timeline/log-layout';
import { isStageKey } from '../../src/core/timeline/stage-key';
import { NOW } from '../fakes/clock';
import { makeCookie } from '../fakes/make-cookie';
import { reasonJar } from '../fixtures/reason-jar';

describe('the first-paint hint', () => {
  it('gives back, for the same cookies and version, every session reason the decoders found, and no other', async () => {
    const cookies = reasonJar();
    const { views } = await cookieRows(cookies, NOW);
    const hint = firstPaintHint(cookies, views, '1.2.3')!;
    // Stored as storage.session stores it: through JSON.
    const reasons = hintedReasons(JSON.parse(JSON.stringify(hint)), [...cookies].reverse(), '1.2.3')!;
    expect(reasons).toBeDefined();
    for (const v of views) expect(reasons.get(v.key) ?? null).toEqual(v.sessionReason);
    // (The fixtures' jar repeats a few companions under one key, which a browser's jar never does.)
    expect(reasons.size).toBe(new Set(views.filter((v) => v.sessionReason !== null).map((v) => v.key)).size);
    expect(new Set([...reasons.values()].map((r) => r.kind))).toEqual(new Set(['name', 'token', 'format', 'entropy']));
  });

  it('answers for nothing else: another jar, another version, a malformed or missing hint', async () => {
    const cookies = reasonJar();
    const hint = firstPaintHint(cookies, (await cookieRows(cookies, NOW)).views, '1.2.3')!;
    const changed = cookies.map((c, i) => (i === 0 ? { ...c, value: `${c.value}x` } : c));
    expect(hintedReasons(hint, changed, '1.2.3')).toBeUndefined();
    expect(hintedReasons(hint, cookies.slice(1), '1.2.3')).toBeUndefined();
    expect(hintedReasons(hint, cookies, '1.2.4')).toBeUndefined();
    for (const bad of [
      undefined,
      null,
      'hint',
      { ...hint, fingerprint: 7 },
      { ...hint, session: {} },
      { ...hint, session: [['k', 'cookie', 'd']] },
      { ...hint, session: [['k', 'name']] },
      { version: hint.version, fingerprint: hint.fingerprint },
    ]) {
      expect(hintedReasons(bad, cookies, '1.2.3')).toBeUndefined();
    }
  });

  it('is not made when the session cookies would make it larger than its bound; a jar without sessions is tiny', () => {
    const big = makeCookie({ name: 'n'.repeat(4000), value: 'v' });
    const views = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        key: cookieKey({ ...big, path: `/${i}` }),
        sessionReason: { kind: 'name' as const, detail: `name contains "sess" ${i}` },
      }));
    const entry = JSON.stringify(views(1)[0]!.key).length + 40;
    const fits = Math.floor(MAX_HINT_CHARS / entry) - 1;
    const hint = firstPaintHint([big], views(fits), '1');
    expect(hint).toBeDefined();
    expect(JSON.stringify(hint).length).toBeLessThanOrEqual(MAX_HINT_CHARS);
    expect(firstPaintHint([big], views(Math.ceil(MAX_HINT_CHARS / 4000) + 1), '1')).toBeUndefined();
    expect(JSON.stringify(firstPaintHint([big], [{ key: 'k', sessionReason: null }], '1')).length).toBeLessThan(100);
    // Counted as JSON writes them: names full of quotes take twice their length.
    const quoted = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        key: cookieKey({ ...big, name: '"'.repeat(4000), path: `/${i}` }),
        sessionReason: { kind: 'name' as const, detail: 'name contains "sess"' },
      }));
    expect(firstPaintHint([big], quoted(Math.ceil(MAX_HINT_CHARS / 16_000) + 1), '1')).toBeUndefined();
  });

  it('has a key the change log neither uses nor watches (a hint written is no change for the timeline)', () => {
    expect(isStageKey(FIRST_PAINT_HINT_KEY)).toBe(false);
    expect(FIRST_PAINT_HINT_KEY).not.toBe(META_KEY);
  });
});
