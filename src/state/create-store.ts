import { computed, type ReadonlySignal } from '@preact/signals';
import { createPageDataSlice } from './page-data-slice';
import { createReportSlice } from './report-slice';
import { createSelectionSlice } from './selection-slice';
import { createSiteSlice } from './site-slice';
import { createVerificationSlice, type Verifier } from './verification-slice';
import type { WouldSendInputs } from './would-send-slice';
import type { ColumnPrefsStore } from './columns-slice';
// The panel's store lives in its own module: its slices (third parties, the would-send tool) import the Public
// Suffix List, which must stay out of the popup's first chunk.
import type { PanelStore } from './create-panel-store';

export interface StoreInit {
  now?: number;
  /** The panel keeps at most this many timeline entries in memory; older ones count as dropped. */
  timelineLimit?: number;
  /** Defaults to core's verifyCookie, loaded on first use so the popup's first paint does not wait for jose. */
  verify?: Verifier;
  /** How the browser treats a cookie without SameSite (the would-send tool): `lax` in Chromium, `none` in Firefox. */
  unspecifiedSameSite?: 'lax' | 'none';
  /** Every cookie of a site, for the would-send tool (the page's own cookies only without it). */
  readSiteCookies?: WouldSendInputs['readSiteCookies'];
  /** Where the panel keeps which table columns the user hid (nowhere without it: the choice lasts while the panel is open). */
  columnPrefs?: ColumnPrefsStore;
  /** Whether the panel is laid out in one column now (panel-layout.ts); wide without it. */
  narrowPanel?: ReadonlySignal<boolean>;
}

/**
 * The popup's state: the site, what the user opened, and the signature checks. Composed from slice factories
 * (as preact-devtools composes its store) rather than a module singleton, so every test and every page gets a
 * fresh one, handed down through StoreContext; each view takes only the slices it uses.
 */
export function createPopupStore(init: StoreInit = {}) {
  // The tab's web storage, read once per load (the popup has no network view): its tokens join the analysis.
  const page = createPageDataSlice();
  const site = createSiteSlice(init, page.tokens);
  // In the order shown: the session group, then the others (a shift-click checks the run between two rows).
  const shown = computed(() => [...site.sessionCookies.value, ...site.otherCookies.value]);
  const selection = createSelectionSlice(site.cookies, shown);
  site.onNewSite(selection.reset);
  const verification = createVerificationSlice(site.cookies, init.verify);
  const report = createReportSlice();
  site.onNewSite(report.reset);
  return { site, selection, verification, report, page };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
export type { PanelStore };
/** What the shared components are handed: the popup's slices, and the panel-only ones where the view has them. */
export type ViewStore = PopupStore &
  Partial<Pick<PanelStore, 'filter' | 'timeline' | 'rotation' | 'thirdParty' | 'wouldSend' | 'columns'>>;
