import type { Finding } from '../core/audit/finding';
import { FindingItem } from './FindingItem';
import { worstFirst } from './worst-first';

export interface FindingListProps {
  findings: readonly Finding[];
  /** Said when there are none, e.g. "No findings for this cookie." */
  empty: string;
  names?: ReadonlyMap<string, string>;
  /** Shows only this many; the rest sit behind a "show all" disclosure. */
  limit?: number;
}

export function FindingList({ findings, empty, names, limit }: FindingListProps) {
  if (findings.length === 0) {
    return (
      <p class="no-findings" data-testid="no-findings">
        {empty}
      </p>
    );
  }
  const sorted = worstFirst(findings);
  const item = (f: Finding, i: number) => (
    <FindingItem
      key={`${f.ruleId}|${f.cookieKey ?? ''}|${i}`}
      finding={f}
      cookieName={f.cookieKey !== undefined ? names?.get(f.cookieKey) : undefined}
    />
  );
  if (limit === undefined || sorted.length <= limit) return <ul class="findings">{sorted.map(item)}</ul>;
  return (
    <>
      <ul class="findings">{sorted.slice(0, limit).map(item)}</ul>
      <details class="more-findings">
        <summary>Show {sorted.length - limit} more</summary>
        <ul class="findings">{sorted.slice(limit).map((f, i) => item(f, i + limit))}</ul>
      </details>
    </>
  );
}
