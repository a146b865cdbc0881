import { browser } from './browser';
import { READ_STORAGE_ARGS, readStorageInPage, type PageScriptAnswer } from '../core/detect/read-storage-script';
import { errorText } from '../core/error-text';
import type { PageUrlsResult } from '../protocol/messages';
import { READ_PAGE_URLS_ARGS, readPageUrlsInPage } from '../core/network/page-urls-script';
import { isHttpUrl } from '../core/cookie/host';
import { hasHostPermission } from './permissions';
import { getTab } from './tabs';

/**
 * The tab's top-frame localStorage and sessionStorage, read by the one storage script through
 * `scripting.executeScript` (the `scripting` permission, with the host access or activeTab the popup has).
 * A browser page, a page the extension may not script, or a tab that closed: `unavailable` with the reason.
 */
export async function readTabStorage(tabId: number): Promise<PageScriptAnswer> {
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: readStorageInPage,
      args: READ_STORAGE_ARGS,
    });
    if (first?.error !== undefined) return { ok: false, reason: 'exception', detail: errorText(first.error) };
    return { ok: true, value: first?.result };
  } catch (e) {
    return { ok: false, reason: 'unavailable', detail: errorText(e) };
  }
}

/** The frames' answers, unchecked, or why there are none (the reasons of the `getPageUrls` message). */
export type FrameUrlsAnswer = { ok: true; frames: unknown[] } | Exclude<PageUrlsResult, { ok: true }>;

/**
 * What readPageUrlsInPage answered in every frame of the tab (`allFrames`: each frame the host access reaches), as
 * the browser handed it over: still unchecked (pageUrlsOf checks it). A frame whose script failed gives nothing.
 *
 * Only a tab whose page's host the user granted is scripted. Chromium does not refuse a script for a site whose
 * access the user withheld ("on click"): it holds the injection as a pending request for access, which never
 * settles, and the next click on SessionScope's toolbar button answers that request instead of opening the popup
 * (found with test/e2e/access.e2e.ts). A tab whose URL is hidden is one SessionScope may not read.
 */
export async function readFrameUrls(tabId: number): Promise<FrameUrlsAnswer> {
  const tab = await getTab(tabId);
  if (!tab) return { ok: false, reason: 'no-tab' };
  if (tab.url === undefined || !isHttpUrl(tab.url) || !(await hasHostPermission(tab.url))) {
    return { ok: false, reason: 'no-permission' };
  }
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: readPageUrlsInPage,
      args: READ_PAGE_URLS_ARGS,
    });
    return { ok: true, frames: results.map((r) => (r.error === undefined ? r.result : undefined)) };
  } catch (e) {
    return { ok: false, reason: 'error', error: errorText(e) };
  }
}
