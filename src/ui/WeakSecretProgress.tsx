import { useStore } from './store-context';
import { counted } from './counted';
import './verify.css';

/**
 * The automatic weak-secret check of the page's signed values: what it is doing while it runs (it runs after
 * the first paint, in chunks), and what it found when done. Nothing when the page has no signed value.
 */
export function WeakSecretProgress() {
  const store = useStore();
  const p = store.verification.weakSecret.value;
  if (!p) return null;
  const values = counted(p.values, 'signed value', 'signed values');
  const secrets = counted(p.secrets, 'known secret', 'known secrets');
  const max = Math.max(1, p.values * p.secrets);
  return (
    <p
      class={`weak-secret-progress ${p.state}`}
      data-testid="weak-secret-progress"
      data-state={p.state}
      data-values={p.values}
      data-hits={p.hits}
      role="status"
      // Announced once, when done: not at every chunk of the search.
      aria-busy={p.state === 'running'}
    >
      {p.state === 'running' ? (
        <>
          <span>{`Checking ${values} against ${secrets}…`}</span>
          <progress max={max} value={Math.min(max, p.checked)} aria-label="Weak-secret check" />
        </>
      ) : (
        <span>
          {`Checked ${values} against ${secrets}: `}
          {p.hits === 0
            ? 'none uses a known secret.'
            : `${counted(p.hits, 'value uses', 'values use')} a known secret (see the findings).`}
        </span>
      )}
    </p>
  );
}
