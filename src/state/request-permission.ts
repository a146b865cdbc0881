import type { SiteSlice } from './site-slice';
import { errorText } from '../core/error-text';

/**
 * Asks for access to the page's origin and reports the real outcome. The request must start inside the
 * click handler, before any other await: browsers grant permissions only during a user gesture.
 */
export async function requestPermission(
  site: SiteSlice,
  /** `undefined` when the tab's URL is hidden: then the grant asks for every site (its site is unknown). */
  request: (url: string | undefined) => Promise<boolean>,
  onGranted: () => Promise<void>,
): Promise<void> {
  const url = site.url.value;
  site.notice.value = null;
  let granted: boolean;
  try {
    granted = await request(url);
  } catch (e) {
    site.notice.value = { kind: 'failed', error: errorText(e) };
    return;
  }
  if (!granted) {
    site.notice.value = { kind: 'denied' };
    return;
  }
  await onGranted();
}
