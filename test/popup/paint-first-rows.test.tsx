// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { cookieRows } from '../../src/core/cookie-views';
import { analyzeSite } from '../../src/core/analyze-site';
import { firstScreenRows } from '../../src/popup/first-screen-rows';
import { paintFirstRows } from '../../src/popup/paint-first-rows';
import { PopupApp } from '../../src/popup/PopupApp';
import { startPopup } from '../../src/popup/start-popup';
import type { TabStore } from '../../src/protocol/messages';
import { createPopupStore } from '../../src/state/create-store';
import { EditContext, StoreContext } from '../../src/ui/store-context';
import { makeJwt } from '../fakes/make-jwt';
import { DAY, NOW, record } from '../ui/fixtures';
import { recordingEdit } from '../ui/recording-edit';

const URL = 'https://app.example.com/';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** Every kind of row the popup shows before its analysis, more than a first screenful of them. */
async function jar(): Promise<CookieRecord[]> {
  const jwt = makeJwt({ sub: 'alice' });
  return [
    record({ name: 'zz_theme', value: 'dark' }),
    record({ name: 'PHPSESSID', value: 'abcdef0123456789', httpOnly: true }),
    record({ name: 'token_a', value: jwt, sameSite: 'no_restriction', secure: true }),
    record({ name: 'aaa_pref', value: '', sameSite: 'unspecified', secure: false }),
    record({ name: 'long', value: 'x'.repeat(5000), hostOnly: false, domain: '.example.com' }),
    record({ name: 'bidi\u202Ename', value: 'a\u200Bb\u0000c' }),
    record({ name: 'expiring', browserSession: false, expirationDate: NOW / 1000 + (3 * DAY) / 1000 }),
    record({ name: 'expired', browserSession: false, expirationDate: NOW / 1000 - DAY / 1000 }),
    record({ name: 'chip', partitionKey: { topLevelSite: 'https://top.example' }, sameSite: 'no_restriction' }),
    record({ name: 'sid', value: 'q'.repeat(4000) }),
    ...Array.from({ length: 14 }, (_, i) => record({ name: `pref_${String(i).padStart(2, '0')}`, value: `v${i}` })),
  ];
}

/** What PopupApp renders for these rows awaiting their analysis, in its own root. */
function appRendered(
  views: Awaited<ReturnType<typeof cookieRows>>['views'],
  store: TabStore | undefined,
  checkboxes: boolean,
): HTMLElement {
  const popupStore = createPopupStore({ now: NOW });
  popupStore.site.showRows(URL, views, NOW, store);
  const { container } = render(
    <StoreContext.Provider value={popupStore}>
      <EditContext.Provider value={checkboxes ? recordingEdit().edit : null}>
        <PopupApp onRequestPermission={() => {}} />
      </EditContext.Provider>
    </StoreContext.Provider>,
  );
  return container.querySelector('main')!;
}

/** The parts of the first frame that sit above and in the cookie lists: what decides where each row is. */
function firstFrame(main: Element): string[] {
  const attrs = [...main.attributes].filter((a) => a.name !== 'data-first-paint').map((a) => `${a.name}=${a.value}`);
  return [
    attrs.join(' '),
    main.querySelector('header.top')!.outerHTML,
    main.querySelector('[data-testid="session-card"] > summary')!.outerHTML,
    main.querySelector('[data-testid="top-findings"]')!.outerHTML,
    ...[...main.querySelectorAll('section.group')].map((s) => s.outerHTML),
  ];
}

