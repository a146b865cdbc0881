import type { Report } from '../../../src/core/export/report';

/** cookie name → sorted `rule:severity` list, the shape of `site/audit-expected.ts`. */
export function reportFindings(report: Report): Record<string, string[]> {
  return Object.fromEntries(
    report.cookies.map((c) => [c.identity.name, c.findings.map((f) => `${f.ruleId}:${f.severity}`).sort()]),
  );
}

/** `#RRGGBB` as the `[r, g, b, a]` array `action.getBadgeBackgroundColor` answers. */
export function hexToRgba(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
