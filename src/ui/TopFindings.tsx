import { FindingList } from './FindingList';
import { useStore } from './store-context';

/**
 * The site's findings, worst first: what the user should see before any cookie. `compact` (the popup): each finding
 * one line that opens on the rest, in a box as high before the analysis as after it (popup.css), so that the rows
 * under it do not move when the findings come in.
 */
export function TopFindings({ limit, compact = false }: { limit?: number; compact?: boolean }) {
  const store = useStore();
  const findings = store.site.topFindings.value;
  const body = store.site.analysing.value ? (
    <p class="muted" data-testid="findings-pending">
      Checking these cookies…
    </p>
  ) : (
    <FindingList
      findings={findings}
      names={store.site.nameByKey.value}
      empty="No findings: nothing insecure detected in these cookies."
      {...(limit !== undefined ? { limit } : {})}
      compact={compact}
    />
  );
  return (
    <section class={`top-findings${compact ? ' compact' : ''}`} data-testid="top-findings" aria-label="Findings">
      <h2>Findings {findings.length > 0 && <span class="count">({findings.length})</span>}</h2>
      {compact ? <div class="findings-box">{body}</div> : body}
    </section>
  );
}
