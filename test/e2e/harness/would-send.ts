import type { Frame, Page } from 'puppeteer-core';

/** Reads the tool's lists: the cookies that go (header order) and the others with their reasons. */
export async function readTool(panel: Frame | Page) {
  return panel.evaluate(() => {
    const items = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
    return {
      sent: items('ws-sent-cookie').map((li) => ({
        name: li.dataset.name,
        domain: li.dataset.domain,
        path: li.dataset.path,
        shadowed: li.dataset.shadowed,
      })),
      notSent: Object.fromEntries(items('ws-not-sent-cookie').map((li) => [li.dataset.name, li.dataset.reasons])),
      header: document.querySelector('[data-testid="ws-header"]')?.textContent ?? null,
      orderCertain: document.querySelector<HTMLElement>('[data-testid="ws-result"]')?.dataset.orderCertain,
      reasonText: Object.fromEntries(
        items('ws-not-sent-cookie').map((li) => [
          li.dataset.name,
          li.querySelector('[data-testid="ws-reason"]')?.textContent,
        ]),
      ),
    };
  });
}

export async function typeInto(panel: Frame | Page, testId: string, text: string): Promise<void> {
  const input = await panel.waitForSelector(`[data-testid="${testId}"]`);
  await input!.click({ count: 3 });
  await input!.press('Backspace');
  await input!.type(text);
}

/**
 * Opens the would-send tool and waits for its answer with the creation times the change log gives: they order the
 * two `/` cookies of the shadow site.
 */
export async function openWouldSend(panel: Frame | Page): Promise<void> {
  await panel.click('[data-testid="would-send-toggle"]');
  await panel.waitForSelector('[data-testid="ws-result"][data-order-certain="true"]', { timeout: 15_000 });
}
