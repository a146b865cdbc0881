import { SEVERITY_ORDER, type Finding, type Severity } from './finding';

/** What the toolbar badge counts: critical and high findings. */
export function seriousCount(audit: { findings: readonly Pick<Finding, 'severity'>[] }): number {
  return audit.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
}

/** The worst severity among the findings, or `null` when there are none. */
export function worstSeverity(audit: { findings: readonly Pick<Finding, 'severity'>[] }): Severity | null {
  for (const s of SEVERITY_ORDER) if (audit.findings.some((f) => f.severity === s)) return s;
  return null;
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
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
  const limit = SEVERITY_ORDER.indexOf(threshold);
  return findings.filter((f) => SEVERITY_ORDER.indexOf(f.severity) <= limit);
}
