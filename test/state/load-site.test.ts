import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { analyzeSite, type AnalyzeOptions, type SiteAnalysis } from '../../src/core/analyze-site';
import { cookieRows } from '../../src/core/cookie-views';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { buildReport, serializeReport } from '../../src/core/export/report';
import type { WeakSecretOptions, WeakSecretResult } from '../../src/core/verify/find-weak-secret';
import { createPopupStore, type PopupStore } from '../../src/state/create-store';
import type { TabCookiesResult } from '../../src/protocol/messages';
import type { WeakSecretProgress } from '../../src/state/verification-slice';
import { createSiteLoader, type SiteLoaderDeps } from '../../src/state/load-site';
import type { WeakSecretFinder } from '../../src/state/weak-secret-finder';
import { NOW, record } from '../ui/fixtures';
import { frameworkCookie } from '../fixtures/fixtures';
import { JAR_URL as URL, jarLoader } from './jar-loader';

const weakJwt = frameworkCookie('jsonwebtoken-HS256-secret');
const strongSid = frameworkCookie('express-session-random');
const theme = record({ name: 'theme', value: 'dark' });

function setup(jar: () => readonly CookieRecord[], extra: Partial<SiteLoaderDeps> = {}) {
  const store = createPopupStore({ now: NOW });
  const calls: AnalyzeOptions[] = [];
  const loader = jarLoader(store, jar, {
    analyze: (url, cookies, now, options = {}) => {
      calls.push(options);
      return analyzeSite(url, cookies, now, options);
    },
    // The check as the views run it, on core's dictionary, unless a test gives its own.
    weakSecrets: undefined,
    ...extra,
  });
  return { store, loader, calls };
}

function rulesOf(store: PopupStore, name: string): string[] {
  const view = store.site.cookies.value.find((c) => c.cookie.name === name);
  if (!view) throw new Error(`no cookie ${name}`);
  return view.findings.map((f) => f.ruleId);
}

function result(over: Partial<WeakSecretResult> = {}): WeakSecretResult {
  return { secret: null, format: 'jwt', applicable: true, aborted: false, checked: 3, total: 3, elapsedMs: 1, ...over };
}

/** A finder whose searches the test finishes by hand (or that end, aborted, when their signal fires). */
function manualFinder() {
  const searches: Array<{ cookie: CookieRecord; options: WeakSecretOptions; finish: (r: WeakSecretResult) => void }> =
    [];
  const finder: WeakSecretFinder = {
    size: 3,
    find: (cookie, _jar, options) =>
      new Promise<WeakSecretResult>((resolve) => {
        options.signal?.addEventListener('abort', () => resolve(result({ aborted: true, checked: 1 })));
        searches.push({ cookie, options, finish: resolve });
      }),
  };
  return { finder, searches };
}

