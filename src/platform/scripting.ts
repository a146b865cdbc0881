import { browser } from './browser';
import { READ_STORAGE_ARGS, readStorageInPage, type PageScriptAnswer } from '../core/detect/read-storage-script';
import { errorText } from '../core/error-text';
import { READ_PAGE_URLS_ARGS, readPageUrlsInPage } from '../core/network/page-urls-script';

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

/**
 * What readPageUrlsInPage answered in every frame of the tab (`allFrames`: each frame the host access reaches), as
 * the browser handed it over: still unchecked (pageUrlsOf checks it). A frame whose script failed gives nothing.
 */
export async function readFrameUrls(
  tabId: number,
): Promise<{ ok: true; frames: unknown[] } | { ok: false; error: string }> {
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: readPageUrlsInPage,
      args: READ_PAGE_URLS_ARGS,
    });
    return { ok: true, frames: results.map((r) => (r.error === undefined ? r.result : undefined)) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}
