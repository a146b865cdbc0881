import { useState } from 'preact/hooks';
import type { Finding } from '../core/audit/finding';
import { FindingItem } from './FindingItem';

export interface FindingListProps {
  /** In the audit's order, worst first (any list cut from the audit's keeps it). */
  findings: readonly Finding[];
  /** Said when there are none, e.g. "No findings for this cookie." */
  empty: string;
  names?: ReadonlyMap<string, string>;
  /** Shows only this many until the user asks for the rest. */
  limit?: number;
  /** Each finding one line that opens on the rest (FindingItem's `compact`). */
  compact?: boolean;
}

export function FindingList({ findings, empty, names, limit, compact = false }: FindingListProps) {
  const [all, setAll] = useState(false);
  if (findings.length === 0) {
    return (
      <p class="no-findings" data-testid="no-findings">
        {empty}
      </p>
    );
  }
  // A site can have hundreds of findings: the rest is rendered only when asked for, to keep first paint cheap.
  const shown = limit === undefined || all ? findings : findings.slice(0, limit);
  return (
    <>
      <ul class="findings">
        {shown.map((f, i) => (
          <FindingItem
            key={`${f.ruleId}|${f.cookieKey ?? ''}|${i}`}
            finding={f}
            cookieName={f.cookieKey !== undefined ? names?.get(f.cookieKey) : undefined}
            compact={compact}
          />
        ))}
      </ul>
      {limit !== undefined && findings.length > limit && (
        <button type="button" class="more" data-testid="more-findings" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show ${findings.length - limit} more`}
        </button>
      )}
    </>
  );
}
