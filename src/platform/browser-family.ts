import { browser } from './browser';

/** Which engine runs the extension: the cookies API differs in details (partition keys, first-party domains). */
export function browserFamily(): 'chromium' | 'firefox' {
  return browser.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chromium';
}
