import { describe, expect, it, vi } from 'vitest';
import { cookieRows } from '../../src/core/cookie-views';
import { DECODERS_MARK, firstRows, readFirstPaintHint } from '../../src/popup/first-rows';
import { FIRST_PAINT_HINT_KEY, firstPaintHint } from '../../src/protocol/first-paint-hint';
import { NOW } from '../fakes/clock';
import { reasonJar } from '../fixtures/reason-jar';

const strip = (views: ReadonlyArray<object>) =>
  views.map((v) => {
    const { decoded: _, ...rest } = v as { decoded?: unknown };
    return rest;
  });

async function hinted(version = '1.0.0') {
  const cookies = reasonJar();
  return { cookies, hint: firstPaintHint(cookies, (await cookieRows(cookies, NOW)).views, version) };
}

describe("the first paint's rows", () => {
  it('from the hint for these very cookies: the decoded rows, in their order, without decoding anything', async () => {
    const { cookies, hint } = await hinted();
    const decode = vi.fn(async () => cookieRows);
    const mark = vi.fn();
    const rows = await firstRows({ hint: Promise.resolve(hint), version: () => '1.0.0', decode, mark })(cookies, NOW);
    expect(decode).not.toHaveBeenCalled();
    expect(mark).not.toHaveBeenCalled();
    expect(rows.decoded).toBeUndefined();
    expect(rows.views).toEqual(strip((await cookieRows(cookies, NOW)).views));
    // The jar is one where most sessions are found only by decoding: the order is the decoders', not the names'.
    expect(rows.views.filter((v) => v.sessionReason?.kind === 'format').length).toBeGreaterThan(3);
  });

  it('decoded first when the hint does not answer: another jar, another version, none, or a failed read', async () => {
    const { cookies, hint } = await hinted();
    const changed = cookies.map((c, i) => (i === 0 ? { ...c, httpOnly: !c.httpOnly } : c));
    const cases: Array<[Promise<unknown>, string, typeof cookies]> = [
      [Promise.resolve(hint), '1.0.0', changed],
      [Promise.resolve(hint), '1.0.1', cookies],
      [Promise.resolve(undefined), '1.0.0', cookies],
      [Promise.reject(new Error('storage.session is not available')), '1.0.0', cookies],
    ];
    for (const [read, version, jar] of cases) {
      const decode = vi.fn(async () => cookieRows);
      const mark = vi.fn();
      const rows = await firstRows({ hint: read, version: () => version, decode, mark })(jar, NOW);
      expect(decode).toHaveBeenCalledTimes(1);
      expect(mark).toHaveBeenCalledExactlyOnceWith(DECODERS_MARK);
      expect(rows).toEqual(await cookieRows(jar, NOW));
    }
  });

  it('reads the hint under its key; a failed read or no storage.session is no hint, never an error', async () => {
    const get = vi.fn(async (key: string) => ({ [key]: 'the hint' }));
    expect(await readFirstPaintHint(get)).toBe('the hint');
    expect(get).toHaveBeenCalledExactlyOnceWith(FIRST_PAINT_HINT_KEY);
    expect(await readFirstPaintHint(async () => ({}))).toBeUndefined();
    expect(await readFirstPaintHint(() => Promise.reject(new Error('storage is gone')))).toBeUndefined();
    const noArea = (): Promise<Record<string, unknown>> => {
      throw new TypeError("Cannot read properties of undefined (reading 'get')");
    };
    expect(await readFirstPaintHint(noArea)).toBeUndefined();
  });
});
