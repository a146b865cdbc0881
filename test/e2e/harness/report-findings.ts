import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import type { Report } from '../../../src/core/export/report';
import { row } from './views';

/** cookie name → sorted `rule:severity` list, the shape of `site/audit-expected.ts`. */
export function reportFindings(report: Report): Record<string, string[]> {
  return Object.fromEntries(
    report.cookies.map((c) => [c.identity.name, c.findings.map((f) => `${f.ruleId}:${f.severity}`).sort()]),
  );
}

/** The sorted `rule:severity` list of the findings shown inside `scope` (a cookie's detail). */
export function shownFindings(scope: ElementHandle<Element>): Promise<string[]> {
  return scope.$$eval('[data-testid="finding"][data-rule]', (els) =>
    els.map((el) => `${el.getAttribute('data-rule')}:${el.getAttribute('data-severity')}`).sort(),
  );
}

/** Expands each named cookie's row in the popup and reads its findings: the shape of `site/audit-expected.ts`. */
export async function popupFindings(view: Page | Frame, names: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of names) {
    await view.click(`${row(name)} [data-testid="cookie-toggle"]`);
    const detail = await view.waitForSelector(`${row(name)} [data-testid="cookie-detail"]`);
    out[name] = await shownFindings(detail!);
  }
  return out;
}

/** `#RRGGBB` as the `[r, g, b, a]` array `action.getBadgeBackgroundColor` answers. */
export function hexToRgba(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
