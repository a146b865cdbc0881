import { computed, signal } from '@preact/signals';
import { createColumnsSlice } from './columns-slice';
import { createFilterSlice } from './filter-slice';
import { createLoginRotationSlice } from './login-rotation-slice';
import { createPageDataSlice } from './page-data-slice';
import { createReportSlice } from './report-slice';
import { createSelectionSlice } from './selection-slice';
import { createSiteSlice } from './site-slice';
import { createThirdPartySlice } from './third-party-slice';
import { createTimelineSlice } from './timeline-slice';
import { createVerificationSlice } from './verification-slice';
import { createWouldSendSlice } from './would-send-slice';
import type { StoreInit } from './create-store';

/**
 * The panel's state: the popup's slices plus the table's filter and sort, the change timeline, the logins it saw,
 * the would-send tool, and which of the table's columns are shown.
 */
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
  const wouldSend = createWouldSendSlice({
    cookies: site.cookies,
    pageUrl: site.url,
    storeId: site.storeId,
    now: site.now,
    timeline: timeline.entries,
    readSiteCookies: init.readSiteCookies,
    ...(init.unspecifiedSameSite ? { unspecifiedSameSite: init.unspecifiedSameSite } : {}),
  });
  site.onNewSite(wouldSend.usePageUrl);
  const columns = createColumnsSlice(
    init.narrowPanel ?? signal(false),
    computed(() => filter.everything.value.some((v) => v.cookie.partitionKey !== undefined)),
    init.columnPrefs,
  );
  return { site, filter, selection, verification, timeline, report, page, rotation, thirdParty, wouldSend, columns };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
