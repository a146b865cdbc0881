import { HEADER_RULES } from '../audit/catalogue';
import type { Finding } from '../audit/finding';
import { sortFindings } from '../audit/sort-findings';
import { toFinding } from '../audit/to-finding';
import { parseSetCookie, type ParsedSetCookie } from './set-cookie';

export interface SetCookieAudit {
  parsed: ParsedSetCookie;
  /** Findings of the raw-header rules, worst first. */
  findings: Finding[];
}

/** Parses one Set-Cookie value and runs the raw-header rules on it. */
export function auditSetCookie(header: string, responseUrl: string): SetCookieAudit {
  const parsed = parseSetCookie(header);
  const findings: Finding[] = [];
  for (const rule of HEADER_RULES) {
    const hit = rule.check(parsed, { responseUrl });
    if (hit) findings.push(toFinding(rule, hit));
  }
  return { parsed, findings: sortFindings(findings) };
}
