import type { Finding } from './finding';
import type { Hit, RuleInfo } from './rule';

/** A finding from a rule's own text and one hit; `extra` says what it is about. */
export function toFinding(rule: RuleInfo, hit: Hit, extra: Partial<Finding> = {}): Finding {
  const f: Finding = {
    ruleId: rule.id,
    severity: hit.severity,
    explanation: rule.explanation,
    fix: rule.fix,
    source: rule.source,
    ...extra,
  };
  if (rule.sourceUrl !== undefined) f.sourceUrl = rule.sourceUrl;
  if (hit.detail !== undefined) f.detail = hit.detail;
  return f;
}
