import { expect } from 'vitest';
import { render, screen } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { analyzeSite, type SiteAnalysis } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { createPopupStore, type ViewStore } from '../../src/state/create-store';
import { createPanelStore } from '../../src/state/create-panel-store';
import type { CookiesProblem } from '../../src/protocol/messages';
import { StoreContext } from '../../src/ui/store-context';
import { NOW } from './fixtures';

/**
 * The panel table's drawn rows in the order they are shown (`aria-rowindex`): while the filter is being typed, a row
 * kept in view is moved on screen, not in the DOM (src/ui/use-row-slots.ts), so DOM order is not the table's order.
 */
export const shownRows = (): HTMLElement[] =>
  screen
    .queryAllByTestId('cookie-row')
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));

/** Renders `ui` under a fresh store (or the given one), as the entries do. */
export function renderWithStore(ui: ComponentChildren, store: ViewStore = createPanelStore({ now: NOW })) {
  const result = render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return { ...result, store };
}

/** `element` shows each of `texts`: one assertion a text, so a failure names the one missing. */
export function expectTexts(element: HTMLElement | null | undefined, ...texts: Array<string | RegExp>): void {
  for (const text of texts) expect(element).toHaveTextContent(text);
}

/** The `data-*` attributes `keys` of each of `elements`, in order: a list as the DOM contract shows it. */
export function datasets(elements: readonly HTMLElement[], ...keys: string[]): Array<Array<string | undefined>> {
  return elements.map((e) => keys.map((k) => e.dataset[k]));
}

/** What a load hands the site slice: the site's analysis, or the problem that kept it from reading the site. */
export type Shown = SiteAnalysis | CookiesProblem;

function showing<S extends ViewStore>(store: S, shown: Shown): S {
  if ('reason' in shown) store.site.showProblem(shown);
  else store.site.showAnalysis(shown, NOW);
  return store;
}

/** A fresh popup store showing `shown`, as after a load. */
export const popupStoreShowing = (shown: Shown) => showing(createPopupStore({ now: NOW }), shown);

/** A fresh panel store showing `shown`, as after a load. */
export const panelStoreShowing = (shown: Shown) => showing(createPanelStore({ now: NOW }), shown);

/** A popup store showing the analysis of `cookies` on `pageUrl`, as after a load. */
export async function analyzedPopupStore(cookies: readonly CookieRecord[], pageUrl = 'https://app.example.com/') {
  return popupStoreShowing(await analyzeSite(pageUrl, cookies, NOW));
}
