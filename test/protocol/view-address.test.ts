import { describe, expect, it } from 'vitest';
import { MAX_URL_IN_POPUP, popupSearch, siteUrlFromSearch, tabIdFromSearch } from '../../src/protocol/view-address';

describe('the popup’s address: ?tabId=N and the page the background last saw in that tab', () => {
  it('carries an http(s) page address beside the tab, and reads it back as it was', () => {
    const url = 'https://app.example.com/a b?q=1&tabId=9#x';
    const search = popupSearch(12, url);
    expect(tabIdFromSearch(search)).toBe(12);
    expect(siteUrlFromSearch(search)).toBe(url);
    expect(siteUrlFromSearch(popupSearch(3, 'http://127.0.0.1:8080/'))).toBe('http://127.0.0.1:8080/');
  });

  it('leaves out an address that is not a web page’s or is too long: the popup then reads the tab first', () => {
    for (const url of ['about:blank', 'chrome://settings', 'javascript:alert(1)', 'file:///etc/passwd', undefined]) {
      const search = popupSearch(4, url);
      expect(search).toBe('?tabId=4');
      expect(siteUrlFromSearch(search)).toBeUndefined();
    }
    const edge = `https://a.example/${'p'.repeat(MAX_URL_IN_POPUP - 'https://a.example/'.length)}`;
    expect(siteUrlFromSearch(popupSearch(4, edge))).toBe(edge);
    expect(popupSearch(4, `${edge}q`)).toBe('?tabId=4');
  });

  it('takes no address from a query it did not write: none without a tab, none that is not a web page’s', () => {
    expect(siteUrlFromSearch('?url=https%3A%2F%2Fa.example%2F')).toBeUndefined();
    expect(siteUrlFromSearch('?tabId=x&url=https%3A%2F%2Fa.example%2F')).toBeUndefined();
    expect(siteUrlFromSearch('?tabId=2&url=javascript%3Aalert(1)')).toBeUndefined();
    expect(siteUrlFromSearch(`?tabId=2&url=https://a.example/${'p'.repeat(MAX_URL_IN_POPUP)}`)).toBeUndefined();
    expect(siteUrlFromSearch('?tabId=2')).toBeUndefined();
  });
});
