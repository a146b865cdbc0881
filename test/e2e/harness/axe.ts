import axe from 'axe-core';
import type { Frame, Page } from 'puppeteer-core';

/** WCAG 2.0 and 2.1, levels A and AA: what issue 11 asks of both views. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** Runs axe-core in the view's document; one line per rule broken, with the first few elements that break it. */
export async function axeViolations(view: Page | Frame): Promise<Violation[]> {
  // The engine's source runs in the page through the protocol, as DevTools' console would run it: the extension
  // page's CSP governs the page's own scripts, not this.
  await view.evaluate(axe.source);
  return view.evaluate(async (tags: string[]) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const result = await engine.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  }, WCAG_TAGS);
}
