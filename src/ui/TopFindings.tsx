import { FindingList } from './FindingList';
import { useStore } from './store-context';

/** The site's findings, worst first: what the user should see before any cookie. */
export function TopFindings({ limit }: { limit?: number }) {
  const store = useStore();
  const findings = store.site.topFindings.value;
  return (
    <section class="top-findings" data-testid="top-findings" aria-label="Findings">
      <h2>Findings {findings.length > 0 && <span class="count">({findings.length})</span>}</h2>
      {store.site.analysing.value ? (
        <p class="muted" data-testid="findings-pending">
          Checking these cookies…
        </p>
      ) : (
        <FindingList
          findings={findings}
          names={store.site.nameByKey.value}
          empty="No findings: nothing insecure detected in these cookies."
          {...(limit !== undefined ? { limit } : {})}
        />
      )}
    </section>
  );
}
