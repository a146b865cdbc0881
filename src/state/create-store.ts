import { computed } from '@preact/signals';
import { createFilterSlice } from './filter-slice';
import { createLoginRotationSlice } from './login-rotation-slice';
import { createPageDataSlice } from './page-data-slice';
import { createReportSlice } from './report-slice';
import { createSelectionSlice } from './selection-slice';
import { createSiteSlice } from './site-slice';
import { createThirdPartySlice } from './third-party-slice';
import { createTimelineSlice } from './timeline-slice';
import { createVerificationSlice, type Verifier } from './verification-slice';

export interface StoreInit {
  now?: number;
  /** The panel keeps at most this many timeline entries in memory; older ones count as dropped. */
  timelineLimit?: number;
  /** Defaults to core's verifyCookie, loaded on first use so the popup's first paint does not wait for jose. */
  verify?: Verifier;
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

/** The panel's state: the popup's slices plus the table's filter and sort, the change timeline, and the logins it saw. */
export function createPanelStore(init: StoreInit = {}) {
  const page = createPageDataSlice();
  const site = createSiteSlice(init, page.tokens);
  const thirdParty = createThirdPartySlice(site, page.requests);
  const filter = createFilterSlice(site.cookies, site.now, thirdParty.views);
  // The arrow keys move through the rows the filter leaves, in the order shown; the detail opens any view's cookie.
  const selection = createSelectionSlice(filter.everything, filter.visible);
  site.onNewSite(selection.reset);
  const verification = createVerificationSlice(site.cookies, init.verify);
  const timeline = createTimelineSlice(init.timelineLimit);
  const rotation = createLoginRotationSlice(timeline.entries, page.loginSignals, site.sessionCookies);
  const report = createReportSlice();
  site.onNewSite(report.reset);
  return { site, filter, selection, verification, timeline, report, page, rotation, thirdParty };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
export type PanelStore = ReturnType<typeof createPanelStore>;
/** What the shared components are handed: the popup's slices, and the panel-only ones where the view has them. */
export type ViewStore = PopupStore & Partial<Pick<PanelStore, 'filter' | 'timeline' | 'rotation' | 'thirdParty'>>;
