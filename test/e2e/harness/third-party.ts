import type { Frame, Page } from 'puppeteer-core';

export type Scope = 'this-site' | 'third-parties' | 'all';

/** Picks a view with the keyboard-reachable radio button, as a user clicking it would. */
export async function showScope(panel: Frame | Page, scope: Scope): Promise<void> {
  await panel.click(`[data-testid="scope-${scope}"]`);
  await panel.waitForSelector(`[data-testid="scope-${scope}"]:checked`);
}

/** The count the switch shows for a view. */
export const scopeCount = (panel: Frame | Page, scope: Scope) =>
  panel.$eval(`[data-testid="scope-${scope}"]`, (el) => Number(el.getAttribute('data-count')));

/** The rows the virtualised table holds: its aria-rowcount less the header row. */
export const tableRows = (panel: Frame | Page) =>
  panel.$eval('[data-testid="cookie-table-scroll"] table', (t) => Number(t.getAttribute('aria-rowcount')) - 1);

/** The drawn rows: name, domain and partition as shown, and whether the row is marked as a third party's. */
export const drawnRows = (panel: Frame | Page) =>
  panel.$$eval('[data-testid="cookie-row"]', (rows) =>
    rows.map((r) => ({
      name: (r as HTMLElement).dataset.name ?? '',
      domain: r.querySelector('.col-domain')?.textContent ?? '',
      partition: r.querySelector('[data-testid="cookie-partition"]')?.textContent ?? '',
      scope: (r as HTMLElement).dataset.scope ?? '',
    })),
  );
