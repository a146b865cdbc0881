import { compareText } from '../compare-text';
import { SEVERITY_ORDER, type Finding, type Severity } from './finding';

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

/** Worst first; ties by rule id, then cookie, so the order is stable across runs. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.cookieKey ?? a.tokenName ?? '', b.cookieKey ?? b.tokenName ?? ''),
  );
}
