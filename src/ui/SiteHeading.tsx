import { useStore } from './store-context';

/** The product name and the inspected host, at the top of the popup and the panel. */
export function SiteHeading() {
  const host = useStore().site.host.value;
  return (
    <div class="site">
      <h1>SessionScope</h1>
      <p class="host" data-testid="site-host" title={host}>
        {host}
      </p>
    </div>
  );
}
