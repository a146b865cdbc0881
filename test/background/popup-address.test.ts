import { describe, expect, it, vi } from 'vitest';
import { createPopupAddress } from '../../src/background/popup-address';

describe('each tab’s popup address names the page the background last saw there', () => {
  const setup = ({ popupPath }: { popupPath?: string } = { popupPath: 'src/popup/index.html' }) => {
    const set = new Map<number, string>();
    const errors: unknown[] = [];
    const setPopup = vi.fn(async (tabId: number, popup: string) => {
      if (tabId === 666) throw new Error('No tab with id: 666.');
      set.set(tabId, popup);
    });
    const address = createPopupAddress({ popupPath, setPopup, onError: (e) => errors.push(e) });
    return { address, set, setPopup, errors };
  };

  it('sets the tab’s popup to the page it is on, and follows the tab to its next page', () => {
    const { address, set } = setup();
    address.tabUpdated(5, { url: 'https://app.example.com/login', complete: false });
    expect(set.get(5)).toBe('src/popup/index.html?tabId=5&url=https%3A%2F%2Fapp.example.com%2Flogin');
    address.tabUpdated(5, { url: 'https://app.example.com/home#top', complete: false });
    expect(set.get(5)).toBe('src/popup/index.html?tabId=5&url=https%3A%2F%2Fapp.example.com%2Fhome%23top');
    // Leaving for a page that is not a web page: the tab's popup no longer names a page.
    address.tabUpdated(5, { url: 'about:blank', complete: false });
    expect(set.get(5)).toBe('src/popup/index.html?tabId=5');
  });

  it('does nothing for an update that names no address (a load finishing, a page it may not see)', () => {
    const { address, setPopup } = setup();
    address.tabUpdated(5, { complete: true });
    address.tabUpdated(5, { complete: false });
    expect(setPopup).not.toHaveBeenCalled();
  });

  it('hands a refused write to onError and goes on; without a popup in the manifest it sets none', async () => {
    const { address, set, errors } = setup();
    address.tabUpdated(666, { url: 'https://gone.example/', complete: false });
    address.tabUpdated(7, { url: 'https://app.example.com/', complete: false });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(String(errors[0])).toContain('666');
    expect([...set.keys()]).toEqual([7]);
    const none = setup({});
    none.address.tabUpdated(7, { url: 'https://app.example.com/', complete: false });
    expect(none.setPopup).not.toHaveBeenCalled();
  });
});
