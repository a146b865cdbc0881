import type { Finding, Grade, Severity } from './finding';

/** Points each finding costs (RULES.md "Site grade"); info costs nothing. */
export const PENALTY: Readonly<Record<Severity, number>> = { critical: 40, high: 25, medium: 10, low: 3, info: 0 };

export function scoreOf(findings: readonly Pick<Finding, 'severity'>[]): number {
  const lost = findings.reduce((sum, f) => sum + PENALTY[f.severity], 0);
  return Math.max(0, 100 - lost);
}

export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'F';
}
