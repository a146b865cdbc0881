import type { Frame, Page } from 'puppeteer-core';

/** Records every JavaScript dialog (alert, confirm, prompt) a page opens. Attach before the page loads. */
export function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

export interface MarkupTrace {
  /** `<img src="x">` elements: only a hostile cookie value parsed as HTML would create one. */
  hostileImages: number;
  /** Elements carrying an inline `on…` handler attribute. */
  inlineHandlers: number;
  /** Set by the canary cookie's onerror handler if it ever ran. */
  pwned: unknown;
}

/**
 * What a cookie value rendered as markup would have left in the view's document, read after a frame and 50 ms
 * so that an image's error event and its handler have had their chance to run.
 */
export async function markupTrace(context: Page | Frame): Promise<MarkupTrace> {
  await context.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  return context.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    return {
      hostileImages: document.querySelectorAll('img[src="x"]').length,
      inlineHandlers: all.filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    };
  });
}
