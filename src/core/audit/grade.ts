import type { Finding, Grade, Severity } from './finding';

/** Points each finding costs out of 100 (docs/rules.md "Site grade"); info costs nothing. */
export const PENALTY: Readonly<Record<Severity, number>> = { critical: 40, high: 25, medium: 10, low: 3, info: 0 };

export function scoreOf(findings: readonly Pick<Finding, 'severity'>[]): number {
  const lost = findings.reduce((sum, f) => sum + PENALTY[f.severity], 0);
  return Math.max(0, 100 - lost);
}

/** The lowest score of each grade, best first; below the last is F. */
export const GRADE_FLOORS: readonly (readonly [Grade, number])[] = [
  ['A', 90],
  ['B', 75],
  ['C', 60],
  ['D', 40],
];

export function gradeOf(score: number): Grade {
  return GRADE_FLOORS.find(([, floor]) => score >= floor)?.[0] ?? 'F';
}
