import { errorText } from '../core/error-text';
import type { PaintedLoad } from './first-paint';
import { afterFirstContentfulPaint } from '../ui/frame-timing';

/** What boot.ts loads after the first paint: the popup proper (main.tsx). */
export interface PopupAppModule {
  startPopupApp(root: Element, first: PaintedLoad | undefined): Promise<void>;
}

/** The user-timing mark set as the popup proper is asked for (in DevTools' Performance panel; the tests read it). */
export const TAKE_OVER_MARK = 'sessionscope:take-over';

/** An error's words are cut to this many characters in the notice. */
const MAX_ERROR_CHARS = 300;

/**
 * Once the first paint's rows are on screen (`painted`: the browser's first contentful paint, so that in a toolbar
 * popup loading the rest does not hold up the popup being shown), loads the popup proper and hands it what the
 * first paint read; at once when the first paint painted no rows (nothing to wait for). When its code cannot be
 * loaded or started (the extension was reloaded or updated under an open popup, a damaged install), says so at the
 * top of the popup: the rows painted first stay as they are, but nothing in them would ever answer a click.
 */
export async function takeOver(
  root: Element,
  first: Promise<PaintedLoad | undefined>,
  load: () => Promise<PopupAppModule>,
  painted: () => Promise<void> = afterFirstContentfulPaint,
): Promise<void> {
  try {
    const read = await first;
    if (read?.rows) await painted();
    performance.mark(TAKE_OVER_MARK);
    const app = await load();
    await app.startPopupApp(root, read);
  } catch (e) {
    showLoadFailure(root, e);
  }
}

function showLoadFailure(root: Element, error: unknown): void {
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.setAttribute('data-testid', 'load-failure');
  notice.textContent =
    `SessionScope could not load the rest of the popup (${errorText(error).slice(0, MAX_ERROR_CHARS)}). ` +
    'Close the popup and open it again; if this keeps happening, reload the extension.';
  root.querySelector('[aria-busy="true"]')?.setAttribute('aria-busy', 'false');
  root.prepend(notice);
}