describe('createSiteLoader: the automatic weak-secret check', () => {
  it('shows the cookies first, then checks the signed values in the background and adds the hit', async () => {
    const { store, loader, calls } = setup(() => [weakJwt.cookie, strongSid.cookie, theme]);
    const seen: WeakSecretProgress[] = [];
    const stop = effect(() => {
      if (store.verification.weakSecret.value) seen.push(store.verification.weakSecret.value);
    });

    await loader.load();
    // The first render does not wait for the dictionary.
    expect(store.site.state.value).toBe('ready');
    expect(rulesOf(store, 'jwt')).not.toContain('weak-secret');
    expect(calls).toHaveLength(1);

    await loader.settled();
    stop();
    const weak = store.site.cookies.value
      .find((c) => c.cookie.name === 'jwt')!
      .findings.find((f) => f.ruleId === 'weak-secret');
    expect(weak).toMatchObject({ severity: 'critical', detail: 'secret: secret' });
    expect(rulesOf(store, 'connect.sid')).not.toContain('weak-secret');
    expect(rulesOf(store, 'theme')).not.toContain('weak-secret');

    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({ state: 'done', values: 2, checkedValues: 2, hits: 1 });
    expect(last.secrets).toBeGreaterThan(400);
    expect(seen[0]).toMatchObject({ state: 'running', values: 2, checkedValues: 0, hits: 0 });
    // Progress only moves forward while it runs.
    const running = seen.filter((p) => p.state === 'running').map((p) => p.checked);
    expect(running).toEqual([...running].sort((a, b) => a - b));
    expect(running.length).toBeGreaterThan(2);
  });

  it('flags a weak token under 300 names, analysing the site again a few times, not once per hit', async () => {
    const jar = Array.from({ length: 300 }, (_, i) => ({ ...weakJwt.cookie, name: `jwt_${i}` }));
    const { store, loader, calls } = setup(() => jar);
    await loader.load();
    await loader.settled();
    expect(store.site.cookies.value.filter((v) => v.findings.some((f) => f.ruleId === 'weak-secret'))).toHaveLength(
      300,
    );
    expect(store.verification.weakSecret.value).toMatchObject({ state: 'done', values: 300, hits: 300 });
    // The first analysis, the first hit at once, then at most one every 250 ms and one at the end.
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThan(10);
  });

  it('reports its progress in steps of a hundredth of the search, and a hit at once', async () => {
    const jar = Array.from({ length: 500 }, (_, i) => ({ ...strongSid.cookie, name: `sid_${i}` }));
    const order: string[] = [];
    const find: WeakSecretFinder['find'] = async (cookie, _jar, options) => {
      order.push(cookie.name);
      for (let n = 32; n < 400; n += 32) options.onProgress?.(n, 400);
      return result({ secret: cookie.name === 'sid_250' ? 'keyboard cat' : null, checked: 400, total: 400 });
    };
    const { store, loader } = setup(() => jar, { weakSecrets: () => Promise.resolve({ size: 400, find }) });
    const seen: WeakSecretProgress[] = [];
    const stop = effect(() => {
      if (store.verification.weakSecret.value) seen.push(store.verification.weakSecret.value);
    });
    await loader.load();
    await loader.settled();
    stop();

    expect(seen[seen.length - 1]).toMatchObject({ state: 'done', values: 500, checkedValues: 500, hits: 1 });
    const running = seen.filter((p) => p.state === 'running');
    // 500 values × 13 chunks each: 6,500 chances to report. About one in a hundred of the search is shown.
    expect(running.length).toBeGreaterThan(90);
    expect(running.length).toBeLessThan(110);
    const steps = running
      .slice(1)
      .map((p, i) => ({ by: p.checked - running[i]!.checked, hit: p.hits > running[i]!.hits }));
    expect(steps.filter((s) => !s.hit).every((s) => s.by >= 2_000)).toBe(true);
    // The hit is shown with the value that found it, not at the next hundredth.
    expect(running.find((p) => p.hits === 1)).toMatchObject({ checkedValues: order.indexOf('sid_250') + 1 });
  });

  it('starts the check only once afterPaint resolves, and then runs it to the end', async () => {
    const { finder, searches } = manualFinder();
    let painted!: () => void;
    const afterPaint = vi.fn(() => new Promise<void>((resolve) => (painted = resolve)));
    const loadFinder = vi.fn(() => Promise.resolve(finder));
    const { store, loader } = setup(() => [weakJwt.cookie], { weakSecrets: loadFinder, afterPaint });
    await loader.load();
    await vi.waitFor(() => expect(afterPaint).toHaveBeenCalledTimes(1));
    // Several turns of the event loop later, still nothing of the check: no dictionary, no search, no progress.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(loadFinder).not.toHaveBeenCalled();
    expect(searches).toHaveLength(0);
    expect(store.verification.weakSecret.value).toBeNull();

    painted();
    await vi.waitFor(() => expect(searches).toHaveLength(1));
    searches[0]!.finish(result({ secret: 'secret' }));
    await loader.settled();
    expect(store.verification.weakSecret.value).toMatchObject({ state: 'done', values: 1, hits: 1 });
    expect(rulesOf(store, 'jwt')).toContain('weak-secret');
  });

  it('cancels the check when the view reloads, and the old search writes nothing', async () => {
    const { finder, searches } = manualFinder();
    const { store, loader } = setup(() => [weakJwt.cookie], { weakSecrets: () => Promise.resolve(finder) });
    await loader.load();
    await vi.waitFor(() => expect(searches).toHaveLength(1));
    const first = searches[0]!;
    first.options.onProgress?.(1, 3);
    expect(store.verification.weakSecret.value).toMatchObject({ state: 'running', checked: 1 });

    await loader.load({ quiet: true });
    expect(first.options.signal?.aborted).toBe(true);
    // A late report of the cancelled search must not move the new check's progress.
    first.options.onProgress?.(2, 3);
    await vi.waitFor(() => expect(searches).toHaveLength(2));
    expect(store.verification.weakSecret.value).toMatchObject({ state: 'running', checked: 0 });

    searches[1]!.finish(result({ secret: null }));
    await loader.settled();
    expect(store.verification.weakSecret.value).toMatchObject({ state: 'done', values: 1, hits: 0 });
    expect(rulesOf(store, 'jwt')).not.toContain('weak-secret');
  });

  it('checks each value once: a reload re-checks only values it has not seen', async () => {
    let jar: CookieRecord[] = [weakJwt.cookie, strongSid.cookie];
    const find = vi.fn((cookie: CookieRecord) =>
      Promise.resolve(result({ secret: cookie.name === 'jwt' ? 'secret' : null })),
    );
    const { store, loader } = setup(() => jar, { weakSecrets: () => Promise.resolve({ size: 3, find }) });
    await loader.load();
    await loader.settled();
    expect(find).toHaveBeenCalledTimes(2);

    await loader.load({ quiet: true });
    await loader.settled();
    expect(find).toHaveBeenCalledTimes(2);
    // A known hit is in the very first analysis of the reload: no flicker of the finding.
    expect(rulesOf(store, 'jwt')).toContain('weak-secret');
    expect(store.verification.weakSecret.value).toMatchObject({ state: 'done', values: 2, checkedValues: 2, hits: 1 });

    const rotated = frameworkCookie('express-session-keyboard-cat').cookie;
    jar = [weakJwt.cookie, rotated];
    await loader.load({ quiet: true });
    await loader.settled();
    expect(find).toHaveBeenCalledTimes(3);
    expect(find.mock.calls[2]![0].value).toBe(rotated.value);
  });

  it('a check that breaks leaves the analysis as it was and no progress line saying "checking"', async () => {
    const finder: WeakSecretFinder = {
      size: 3,
      find: (_cookie, _jar, options) => {
        options.onProgress?.(1, 3);
        return Promise.reject(new Error('broken'));
      },
    };
    const { store, loader } = setup(() => [weakJwt.cookie], { weakSecrets: () => Promise.resolve(finder) });
    await loader.load();
    await loader.settled();
    expect(store.site.state.value).toBe('ready');
    expect(store.verification.weakSecret.value).toBeNull();
    expect(rulesOf(store, 'jwt')).not.toContain('weak-secret');
  });

  it('can be turned off, and a page without signed values shows no progress', async () => {
    const off = setup(() => [weakJwt.cookie], { weakSecrets: false });
    await off.loader.load();
    await off.loader.settled();
    expect(off.store.verification.weakSecret.value).toBeNull();

    const find = vi.fn();
    const plain = setup(() => [theme], { weakSecrets: () => Promise.resolve({ size: 3, find }) });
    await plain.loader.load();
    await plain.loader.settled();
    expect(plain.store.verification.weakSecret.value).toBeNull();
    expect(find).not.toHaveBeenCalled();
  });
});

