import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { CookieView, SiteAnalysis } from '../analyze-site';
import { RULES_BY_ID } from '../audit/catalogue';
import type { Finding, Severity } from '../audit/finding';
import type { RuleInfo } from '../audit/rule';
import { safePageUrl } from './report';

/** The SARIF 2.1.0 schema, as code-scanning services expect it in `$schema`. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = NonNullable<Result['level']>;

/** SARIF has three levels of a problem (§3.27.10): critical and high stop a build, medium warns. */
export function sarifLevel(severity: Severity): Level {
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'medium' ? 'warning' : 'note';
}

/**
 * The `security-severity` score code-scanning dashboards sort by (a CVSS-like 0–10); info has none of its own
 * and is shown as the lowest.
 */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.5',
};

function descriptor(rule: RuleInfo): ReportingDescriptor {
  const worst = rule.severities[0];
  const help = `${rule.explanation} ${rule.fix} Source: ${rule.source}.`;
  const d: ReportingDescriptor = {
    id: rule.id,
    shortDescription: { text: rule.explanation },
    fullDescription: { text: `${rule.explanation} ${rule.fix}` },
    help: { text: help },
    defaultConfiguration: { level: sarifLevel(worst) },
    properties: { tags: ['security', 'session'], 'security-severity': SECURITY_SEVERITY[worst] },
  };
  if (rule.sourceUrl !== undefined) d.helpUri = rule.sourceUrl;
  return d;
}

function where(finding: Finding, cookie: CookieView | undefined): { text: string; fqn: string; kind: string } | null {
  if (cookie) {
    const c = cookie.cookie;
    return { text: `cookie ${c.name}`, fqn: `cookie:${c.name}@${c.domain}${c.path}`, kind: 'variable' };
  }
  if (finding.tokenName !== undefined && finding.location !== undefined) {
    return {
      text: `${finding.location} ${finding.tokenName}`,
      fqn: `${finding.location}:${finding.tokenName}`,
      kind: 'variable',
    };
  }
  return null;
}

function result(finding: Finding, pageUrl: string, index: number, cookie: CookieView | undefined): Result {
  const at = where(finding, cookie);
  const location: Location = { physicalLocation: { artifactLocation: { uri: pageUrl } } };
  if (at) location.logicalLocations = [{ name: at.text, fullyQualifiedName: at.fqn, kind: at.kind }];
  const message = [at ? `${at.text}: ${finding.explanation}` : finding.explanation, finding.detail]
    .filter((s) => s !== undefined)
    .join(' ');
  return {
    ruleId: finding.ruleId,
    ruleIndex: index,
    level: sarifLevel(finding.severity),
    message: { text: message },
    locations: [location],
    // Stable across runs (no value, no time), so a dashboard tracks the same problem from build to build.
    partialFingerprints: { 'sessionscope/v1': `${finding.ruleId}|${at?.fqn ?? 'site'}` },
    properties: { severity: finding.severity },
  };
}

export interface SarifOptions {
  /** The tool's version, as the report carries it. */
  version: string;
  /** Where the tool is documented, shown by dashboards. */
  informationUri?: string;
}

/**
 * The analysis as a SARIF 2.1.0 log: one rule per catalogue rule with its help text, one result per finding,
 * each located at the page URL (query dropped, as in the report) and, logically, at its cookie or storage key.
 * Cookie values are never included.
 */
export function buildSarif(analysis: SiteAnalysis, options: SarifOptions): Log {
  const rules = [...RULES_BY_ID.values()];
  const indexOf = new Map(rules.map((r, i) => [r.id, i] as const));
  const byKey = new Map(analysis.cookies.map((v) => [v.key, v] as const));
  const pageUrl = safePageUrl(analysis.pageUrl) || analysis.pageUrl;
  const driver: Log['runs'][number]['tool']['driver'] = {
    name: 'SessionScope',
    version: options.version,
    rules: rules.map(descriptor),
  };
  if (options.informationUri !== undefined) driver.informationUri = options.informationUri;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        results: analysis.audit.findings.map((f) =>
          result(f, pageUrl, indexOf.get(f.ruleId) ?? -1, f.cookieKey ? byKey.get(f.cookieKey) : undefined),
        ),
      },
    ],
  };
}

export function serializeSarif(log: Log): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
