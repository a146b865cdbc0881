import type { CookiesProblem } from '../protocol/messages';
import type { ViewState } from '../state/site-slice';

export type ViewKind = 'popup' | 'panel';

/** What the words of a view that is not ready depend on. */
export interface StateFacts {
  state: Exclude<ViewState, 'ready'>;
  problem: CookiesProblem | null;
  host: string;
  view: ViewKind;
}

/** What is going on, per state, in words: the layers below hand up reasons and data only. */
function whatHappened({ state, problem, host, view }: StateFacts): string {
  switch (state) {
    case 'loading':
      return 'Reading the cookies of this page…';
    case 'not-http':
      return 'This page is not a web page (http or https), so it has no cookies to inspect.';
    case 'no-cookies':
      return `${host || 'This page'} has set no cookies that this page would send.`;
    case 'no-permission':
      // Without access the browser hides the tab's URL too: then not even the site is known (never "not a web page").
      return host
        ? `SessionScope has not been allowed to read the cookies of ${host}.`
        : 'SessionScope has not been allowed to read this tab, so it cannot see its address or its cookies.';
    case 'no-tab': {
      const tabId = problem?.reason === 'no-tab' ? problem.tabId : undefined;
      if (tabId !== undefined) return `No tab with id ${tabId}.`;
      return view === 'popup'
        ? 'There is no active tab in this window.'
        : 'SessionScope could not tell which tab to inspect.';
    }
    case 'error': {
      const error = problem?.reason === 'error' ? problem.error.trim() : '';
      return error === '' ? 'Reading the cookies failed.' : `Reading the cookies failed: ${error}`;
    }
  }
}

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
      if (host) return `Click "Allow access" to let SessionScope read the cookies of ${site}.`;
      return view === 'popup'
        ? 'Click "Allow access" to let SessionScope read the cookies of every site you open.'
        : 'Click "Allow access" to let SessionScope read the cookies of every site you open, or open its popup from the toolbar on this tab to allow only this site.';
    case 'no-tab':
      return view === 'popup'
        ? 'Open SessionScope from the tab you want to inspect.'
        : 'Close and reopen DevTools on the tab you want to inspect.';
    case 'error':
      return 'Reload the page and open SessionScope again; if it keeps failing, restart the browser.';
  }
}

export function stateText(facts: StateFacts): string {
  const { state, host, view } = facts;
  const what = whatHappened(facts);
  return state === 'loading' ? what : `${what} ${advice(state, host, view)}`;
}