describe('createSiteLoader: verifications', () => {
  it('feeds a verification to the analysis, and forgets it when the value changes', async () => {
    let jar: CookieRecord[] = [strongSid.cookie];
    const { store, loader, calls } = setup(() => jar, { weakSecrets: false });
    await loader.load();
    const key = store.site.cookies.value[0]!.key;

    await store.verification.verify(key, ['not the secret']);
    await vi.waitFor(() => expect(rulesOf(store, 'connect.sid')).toContain('signature-invalid'));

    await store.verification.verify(key, strongSid.secrets);
    await vi.waitFor(() => expect(rulesOf(store, 'connect.sid')).toContain('signature-verified'));
    expect(rulesOf(store, 'connect.sid')).not.toContain('signature-invalid');
    // What reaches the analysis is the outcome, never the secret: so the report, even with values, holds none.
    expect(JSON.stringify([...calls[calls.length - 1]!.verifications!])).not.toContain(strongSid.secrets[0]!);
    const report = serializeReport(
      buildReport(store.site.analysis.value!, { generatedAtMs: NOW, version: '0', includeValues: true }),
    );
    expect(report).toContain('signature-verified');
    expect(report).not.toContain(strongSid.secrets[0]!);

    jar = [{ ...strongSid.cookie, value: 's%3Aother.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI' }];
    await loader.load({ quiet: true });
    expect(rulesOf(store, 'connect.sid')).not.toContain('signature-verified');
    expect(store.verification.verificationOf(store.site.cookies.value[0]!)).toBeUndefined();
  });

  it('a verification that lands while a load is in flight still reaches the analysis shown', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const store = createPopupStore({ now: NOW });
    let held = false;
    const loader = jarLoader(store, () => [strongSid.cookie], {
      analyze: async (url, cookies, now, options) => {
        const analysis = await analyzeSite(url, cookies, now, options);
        if (held) await gate;
        return analysis;
      },
    });
    await loader.load();
    const key = store.site.cookies.value[0]!.key;
    held = true;
    const reload = loader.load({ quiet: true });
    await new Promise((r) => setTimeout(r, 0));
    held = false;
    await store.verification.verify(key, strongSid.secrets);
    release();
    await reload;
    await vi.waitFor(() => expect(rulesOf(store, 'connect.sid')).toContain('signature-verified'));
  });
});

