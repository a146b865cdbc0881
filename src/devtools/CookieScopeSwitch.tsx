import { COOKIE_SCOPES, type CookieScope } from '../core/cookie/third-party';
import { useFilter, useStore } from '../ui/store-context';
import { ColumnsMenu } from './ColumnsMenu';

const LABELS: Record<CookieScope, string> = {
  'this-site': 'This site',
  'third-parties': 'Third parties',
  all: 'All',
};

/**
 * Which cookies the table shows: the inspected site's, those of the other sites its frames, subresources and
 * requests talked to, or both; each with its count. Native radio buttons in one group: Tab reaches the checked one, the arrow keys
 * move between them, as in any radio group.
 */
export function CookieScopeSwitch() {
  const filter = useFilter();
  const third = useStore().thirdParty;
  const scope = filter.scope.value;
  const counts = filter.scopeCounts.value;
  const state = third?.state.value ?? 'unavailable';
  return (
    <div class="scope-bar">
      <div class="scope-switch" role="radiogroup" aria-label="Cookies shown" data-testid="cookie-scope">
        {COOKIE_SCOPES.map((s) => (
          <label key={s} class={`scope-option${s === scope ? ' on' : ''}`}>
            <input
              type="radio"
              name="cookie-scope"
              value={s}
              data-testid={`scope-${s}`}
              data-count={counts[s]}
              checked={s === scope}
              onChange={() => (filter.scope.value = s)}
            />
            {LABELS[s]} <span class="scope-count">({counts[s]})</span>
          </label>
        ))}
      </div>
      {state === 'loading' && (
        <span class="muted scope-status" role="status">
          Reading the third parties' cookies…
        </span>
      )}
      {state === 'error' && (
        <span class="scope-status error-text" role="alert" data-testid="third-party-error">
          {`Could not read the third parties' cookies: ${third?.error.value ?? 'unknown error'}`}
        </span>
      )}
      <ColumnsMenu />
    </div>
  );
}

/** What the table says when the "third parties" view has no row to show, and what to do about it. */
export function ThirdPartyEmpty() {
  const third = useStore().thirdParty;
  const state = third?.state.value ?? 'unavailable';
  const sites = third?.sites.value ?? [];
  let text: string;
  if (state === 'unavailable') {
    text = 'Third-party cookies cannot be read from this view.';
  } else if (state === 'error') {
    text = `Could not read the third parties' cookies: ${third?.error.value ?? 'unknown error'}. Reload the page to try again.`;
  } else if (sites.length === 0) {
    text =
      'No third party seen yet: neither in the page’s frames and the resources they loaded, nor in the requests ' +
      'DevTools recorded. DevTools records requests only while it is open: reload the page with this panel open ' +
      'to see the requests made before.';
  } else {
    text =
      `${sites.length === 1 ? 'The other site' : `The ${sites.length} other sites`} this page talked to ${sites.length === 1 ? 'has' : 'have'} no cookie for it ` +
      '(partitioned cookies count only under this page’s site). Reload the page to see new requests.';
  }
  return <span data-testid="third-party-empty">{text}</span>;
}
