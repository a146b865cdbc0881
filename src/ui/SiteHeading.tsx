import { STORE_HINT, storeLabel } from './store-label';
import { useStore } from './store-context';

/** The product name and the inspected host, at the top of the popup and the panel, with the tab's own cookie jar. */
export function SiteHeading() {
  const site = useStore().site;
  const host = site.host.value;
  const store = storeLabel(site.tabStore.value);
  return (
    <div class="site">
      <h1>SessionScope</h1>
      <p class="host" data-testid="site-host" title={host}>
        {host}
      </p>
      {store !== null && (
        <p class="store" data-testid="site-store" title={STORE_HINT}>
          {store}
        </p>
      )}
    </div>
  );
}