describe('createSiteLoader: rows first, then their analysis (the popup)', () => {
  /** An analysis the test lets through by hand, so what is on screen before it can be looked at. */
  function heldAnalysis() {
    const held: Array<() => void> = [];
    const calls: AnalyzeOptions[] = [];
    const analyze = async (
      url: string,
      cookies: readonly CookieRecord[],
      now: number,
      options: AnalyzeOptions = {},
    ) => {
      calls.push(options);
      const result = await analyzeSite(url, cookies, now, options);
      await new Promise<void>((release) => held.push(release));
      return result;
    };
    return { analyze, calls, held, release: () => held.splice(0).forEach((r) => r()) };
  }
  const order = (store: PopupStore) => store.site.cookies.value.map((v) => [v.key, v.sessionReason?.kind ?? null]);
  const jar = () => [theme, weakJwt.cookie, ...strongSid.jar, record({ name: 'PHPSESSID', value: 'x' })];

  it('paints the rows in their final order, then fills in findings and grade without moving them', async () => {
    const a = heldAnalysis();
    const store = createPopupStore({ now: NOW });
    const loader = jarLoader(store, jar, { rows: cookieRows, analyze: a.analyze });
    const seen: Array<{ state: string; analysing: boolean; order: unknown[] }> = [];
    const stop = effect(() => {
      seen.push({ state: store.site.state.value, analysing: store.site.analysing.value, order: order(store) });
    });
    const loading = loader.load();
    await vi.waitFor(() => expect(a.calls).toHaveLength(1));
    // The rows are up: in order, with their session reasons, no findings and no grade yet.
    expect(store.site.state.value).toBe('ready');
    expect(store.site.analysing.value).toBe(true);
    expect(store.site.analysis.value).toBeNull();
    expect(store.site.cookies.value.every((v) => v.findings.length === 0)).toBe(true);
    const early = order(store);
    // The analysis is given the decoded values the rows already have.
    expect(a.calls[0]!.decoded).toHaveLength(jar().length);
    a.release();
    await loading;
    stop();
    expect(store.site.analysing.value).toBe(false);
    expect(order(store)).toEqual(early);
    expect(store.site.cookies.value.some((v) => v.findings.length > 0)).toBe(true);
    const full: SiteAnalysis = await analyzeSite(URL, jar(), NOW);
    expect(early).toEqual(full.cookies.map((v) => [v.key, v.sessionReason?.kind ?? null]));
    // Every state the view went through: loading, rows (analysing), analysed; never an order other than the final.
    expect(seen.map((s) => [s.state, s.analysing])).toEqual([
      ['loading', false],
      ['ready', true],
      ['ready', false],
    ]);
    for (const s of seen.slice(1)) expect(s.order).toEqual(early);
  });

  it("starts from the first paint's read: its rows are in the store before the load awaits anything", async () => {
    const a = heldAnalysis();
    const store = createPopupStore({ now: NOW });
    const fetch = vi.fn(() => Promise.resolve({ ok: true as const, tabId: 1, url: URL, cookies: jar() }));
    const rows = vi.fn(cookieRows);
    const loader = createSiteLoader(store, { fetch, rows, analyze: a.analyze, now: () => NOW + 1, weakSecrets: false });
    const painted = await cookieRows(jar(), NOW);
    const loading = loader.load({
      first: { tabId: 1, result: { ok: true, tabId: 1, url: URL, cookies: jar() }, rows: painted, t: NOW },
    });
    // Synchronously: the very rows painted, on the clock they were worked out at; the tab is not read again.
    expect(store.site.state.value).toBe('ready');
    expect(store.site.cookies.value).toBe(painted.views);
    expect(store.site.now.value).toBe(NOW);
    expect(fetch).not.toHaveBeenCalled();
    expect(rows).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(a.calls).toHaveLength(1));
    expect(a.calls[0]!.decoded).toBe(painted.decoded);
    await vi.waitFor(() => expect(a.held).toHaveLength(1));
    a.release();
    await loading;
    expect(order(store)).toEqual(painted.views.map((v) => [v.key, v.sessionReason?.kind ?? null]));
    expect(store.site.analysing.value).toBe(false);
    // A later load reads afresh.
    const reload = loader.load({ quiet: true, first: { tabId: 1, result: { ok: false, reason: 'no-tab' }, t: NOW } });
    await vi.waitFor(() => expect(a.held).toHaveLength(1));
    a.release();
    await reload;
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(store.site.state.value).toBe('ready');
  });

  it("shows the first paint's problem without reading the tab", async () => {
    const store = createPopupStore({ now: NOW });
    const fetch = vi.fn(() => Promise.resolve({ ok: true as const, tabId: 1, url: URL, cookies: jar() }));
    const loader = createSiteLoader(store, { fetch, rows: cookieRows, analyze: analyzeSite, weakSecrets: false });
    await loader.load({ first: { tabId: 1, result: { ok: false, reason: 'no-permission', url: URL }, t: NOW } });
    expect(store.site.state.value).toBe('no-permission');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a quiet reload keeps the analysed rows until the new analysis, with no findings-less step', async () => {
    const store = createPopupStore({ now: NOW });
    const rows = vi.fn(cookieRows);
    const loader = jarLoader(store, jar, { rows });
    await loader.load();
    expect(rows).toHaveBeenCalledTimes(1);
    const analysing: boolean[] = [];
    const stop = effect(() => void analysing.push(store.site.analysing.value));
    await loader.load({ quiet: true });
    stop();
    expect(rows).toHaveBeenCalledTimes(1);
    expect(analysing).toEqual([false]);
  });

  it('a newer load wins over the rows and the analysis of an older one', async () => {
    const a = heldAnalysis();
    const store = createPopupStore({ now: NOW });
    let cookies = jar();
    const loader = jarLoader(store, () => cookies, { rows: cookieRows, analyze: a.analyze });
    const first = loader.load();
    await vi.waitFor(() => expect(a.calls).toHaveLength(1));
    cookies = [theme];
    const second = loader.load();
    await vi.waitFor(() => expect(a.calls).toHaveLength(2));
    a.release();
    await Promise.all([first, second]);
    expect(store.site.cookies.value.map((v) => v.cookie.name)).toEqual(['theme']);
    expect(store.site.analysing.value).toBe(false);
  });

  it('an analysis that fails after the rows says so instead of leaving them "analysing"', async () => {
    const store = createPopupStore({ now: NOW });
    const loader = jarLoader(store, jar, {
      rows: cookieRows,
      analyze: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    });
    await loader.load();
    expect(store.site.state.value).toBe('error');
    expect(store.site.analysing.value).toBe(false);
    expect(store.site.problem.value).toMatchObject({ reason: 'error', error: expect.stringContaining('dynamically') });
  });
});

