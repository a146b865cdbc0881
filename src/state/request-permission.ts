import type { Store } from './create-store';

/**
 * Asks for access to the page's origin and reports the real outcome. The request must start inside the
 * click handler, before any other await: browsers grant permissions only during a user gesture.
 */
export async function requestPermission(
  store: Store,
  request: (url: string) => Promise<boolean>,
  onGranted: () => Promise<void>,
): Promise<void> {
  const url = store.url.value;
  if (url === undefined) return;
  store.notice.value = '';
  let granted: boolean;
  try {
    granted = await request(url);
  } catch (e) {
    store.notice.value = `The browser refused the request: ${e instanceof Error ? e.message : String(e)}`;
    return;
  }
  if (!granted) {
    store.notice.value = 'Access was not granted, so the cookies stay unreadable. Click the button to ask again.';
    return;
  }
  await onGranted();
}
