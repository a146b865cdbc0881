// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaintedLoad } from '../../src/popup/first-paint';
import { takeOver } from '../../src/popup/take-over';

afterEach(() => document.body.replaceChildren());

/** A root holding a first paint's `<main>`, busy until the popup takes it over. */
function paintedRoot(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = '<main data-testid="popup" aria-busy="true"><ul><li>sid</li></ul></main>';
  document.body.append(root);
  return root;
}

/** A first paint that painted rows (`rows` is set only then). */
const FIRST = { tabId: 7, t: 1, rows: { views: [], decoded: [] } } as unknown as PaintedLoad;
const painted = () => Promise.resolve();

describe('takeOver', () => {
  it('starts the popup proper with what the first paint read, after its frame painted', async () => {
    const root = paintedRoot();
    const order: string[] = [];
    const startPopupApp = vi.fn(async () => {
      order.push('start');
    });
    await takeOver(
      root,
      Promise.resolve(FIRST),
      async () => {
        order.push('load');
        return { startPopupApp };
      },
      async () => {
        order.push('painted');
      },
    );
    expect(order).toEqual(['painted', 'load', 'start']);
    expect(startPopupApp).toHaveBeenCalledWith(root, FIRST);
    expect(root.querySelector('[data-testid="load-failure"]')).toBeNull();
  });

  it('loads the popup proper at once when the first paint painted no rows: there is no paint to wait for', async () => {
    const root = paintedRoot();
    const startPopupApp = vi.fn();
    const notPainted = { tabId: 7, t: 1, result: { ok: true, cookies: [] } } as unknown as PaintedLoad;
    const never = vi.fn(() => new Promise<void>(() => undefined));
    await takeOver(root, Promise.resolve(notPainted), async () => ({ startPopupApp }), never);
    expect(never).not.toHaveBeenCalled();
    expect(startPopupApp).toHaveBeenCalledWith(root, notPainted);
    await takeOver(root, Promise.resolve(undefined), async () => ({ startPopupApp }), never);
    expect(never).not.toHaveBeenCalled();
    expect(startPopupApp).toHaveBeenLastCalledWith(root, undefined);
  });

  it('says so at the top, as text, when the popup code cannot be loaded, and keeps the rows painted', async () => {
    const root = paintedRoot();
    await takeOver(
      root,
      Promise.resolve(FIRST),
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: <b>main.js</b>')),
      painted,
    );
    const notice = root.firstElementChild!;
    expect(notice.getAttribute('data-testid')).toBe('load-failure');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('could not load the rest of the popup');
    expect(notice.textContent).toContain('<b>main.js</b>');
    expect(notice.querySelector('b')).toBeNull();
    expect(root.querySelector('li')?.textContent).toBe('sid');
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
  });

  it('says so when the popup proper throws as it starts, with the error cut to a bounded length', async () => {
    const root = paintedRoot();
    const long = 'x'.repeat(5_000);
    await takeOver(
      root,
      Promise.resolve(undefined),
      async () => ({
        startPopupApp: () => {
          throw new Error(long);
        },
      }),
      painted,
    );
    const text = root.querySelector('[data-testid="load-failure"]')?.textContent ?? '';
    expect(text).toContain('x'.repeat(300));
    expect(text).not.toContain('x'.repeat(301));
  });

  it('says so when the popup proper fails while it gets ready (decoding the rows painted from the hint)', async () => {
    const root = paintedRoot();
    await takeOver(
      root,
      Promise.resolve(FIRST),
      async () => ({ startPopupApp: () => Promise.reject(new Error('the decoders chunk did not load')) }),
      painted,
    );
    expect(root.querySelector('[data-testid="load-failure"]')?.textContent).toContain(
      'the decoders chunk did not load',
    );
    expect(root.querySelector('li')?.textContent).toBe('sid');
  });
});