describe('createSiteLoader: the cookies the read hands apart', () => {
  it('shows what the read kept under other sites, keeps an unchanged list as it was, shows any change of what it lists, and clears it on a problem', async () => {
    const store = createPopupStore({ now: NOW });
    const chip = (value: string) => record({ name: 'chip', value, partitionKey: { topLevelSite: 'https://e.test' } });
    const answers: TabCookiesResult[] = [
      { ok: true, tabId: 1, url: URL, cookies: [theme], elsewhere: [chip('1')] },
      { ok: true, tabId: 1, url: URL, cookies: [theme], elsewhere: [chip('1')] },
      { ok: true, tabId: 1, url: URL, cookies: [theme], elsewhere: [chip('2')] },
      // The same value set again with another expiry and HttpOnly: the list shows both.
      {
        ok: true,
        tabId: 1,
        url: URL,
        cookies: [theme],
        elsewhere: [{ ...chip('2'), httpOnly: true, browserSession: false, expirationDate: NOW / 1000 + 3600 }],
      },
      { ok: false, reason: 'not-http', url: 'about:blank' },
    ];
    const loader = createSiteLoader(store, {
      fetch: async () => answers.shift()!,
      analyze: analyzeSite,
      weakSecrets: false,
    });
    await loader.load();
    const first = store.site.elsewhere.value;
    expect(first.map((c) => c.value)).toEqual(['1']);
    await loader.load({ quiet: true });
    expect(store.site.elsewhere.value).toBe(first);
    await loader.load({ quiet: true });
    expect(store.site.elsewhere.value.map((c) => c.value)).toEqual(['2']);
    await loader.load({ quiet: true });
    expect(store.site.elsewhere.value.map((c) => [c.httpOnly, c.expirationDate])).toEqual([[true, NOW / 1000 + 3600]]);
    await loader.load();
    expect(store.site.elsewhere.value).toEqual([]);
  });
});
