/**
 * The single import of webextension-polyfill. Everything else in SessionScope reaches the browser through
 * the small wrappers in this folder, so feature detection happens once and tests can swap the fake in.
 * (Chromium ≥ 156 and Firefox have a native promise-based `browser`; the polyfill is a no-op there.)
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Cookies, Storage, Tabs } from 'webextension-polyfill';
export { browser };
