import { afterEach, describe, expect, it, vi } from 'vitest';

describe('platform: the browser’s own extension API (the popup’s, without the polyfill)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('takes `browser` where the page has it (Firefox, Chromium ≥ 156), before `chrome`', async () => {
    const own = { runtime: { id: 'a' } };
    vi.stubGlobal('browser', own);
    vi.stubGlobal('chrome', { runtime: { id: 'b' } });
    const module = await import('../../src/platform/native-browser');
    expect(module.default).toBe(own);
    expect(module.nativeBrowser({ browser: own, chrome: {} })).toBe(own);
  });

  it('takes `chrome` in an older Chromium, which has no `browser`', async () => {
    const chrome = { cookies: {} };
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', chrome);
    const module = await import('../../src/platform/native-browser');
    expect(module.default).toBe(chrome);
    expect(module.nativeBrowser({ chrome })).toBe(chrome);
  });

  it('says so in a page with no extension API at all', async () => {
    vi.stubGlobal('chrome', {});
    const { nativeBrowser } = await import('../../src/platform/native-browser');
    expect(() => nativeBrowser({})).toThrow('no extension API in this page');
  });
});
