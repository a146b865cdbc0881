import { describe, expect, it, vi } from 'vitest';
import { cookieRows } from '../../src/core/cookie-views';
import { decodedFirstLoad } from '../../src/popup/decoded-first-load';
import { firstRows } from '../../src/popup/first-rows';
import { firstPaintHint } from '../../src/protocol/first-paint-hint';
import { NOW } from '../fakes/clock';
import { reasonJar } from '../fixtures/reason-jar';

const URL = 'https://app.example.com/';

describe('what the popup proper starts from', () => {
  it('decodes the rows the hint painted, from the same cookies at the same clock: the very rows, decoded', async () => {
    const cookies = reasonJar();
    const hint = firstPaintHint(cookies, (await cookieRows(cookies, NOW)).views, '1');
    const rows = await firstRows({ hint: Promise.resolve(hint), version: () => '1', decode: async () => cookieRows })(
      cookies,
      NOW,
    );
    const result = { ok: true as const, tabId: 3, url: URL, cookies };
    const first = await decodedFirstLoad({ tabId: 3, result, t: NOW, rows }, cookieRows);
    const decoded = await cookieRows(cookies, NOW);
    expect(first).toEqual({ tabId: 3, result, t: NOW, rows: decoded });
    expect(first!.rows!.views.map((v) => v.key)).toEqual(rows.views.map((v) => v.key));
  });

  it('hands decoded rows, no rows and no read on as they are, without decoding', async () => {
    const cookies = reasonJar().slice(0, 3);
    const decode = vi.fn(cookieRows);
    const result = { ok: true as const, tabId: 3, url: URL, cookies };
    const rows = await cookieRows(cookies, NOW);
    expect(await decodedFirstLoad({ tabId: 3, result, t: NOW, rows }, decode)).toEqual({
      tabId: 3,
      result,
      t: NOW,
      rows,
    });
    expect(await decodedFirstLoad({ tabId: 3, result, t: NOW }, decode)).toEqual({ tabId: 3, result, t: NOW });
    expect(await decodedFirstLoad(undefined, decode)).toBeUndefined();
    expect(decode).not.toHaveBeenCalled();
  });
});
