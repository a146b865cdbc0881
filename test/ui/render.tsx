import { expect } from 'vitest';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { createPopupStore, type ViewStore } from '../../src/state/create-store';
import { createPanelStore } from '../../src/state/create-panel-store';
import { StoreContext } from '../../src/ui/store-context';
import { NOW } from './fixtures';

/** Renders `ui` under a fresh store (or the given one), as the entries do. */
export function renderWithStore(ui: ComponentChildren, store: ViewStore = createPanelStore({ now: NOW })) {
  const result = render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return { ...result, store };
}

/** `element` shows each of `texts`: one assertion a text, so a failure names the one missing. */
export function expectTexts(element: HTMLElement | null | undefined, ...texts: Array<string | RegExp>): void {
  for (const text of texts) expect(element).toHaveTextContent(text);
}

/** A popup store showing the analysis of `cookies` on `pageUrl`, as after a load. */
export async function analyzedPopupStore(cookies: readonly CookieRecord[], pageUrl = 'https://app.example.com/') {
  const store = createPopupStore({ now: NOW });
  store.site.showAnalysis(await analyzeSite(pageUrl, cookies, NOW), NOW);
  return store;
}
