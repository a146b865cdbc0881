import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFrameUrls } from '../../src/platform/scripting';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

/** The fake browser has no `scripting`: this one records each injection and answers one frame. */
const executeScript = vi.fn(async (_injection: unknown) => [{ frameId: 0, result: { href: 'x', resources: [] } }]);
Object.assign(fake, { scripting: { executeScript } });

describe('platform: reading a tab’s frames', () => {
  beforeEach(() => {
    fake.reset();
    executeScript.mockClear();
  });

  it('scripts every frame of a page whose host the user granted', async () => {
    const tab = fake.tabs.add({ url: 'http://top.localhost:81/a' });
    expect(await readFrameUrls(tab.id!)).toEqual({ ok: true, frames: [{ href: 'x', resources: [] }] });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: tab.id, allFrames: true } }));
  });

  it('never scripts a tab whose host access is withheld, whose URL is hidden, or that is not a web page', async () => {
    // Chromium would hold such an injection as a pending request for access, and the toolbar click would answer
    // it instead of opening the popup.
    fake.permissions.granted = new Set(['http://granted.localhost/*']);
    const withheld = fake.tabs.add({ url: 'http://top.localhost/' });
    const hidden = fake.tabs.add({});
    const browserPage = fake.tabs.add({ url: 'chrome://extensions/' });
    for (const tab of [withheld, hidden, browserPage]) {
      expect(await readFrameUrls(tab.id!)).toEqual({ ok: false, reason: 'no-permission' });
    }
    expect(await readFrameUrls(404)).toEqual({ ok: false, reason: 'no-tab' });
    expect(executeScript).not.toHaveBeenCalled();
    // The same check lets a granted site through.
    const granted = fake.tabs.add({ url: 'http://granted.localhost:8080/x' });
    expect(await readFrameUrls(granted.id!)).toMatchObject({ ok: true });
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('gives the browser’s refusal as an error', async () => {
    const tab = fake.tabs.add({ url: 'https://shop.example/' });
    executeScript.mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'));
    expect(await readFrameUrls(tab.id!)).toEqual({ ok: false, reason: 'error', error: 'Frame with ID 0 was removed.' });
  });
});
