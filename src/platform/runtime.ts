import { browser } from './browser';

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