describe('paintFirstRows', () => {
  for (const checkboxes of [true, false]) {
    it(`paints what PopupApp renders before the analysis, element for element (checkboxes: ${checkboxes})`, async () => {
      const { views } = await cookieRows(await jar(), NOW);
      const root = document.createElement('div');
      const main = paintFirstRows(root, { url: URL, views, now: NOW, eager: firstScreenRows(), checkboxes });
      const app = appRendered(views, undefined, checkboxes);
      expect(firstFrame(main)).toEqual(firstFrame(app));
      // The jar holds light and whole rows, session and other cookies, hidden characters and cut values.
      expect(main.querySelectorAll('[data-testid="cookie-row"]')).toHaveLength(views.length);
      expect(main.querySelectorAll('[data-testid="cookie-value"]').length).toBeLessThan(views.length);
      expect(main.querySelector('abbr.hidden-char')).not.toBeNull();
      expect(main.querySelector('[data-testid="cookie-value"][data-omitted]')).not.toBeNull();
      expect(main.querySelector('[data-testid="cookie-row"][data-session="true"]')).not.toBeNull();
    });
  }

  it("names the tab's own cookie store as the app does", async () => {
    const { views } = await cookieRows([record({ name: 'sid' })], NOW);
    const store: TabStore = { kind: 'container', id: 'firefox-container-1', name: 'Work' };
    const main = paintFirstRows(document.createElement('div'), {
      url: URL,
      views,
      now: NOW,
      store,
      eager: firstScreenRows(),
      checkboxes: true,
    });
    expect(main.querySelector('[data-testid="site-store"]')).toHaveTextContent('Container: Work');
    expect(firstFrame(main)).toEqual(firstFrame(appRendered(views, store, true)));
  });

  it('renders page-controlled text as text, never as markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { views } = await cookieRows([record({ name: evil, value: evil })], NOW);
    const main = paintFirstRows(document.createElement('div'), {
      url: URL,
      views,
      now: NOW,
      eager: 10,
      checkboxes: true,
    });
    expect(main.querySelector('img')).toBeNull();
    expect(main.querySelector('[data-testid="cookie-name"]')).toHaveTextContent(evil);
    expect(main.querySelector('[data-testid="cookie-value"]')).toHaveTextContent(evil);
  });

  it('is taken over by the popup in place: the same row elements, in the same order, now live', async () => {
    const cookies = await jar();
    const rows = await cookieRows(cookies, NOW);
    const root = document.createElement('div');
    document.body.append(root);
    paintFirstRows(root, { url: URL, views: rows.views, now: NOW, eager: firstScreenRows(), checkboxes: false });
    const painted = [...root.querySelectorAll<HTMLElement>('[data-testid="cookie-row"]')];
    let fetched = 0;
    startPopup(
      {
        tabId: 4,
        activeTab: async () => ({ id: 4 }),
        loadTabCookies: async (tabId) => {
          fetched++;
          return { ok: true, tabId, url: URL, cookies };
        },
        requestHostPermission: async () => false,
        rows: cookieRows,
        analyze: analyzeSite,
        now: () => NOW,
      },
      { root, first: { tabId: 4, result: { ok: true, tabId: 4, url: URL, cookies }, rows, t: NOW } },
    );
    // Synchronously, before any paint could come between: the popup's first render holds the painted rows.
    const main = root.querySelector('main')!;
    expect(root.querySelectorAll('main')).toHaveLength(1);
    expect(main.hasAttribute('data-first-paint')).toBe(false);
    const live = [...root.querySelectorAll<HTMLElement>('[data-testid="cookie-row"]')];
    expect(live.map((r) => r.dataset.key)).toEqual(painted.map((r) => r.dataset.key));
    expect(live.every((r, i) => r === painted[i])).toBe(true);
    // Live: a toggle now expands its row.
    live[0]!.querySelector<HTMLElement>('[data-testid="cookie-toggle"]')!.click();
    await expect.poll(() => root.querySelector('[data-testid="cookie-detail"]')).not.toBeNull();
    // The analysis fills them in, in the same order; the tab was not read again.
    await expect.poll(() => main.dataset.analysis).toBe('done');
    const analysed = [...root.querySelectorAll<HTMLElement>('[data-testid="cookie-row"]')].map((r) => r.dataset.key);
    expect(analysed).toEqual(painted.map((r) => r.dataset.key));
    expect(fetched).toBe(0);
    preactRender(null, root);
  });
});
