import type { Finding } from '../core/audit/finding';
import { safeHref } from './safe-link';
import { ValueText } from './ValueText';

export interface FindingItemProps {
  finding: Finding;
  /** The cookie's name, shown in site-wide lists where the finding is not under its cookie. */
  cookieName?: string | undefined;
}

export function FindingItem({ finding: f, cookieName }: FindingItemProps) {
  const href = safeHref(f.sourceUrl);
  return (
    <li class={`finding sev-${f.severity}`} data-testid="finding" data-rule={f.ruleId} data-severity={f.severity}>
      <p class="finding-head">
        <span class="severity">{f.severity}</span>
        {cookieName !== undefined && <ValueText class="finding-cookie" value={cookieName} max={80} />}
        <span class="rule-id">{f.ruleId}</span>
      </p>
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
    </li>
  );
}
