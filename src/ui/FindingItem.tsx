import type { Finding } from '../core/audit/finding';
import { safeHref } from './safe-link';
import { ValueText } from './ValueText';

export interface FindingItemProps {
  finding: Finding;
  /** The cookie's name, shown in site-wide lists where the finding is not under its cookie. */
  cookieName?: string | undefined;
  /** One line that opens on the rest (FindingItem). */
  compact?: boolean;
}

/** What a finding says beyond its first line: why, the detail, the fix and the source. */
function FindingBody({ finding: f }: { finding: Finding }) {
  const href = safeHref(f.sourceUrl);
  return (
    <>
      <p class="explanation">{f.explanation}</p>
      {f.detail !== undefined && f.detail !== '' && (
        <p class="finding-detail">
          <ValueText value={f.detail} max={400} />
        </p>
      )}
      <p class="fix">
        <strong>Fix: </strong>
        {f.fix}
      </p>
      {f.source !== '' && (
        <p class="source">
          Source:{' '}
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {f.source}
            </a>
          ) : (
            f.source
          )}
        </p>
      )}
    </>
  );
}

/**
 * One finding: its severity, cookie and rule on the first line, then why, the fix and the source. `compact`: that
 * first line alone, one line high, which opens on the rest (the popup's site-wide list, whose height must not change
 * when the analysis comes in).
 */
export function FindingItem({ finding: f, cookieName, compact = false }: FindingItemProps) {
  const head = (
    <>
      <span class="severity">{f.severity}</span>
      {cookieName !== undefined && <ValueText class="finding-cookie" value={cookieName} max={80} />}
      <span class="rule-id">{f.ruleId}</span>
    </>
  );
  return (
    <li
      class={`finding sev-${f.severity}${compact ? ' compact' : ''}`}
      data-testid="finding"
      data-rule={f.ruleId}
      data-severity={f.severity}
    >
      {compact ? (
        <details>
          <summary class="finding-head" title={f.explanation}>
            {head}
          </summary>
          <FindingBody finding={f} />
        </details>
      ) : (
        <>
          <p class="finding-head">{head}</p>
          <FindingBody finding={f} />
        </>
      )}
    </li>
  );
}
