import { counted } from './counted';
import { useStore } from './store-context';

/**
 * The popup's word on the site's cookies kept under other sites (set while it was embedded there): how many, and
 * that the DevTools panel lists them (src/devtools/ElsewhereCookies.tsx). Under the rows, so they never move.
 */
export function ElsewhereNote() {
  const store = useStore();
  const n = store.site.elsewhere.value.length;
  if (n === 0) return null;
  return (
    <p class="muted small" data-testid="elsewhere-note" data-count={n}>
      {`This site keeps ${counted(n, 'cookie', 'cookies')} under other sites, set while it was embedded ` +
        `there: this page does not receive ${n === 1 ? 'it' : 'them'}. The DevTools panel lists ` +
        `${n === 1 ? 'it' : 'them'}.`}
    </p>
  );
}
