import type { Finding } from '../core/audit/finding';
import { countBySeverity } from '../core/audit/summary';
import type { SessionComparison } from '../core/session/compare-sessions';
import type { PageAudit } from '../headless/audit-page';
import { terminalText } from './terminal-text';

function where(f: Finding, names: ReadonlyMap<string, string>): string {
  if (f.cookieKey !== undefined) return `cookie ${names.get(f.cookieKey) ?? '?'}`;
  if (f.tokenName !== undefined) return `${f.location ?? 'token'} ${f.tokenName}`;
  return 'site';
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function behaviourLine(label: string, c: SessionComparison | undefined): string | null {
  if (!c) return null;
  if (c.changes.length === 0) return `${label}: no session cookie before it`;
  const parts = c.changes.map((ch) => `${terminalText(ch.name, 40)} ${ch.fate}`);
  return `${label}: ${parts.join(', ')}`;
}

/** The grade, a table of findings (worst first) and what the login and logout did, as plain text. */
export function formatText(audit: PageAudit): string {
  const { analysis, report } = audit;
  const names = new Map(analysis.cookies.map((v) => [v.key, terminalText(v.cookie.name, 40)] as const));
  const counts = countBySeverity(audit.findings);
  const summary = (['critical', 'high', 'medium', 'low', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
  const lines = [
    `SessionScope audit of ${terminalText(report.pageUrl, 200)}`,
    `Grade ${report.grade} (score ${report.score}) · ${report.cookies.length} cookies · ${audit.findings.length} findings${
      summary ? `: ${summary}` : ''
    }`,
  ];
  for (const l of [behaviourLine('Login', audit.login), behaviourLine('Logout', audit.logout)]) if (l) lines.push(l);
  if (audit.replay) {
    lines.push(
      `Replay after logout: ${audit.replay.loggedIn ? 'still logged in' : 'logged out'} (${terminalText(audit.replay.url, 120)})`,
    );
  }
  lines.push('');
  if (audit.findings.length === 0) {
    lines.push('No findings.');
  } else {
    const rows = [['SEVERITY', 'RULE', 'WHERE', 'DETAIL']];
    for (const f of audit.findings) {
      rows.push([f.severity, f.ruleId, terminalText(where(f, names), 50), terminalText(f.detail ?? '', 100)]);
    }
    lines.push(...table(rows));
  }
  return `${lines.join('\n')}\n`;
}
