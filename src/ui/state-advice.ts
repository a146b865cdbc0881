import type { ViewState } from '../state/create-store';

export type ViewKind = 'popup' | 'panel';

const DEFAULTS: Record<Exclude<ViewState, 'ready'>, string> = {
  loading: 'Reading the cookies of this page…',
  'not-http': 'This page is not a web page (http or https), so it has no cookies to inspect.',
  'no-cookies': 'This page has no cookies.',
  'no-permission': 'SessionScope has not been allowed to read the cookies of this site.',
  'no-tab': 'There is no tab to inspect.',
  error: 'Reading the cookies failed.',
};

/** What to do next, per state: every non-ready view must tell the user how to get out of it. */
function advice(state: Exclude<ViewState, 'ready' | 'loading'>, host: string, view: ViewKind): string {
  const site = host || 'this site';
  switch (state) {
    case 'not-http':
      return view === 'popup'
        ? 'Open a web page (http:// or https://) and click SessionScope again.'
        : 'Navigate the inspected tab to a web page (http:// or https://); this panel follows it.';
    case 'no-cookies':
      return view === 'popup'
        ? `Use ${site} (sign in, accept cookies), then open SessionScope again.`
        : `Use ${site} (sign in, accept cookies): cookies appear here as soon as they are set.`;
    case 'no-permission':
      return `Click "Allow access" to let SessionScope read the cookies of ${site}.`;
    case 'no-tab':
      return view === 'popup'
        ? 'Open SessionScope from the tab you want to inspect.'
        : 'Close and reopen DevTools on the tab you want to inspect.';
    case 'error':
      return 'Reload the page and open SessionScope again; if it keeps failing, restart the browser.';
  }
}

export function stateText(state: Exclude<ViewState, 'ready'>, message: string, host: string, view: ViewKind): string {
  const what = message.trim() || DEFAULTS[state];
  if (state === 'loading') return what;
  if (state === 'no-cookies' && !message.trim()) {
    return `${host || 'This page'} has set no cookies that this page would send. ${advice(state, host, view)}`;
  }
  return `${what} ${advice(state, host, view)}`;
}
