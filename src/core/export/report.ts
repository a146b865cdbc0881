import type { SiteAnalysis, CookieView } from '../analyze-site';
import type { Finding, Grade, Severity } from '../audit/finding';
import { countBySeverity, seriousCount, worstSeverity } from '../audit/summary';
import { cookieFlags, type CookieFlags } from '../cookie/cookie-record';
import { hostOf } from '../cookie/site';
import type { FormatId } from '../decode/decoded-value';
import type { SessionReason } from '../detect/session';
import { isDateMs } from '../date-range';
import { partitionKeyJson, type PartitionKeyJson } from './partition-key-json';
import { exportFileName } from './file-name';
import { parseUrl } from '../parse-url';

/**
 * The exportable JSON report, schema 2 (docs/report.md). A public interface: fields are only ever added within
 * a schema version; renaming, removing or changing the meaning of one bumps `schema`.
 */
export const REPORT_SCHEMA = 2;

export interface ReportFindingRef {
  ruleId: string;
  severity: Severity;
}

export interface ReportTokenSummary {
  kind: 'jws' | 'jwe';
  alg: string | null;
  typ: string | null;
  /** JWE only: the content encryption algorithm. */
  enc: string | null;
  unsigned: boolean;
  /** Claim names only, never their values. */
  claims: string[];
  times: { exp: string | null; iat: string | null; nbf: string | null };
}

export interface ReportCookie {
  identity: {
    name: string;
    domain: string;
    path: string;
    storeId: string;
    partitionKey: PartitionKeyJson;
  };
  flags: CookieFlags & { partitioned: boolean };
  expiry: { browserSession: boolean; expires: string | null; expired: boolean };
  /** Bytes of name + value in UTF-8. */
  size: number;
  value: string | null;
  valueRedacted: boolean;
  /** Length of the value in UTF-16 code units, as JavaScript counts it. */
  valueLength: number;
  sessionReason: { kind: SessionReason['kind']; reason: string } | null;
  decoded: { format: FormatId; label: string; issuedAt: string | null; token: ReportTokenSummary | null } | null;
  findings: ReportFindingRef[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  generator: { name: 'SessionScope'; version: string };
  /** Origin and path of the page; query and fragment are dropped because they often carry tokens. */
  pageUrl: string;
  host: string | null;
  generatedAt: string;
  grade: Grade;
  score: number;
  valuesIncluded: boolean;
  cookies: ReportCookie[];
  /** Findings about no single cookie (too many cookies, tokens outside cookies). */
  siteFindings: ReportFindingRef[];
  summary: {
    total: number;
    bySeverity: Record<Severity, number>;
    /** Critical + high: what the toolbar badge counts. */
    serious: number;
    worst: Severity | null;
    byRule: Array<{ ruleId: string; severity: Severity; count: number }>;
  };
}

export interface ReportOptions {
  /** Milliseconds since the epoch: the report's time and the date in its file name. */
  generatedAtMs: number;
  /** The extension's version. */
  version: string;
  /** Put cookie values in the report. Off by default: a report is meant to be shared. */
  includeValues?: boolean;
}

function isoOrNull(seconds: number | undefined): string | null {
  if (seconds === undefined || !isDateMs(seconds * 1000)) return null;
  return new Date(seconds * 1000).toISOString();
}

function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Origin and path of a page URL: query and fragment often carry tokens, so reports leave them out. */
export function safePageUrl(url: string): string {
  const u = parseUrl(url);
  if (!u) return '';
  return u.origin !== 'null' ? `${u.origin}${u.pathname}` : `${u.protocol}${u.pathname}`;
}

function findingRefs(findings: readonly Finding[]): ReportFindingRef[] {
  // Rule id and severity only: a finding's detail may quote a secret (weak-secret) or a value.
  return findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity }));
}

function tokenSummary(view: CookieView): ReportTokenSummary | null {
  const t = view.decoded.jwt;
  if (!t) return null;
  // A JWE's claims and times are encrypted: the report says it is one, and which algorithms it names.
  const jws = t.kind === 'jws' ? t : null;
  return {
    kind: t.kind,
    alg: t.alg ?? null,
    typ: stringOrNull(t.header.typ),
    enc: t.kind === 'jwe' ? (t.enc ?? null) : null,
    unsigned: jws?.unsigned ?? false,
    claims: jws?.claims ? Object.keys(jws.claims) : [],
    times: {
      exp: jws?.times.exp?.iso ?? null,
      iat: jws?.times.iat?.iso ?? null,
      nbf: jws?.times.nbf?.iso ?? null,
    },
  };
}

function reportCookie(view: CookieView, includeValues: boolean): ReportCookie {
  const c = view.cookie;
  return {
    identity: {
      name: c.name,
      domain: c.domain,
      path: c.path,
      storeId: c.storeId,
      partitionKey: partitionKeyJson(c.partitionKey),
    },
    flags: {
      ...cookieFlags(c),
      partitioned: c.partitionKey !== undefined,
    },
    expiry:
      view.expiry.kind === 'session'
        ? { browserSession: true, expires: null, expired: false }
        : { browserSession: false, expires: view.expiry.iso, expired: view.expiry.expired },
    size: view.size,
    value: includeValues ? c.value : null,
    valueRedacted: !includeValues,
    valueLength: c.value.length,
    sessionReason: view.sessionReason ? { kind: view.sessionReason.kind, reason: view.sessionReason.detail } : null,
    decoded:
      view.decoded.format === null
        ? null
        : {
            format: view.decoded.format,
            label: view.decoded.label,
            issuedAt: isoOrNull(view.decoded.issuedAt),
            token: tokenSummary(view),
          },
    findings: findingRefs(view.findings),
  };
}

function byRule(findings: readonly Finding[]): Report['summary']['byRule'] {
  const counts = new Map<string, { ruleId: string; severity: Severity; count: number }>();
  for (const f of findings) {
    const k = `${f.ruleId}\u0000${f.severity}`;
    const entry = counts.get(k) ?? { ruleId: f.ruleId, severity: f.severity, count: 0 };
    entry.count += 1;
    counts.set(k, entry);
  }
  // Findings arrive worst first, and a Map keeps insertion order, so this list is worst first too.
  return [...counts.values()];
}

/** The shareable report of one analysis. Pure; values are left out unless `includeValues` is set. */
export function buildReport(analysis: SiteAnalysis, options: ReportOptions): Report {
  const includeValues = options.includeValues === true;
  const findings = analysis.audit.findings;
  return {
    schema: REPORT_SCHEMA,
    generator: { name: 'SessionScope', version: options.version },
    pageUrl: safePageUrl(analysis.pageUrl),
    host: hostOf(analysis.pageUrl) ?? null,
    generatedAt: new Date(options.generatedAtMs).toISOString(),
    grade: analysis.audit.grade,
    score: analysis.audit.score,
    valuesIncluded: includeValues,
    cookies: analysis.cookies.map((v) => reportCookie(v, includeValues)),
    siteFindings: findingRefs(analysis.siteFindings),
    summary: {
      total: findings.length,
      bySeverity: countBySeverity(findings),
      serious: seriousCount(findings),
      worst: worstSeverity(findings),
      byRule: byRule(findings),
    },
  };
}

export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `sessionscope-report-<host>-<yyyy-mm-dd>.json`, the date in UTC; unsafe file-name characters become `_`. */
export function reportFileName(pageUrl: string, generatedAtMs: number): string {
  return exportFileName('report', pageUrl, generatedAtMs, 'json');
}
