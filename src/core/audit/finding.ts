import type { TokenLocation } from './audit-input';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** What a rule says about itself, and each of its findings repeats. */
export interface RuleText {
  /** One sentence: what is wrong and why it matters. */
  explanation: string;
  /** One sentence: how to fix it. */
  fix: string;
  /** Where the rule comes from, e.g. "ZAP 10010; Observatory cookies-session-without-httponly-flag". */
  source: string;
  /** A link to the source, when there is one. */
  sourceUrl?: string;
}

export interface Finding extends RuleText {
  /** Stable rule id (docs/rules.md), e.g. `session-httponly-missing`. */
  ruleId: string;
  severity: Severity;
  /** The cookie's identity key (cookieKey) when the finding is about one cookie. */
  cookieKey?: string;
  /** Specifics of this instance, e.g. "expires in 3 years", "secret: keyboard cat". */
  detail?: string;
  /** For token findings: where the token was found. */
  location?: TokenLocation;
  /** For a token outside cookies: the storage key or header name. */
  tokenName?: string;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface SiteAudit {
  /** Worst first: by severity, then rule id, then cookie. */
  findings: Finding[];
  score: number;
  grade: Grade;
}
