import { useState } from 'preact/hooks';
import type { Finding } from '../core/audit/finding';
import { FindingItem } from './FindingItem';
import { worstFirst } from '../core/audit/worst-first';

export interface FindingListProps {
  findings: readonly Finding[];
  /** Said when there are none, e.g. "No findings for this cookie." */
  empty: string;
  names?: ReadonlyMap<string, string>;
  /** Shows only this many until the user asks for the rest. */
  limit?: number;
}

export function FindingList({ findings, empty, names, limit }: FindingListProps) {
  const [all, setAll] = useState(false);
  if (findings.length === 0) {
    return (
      <p class="no-findings" data-testid="no-findings">
        {empty}
      </p>
    );
  }
  const sorted = worstFirst(findings);
  // A site can have hundreds of findings: the rest is rendered only when asked for, to keep first paint cheap.
  const shown = limit === undefined || all ? sorted : sorted.slice(0, limit);
  return (
    <>
      <ul class="findings">
        {shown.map((f, i) => (
          <FindingItem
            key={`${f.ruleId}|${f.cookieKey ?? ''}|${i}`}
            finding={f}
            cookieName={f.cookieKey !== undefined ? names?.get(f.cookieKey) : undefined}
          />
        ))}
      </ul>
      {limit !== undefined && sorted.length > limit && (
        <button type="button" class="more" data-testid="more-findings" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show ${sorted.length - limit} more`}
        </button>
      )}
    </>
  );
}
