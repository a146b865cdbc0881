// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieRows } from '../../src/core/cookie-views';
import { firstPaint, type FirstPaintDeps } from '../../src/popup/first-paint';
import { FIRST_PAINT_MARKS } from '../../src/popup/first-paint-marks';
import type { TabCookiesResult } from '../../src/protocol/messages';
import { NOW, record } from '../ui/fixtures';

const URL = 'https://app.example.com/';

afterEach(() => document.body.replaceChildren());

function deps(result: TabCookiesResult | Error, over: Partial<FirstPaintDeps> = {}) {
  const loadTabCookies = vi.fn(async () => {
    if (result instanceof Error) throw result;
    return result;
  });
  const activeTab = vi.fn(async () => ({ id: 7 }));
  return { tabId: undefined, activeTab, loadTabCookies, rows: cookieRows, now: () => NOW, ...over };
}

const rowNames = (root: Element) =>
  [...root.querySelectorAll<HTMLElement>('[data-testid="cookie-row"]')].map((r) => r.dataset.name);

describe('firstPaint', () => {
  it("reads the active tab's cookies once and paints them session-first, returning what it read", async () => {
    const cookies = [record({ name: 'zz_lang' }), record({ name: 'sid', value: 'abc' }), record({ name: 'aaa' })];
    const d = deps({ ok: true, tabId: 7, url: URL, cookies });
    const root = document.createElement('div');
    const first = await firstPaint(d, root, { checkboxes: true });
    expect(d.activeTab).toHaveBeenCalledTimes(1);
    expect(d.loadTabCookies).toHaveBeenCalledExactlyOnceWith(7);
    expect(rowNames(root)).toEqual(['sid', 'aaa', 'zz_lang']);
    expect(root.querySelector('main')!.dataset.analysis).toBe('pending');
    expect(root.querySelector('[data-testid="cookie-check"]')).not.toBeNull();
    expect(first?.tabId).toBe(7);
    expect(first?.t).toBe(NOW);
    expect(first?.result).toEqual({ ok: true, tabId: 7, url: URL, cookies });
    expect(first?.rows?.views.map((v) => v.cookie.name)).toEqual(['sid', 'aaa', 'zz_lang']);
  });

  it('reads the tab it was given without looking for the active one', async () => {
    const d = deps({ ok: true, tabId: 3, url: URL, cookies: [record({ name: 'a' })] }, { tabId: 3 });
    const first = await firstPaint(d, document.createElement('div'), { checkboxes: false });
    expect(d.activeTab).not.toHaveBeenCalled();
    expect(d.loadTabCookies).toHaveBeenCalledExactlyOnceWith(3);
    expect(first?.rows?.views).toHaveLength(1);
  });

  it('paints nothing for a problem or an empty jar, and hands the answer on', async () => {
    for (const result of [
      { ok: false as const, reason: 'no-permission' as const, url: URL },
      { ok: true as const, tabId: 7, url: URL, cookies: [] },
    ]) {
      const root = document.createElement('div');
      const first = await firstPaint(deps(result), root, { checkboxes: true });
      expect(root.childElementCount).toBe(0);
      expect(first).toEqual({ tabId: 7, result, t: NOW });
    }
  });

  it('says there is no tab when none is active', async () => {
    const root = document.createElement('div');
    const first = await firstPaint(deps(new Error('unused'), { activeTab: async () => undefined }), root, {
      checkboxes: true,
    });
    expect(root.childElementCount).toBe(0);
    expect(first).toEqual({ tabId: undefined, result: { ok: false, reason: 'no-tab' }, t: NOW });
  });

  it('marks the cookies in hand, then the rows once they are in the DOM; no rows mark when it paints none', async () => {
    const root = document.createElement('div');
    const seen: Array<[string, number]> = [];
    const mark = (name: string) => seen.push([name, rowNames(root).length]);
    const cookies = [record({ name: 'sid' }), record({ name: 'theme' })];
    await firstPaint({ ...deps({ ok: true, tabId: 7, url: URL, cookies }), mark }, root, { checkboxes: true });
    expect(seen).toEqual([
      [FIRST_PAINT_MARKS.cookies, 0],
      [FIRST_PAINT_MARKS.rows, 2],
    ]);
    seen.length = 0;
    await firstPaint({ ...deps({ ok: true, tabId: 7, url: URL, cookies: [] }), mark }, root, { checkboxes: true });
    expect(seen.map(([name]) => name)).toEqual([FIRST_PAINT_MARKS.cookies]);
  });

  it('hands nothing on when the read throws: the popup reads again and says why', async () => {
    const root = document.createElement('div');
    const first = await firstPaint(deps(new Error('gone')), root, { checkboxes: true });
    expect(first).toBeUndefined();
    expect(root.childElementCount).toBe(0);
  });
});
