import type { Finding, Severity } from './finding';
import { severityRank } from './sort-findings';

type Findings = readonly Pick<Finding, 'severity'>[];

/** Critical and high findings: what the toolbar badge counts and the report calls serious. */
export function seriousCount(findings: Findings): number {
  let n = 0;
  for (const f of findings) if (f.severity === 'critical' || f.severity === 'high') n++;
  return n;
}

/**
 * The worst severity among the findings, or `null` when there are none. One pass, no sorting: lists from the
 * audit are already worst first, and a hand-made list gets the same answer.
 */
export function worstSeverity(findings: Findings): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) {
    if (worst === null || severityRank(f.severity) < severityRank(worst)) worst = f.severity;
    if (worst === 'critical') break;
  }
  return worst;
}

export function countBySeverity(findings: Findings): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The findings at `threshold` or worse (`--fail-on high`: critical and high); none for `none`. */
export function findingsAtOrAbove<T extends Pick<Finding, 'severity'>>(
  findings: readonly T[],
  threshold: Severity | 'none',
): T[] {
  if (threshold === 'none') return [];
  const limit = severityRank(threshold);
  return findings.filter((f) => severityRank(f.severity) <= limit);
}
