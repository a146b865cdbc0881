import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { READ_STORAGE_SCRIPT } from '../../src/core/detect/read-storage-script';
import { createPanelStore } from '../../src/state/create-panel-store';
import { createPageDataSlice } from '../../src/state/page-data-slice';
import { watchPageData, type EvalAnswer, type PageDataDeps } from '../../src/state/page-data-watcher';
import { makeJwt } from '../fakes/make-jwt';
import { NOW, record } from '../ui/fixtures';
import { jarLoader } from './jar-loader';

const JWT = makeJwt({ sub: 'alice', role: 'user' });

function har(url: string, headers: Array<[string, string]> = [], started = NOW): unknown {
  return {
    startedDateTime: new Date(started).toISOString(),
    request: { url, method: 'GET', headers: headers.map(([name, value]) => ({ name, value })) },
    response: { status: 200, headers: [] },
  };
}

const storage = (local: Array<[string, string]>) => ({ origin: 'https://app.example.com', local, session: [] });

/** DevTools as the watcher sees it, driven by the test. */
function fakeDevtools(initial: { recorded?: unknown[]; storage?: EvalAnswer } = {}) {
  let onRequest: ((raw: unknown) => void) | undefined;
  let onNavigate: (() => void) | undefined;
  const state = {
    recorded: initial.recorded ?? [],
    storage: initial.storage ?? ({ ok: true, value: storage([]) } as EvalAnswer),
  };
  const evaluate = vi.fn((expression: string) => {
    expect(expression).toBe(READ_STORAGE_SCRIPT);
    return Promise.resolve(state.storage);
  });
  const deps: PageDataDeps = {
    evaluate,
    recordedRequests: () => Promise.resolve(state.recorded),
    watchRequests: (l) => {
      onRequest = l;
      return () => (onRequest = undefined);
    },
    watchNavigation: (l) => {
      onNavigate = l;
      return () => (onNavigate = undefined);
    },
    pollMs: 1_000,
    flushMs: 50,
  };
  return {
    deps,
    state,
    evaluate,
    request: (raw: unknown) => onRequest?.(raw),
    navigate: () => onNavigate?.(),
    listening: () => onRequest !== undefined && onNavigate !== undefined,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('page-data slice', () => {
  it('keeps each request once, at most the bound (newest kept), and counts what it left out', () => {
    const page = createPageDataSlice(3);
    const entry = (i: number) => ({
      url: `https://app.example.com/${i}`,
      method: 'GET',
      status: 200,
      timeMs: NOW + i,
      requestHeaders: [],
      responseHeaders: [],
    });
    page.addRequests([entry(1), entry(2), entry(1)]);
    page.addRequests([entry(2), entry(3), entry(4)]);
    expect(page.requests.value.map((e) => e.url.slice(-1))).toEqual(['2', '3', '4']);
    expect(page.droppedRequests.value).toBe(1);
    page.reset();
    expect([page.requests.value, page.droppedRequests.value]).toEqual([[], 0]);
  });

  it('finds tokens in storage and headers, and changes its input key only when they change', () => {
    const page = createPageDataSlice();
    const before = page.inputs.value.key;
    page.showStorage(storage([['access_token', JWT]]));
    const withToken = page.inputs.value;
    expect(withToken.key).not.toBe(before);
    expect(withToken.tokens.map((t) => [t.location, t.name])).toEqual([['localStorage', 'access_token']]);
    page.showStorage(storage([['access_token', JWT]]));
    expect(page.inputs.value).toBe(withToken);
    page.showStorageProblem({ reason: 'exception', detail: 'SecurityError' });
    expect(page.storageTokens.value).toEqual([]);
    expect(page.storageProblem.value?.detail).toBe('SecurityError');
  });
});

describe('watchPageData', () => {
  it('reads what DevTools recorded and the storage at once, then live requests in batches', async () => {
    vi.useFakeTimers();
    const page = createPageDataSlice();
    const dt = fakeDevtools({
      recorded: [har('https://app.example.com/api/me', [['Authorization', `Bearer ${JWT}`]]), 'not an entry'],
      storage: { ok: true, value: storage([['token', JWT]]) },
    });
    const stop = watchPageData(page, dt.deps);
    await vi.advanceTimersByTimeAsync(0);
    expect(page.requests.value).toHaveLength(1);
    expect(page.headerTokens.value.map((t) => t.token)).toEqual([JWT]);
    expect(page.storageTokens.value.map((t) => t.name)).toEqual(['token']);

    dt.request(har('https://app.example.com/a', [], NOW + 1));
    dt.request(har('https://app.example.com/b', [], NOW + 2));
    expect(page.requests.value).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(page.requests.value.map((e) => e.url)).toEqual([
      'https://app.example.com/api/me',
      'https://app.example.com/a',
      'https://app.example.com/b',
    ]);
    stop();
    expect(dt.listening()).toBe(false);
  });

  it('polls the storage, says when it cannot be read, and forgets the old page on navigation', async () => {
    vi.useFakeTimers();
    const page = createPageDataSlice();
    const dt = fakeDevtools({ recorded: [har('https://app.example.com/old')] });
    const stop = watchPageData(page, dt.deps);
    await vi.advanceTimersByTimeAsync(0);
    dt.state.storage = { ok: false, reason: 'exception', detail: 'SecurityError: denied' };
    await vi.advanceTimersByTimeAsync(1_000);
    expect(page.storageProblem.value).toEqual({ reason: 'exception', detail: 'SecurityError: denied' });

    dt.state.recorded = [har('https://app.example.com/new')];
    dt.state.storage = { ok: true, value: storage([]) };
    dt.navigate();
    expect(page.requests.value).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(page.requests.value.map((e) => e.url)).toEqual(['https://app.example.com/new']);
    expect(page.storageProblem.value).toBeNull();
    stop();
    const calls = dt.evaluate.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(dt.evaluate.mock.calls.length).toBe(calls);
  });
  it('reads no storage while the panel is not shown, and reads it once when shown again', async () => {
    vi.useFakeTimers();
    const page = createPageDataSlice();
    const dt = fakeDevtools();
    const shown = signal(true);
    const stop = watchPageData(page, { ...dt.deps, shown });
    await vi.advanceTimersByTimeAsync(0);
    expect(dt.evaluate).toHaveBeenCalledTimes(1);

    // DevTools switched to another panel: neither the poll nor a finished request reads the page.
    shown.value = false;
    dt.state.storage = { ok: true, value: storage([['token', 'abc']]) };
    dt.request(har('https://app.example.com/api'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(dt.evaluate).toHaveBeenCalledTimes(1);
    // Requests are still collected.
    expect(page.requests.value.map((e) => e.url)).toEqual(['https://app.example.com/api']);
    expect(page.storage.value?.local ?? []).toEqual([]);

    // Back to the panel: one read at once, then the poll again.
    shown.value = true;
    await vi.advanceTimersByTimeAsync(0);
    expect(dt.evaluate).toHaveBeenCalledTimes(2);
    expect(page.storage.value?.local).toEqual([['token', 'abc']]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(dt.evaluate).toHaveBeenCalledTimes(3);
    stop();
  });
});

describe('the panel analysis with page inputs', () => {
  it('audits the tokens of web storage and headers with the cookies, again whenever they change', async () => {
    const store = createPanelStore({ now: NOW });
    const loader = jarLoader(store, () => [record({ name: 'sid', value: 'x'.repeat(32) })], {
      pageInputs: store.page.inputs,
    });
    await loader.load();
    const siteRules = () =>
      store.site.analysis.value!.siteFindings.map((f) => `${f.ruleId}@${f.location}:${f.tokenName}`);
    expect(siteRules().filter((r) => r.startsWith('jwt-js-readable'))).toEqual([]);

    store.page.showStorage(storage([['access_token', JWT]]));
    await vi.waitFor(() => expect(siteRules()).toContain('jwt-js-readable@localStorage:access_token'));
    // The session card tells of the token too.
    expect(store.site.mechanisms.value.map((m) => [m.kind, m.location])).toContainEqual(['jwt', 'localStorage']);
    loader.dispose();
  });
});

describe('page-data slice: logins the panel saw', () => {
  const spaJwt = (sub: string, iatS: number) => makeJwt({ sub, role: 'user', iat: iatS });

  it('takes the tokens of the first storage read as the session found, and a new identity later as a login', () => {
    let now = NOW;
    const page = createPageDataSlice(100, () => now);
    // Before the first read nothing counts: the panel does not know yet what the page held.
    page.addRequests([]);
    page.showStorage(storage([['old', spaJwt('carol', NOW / 1000 - 3600)]]));
    expect(page.loginSignals.value).toEqual([]);
    now = NOW + 10_000;
    page.showStorage(storage([['old', spaJwt('carol', NOW / 1000)]]));
    // The same user's token refreshed is not a login.
    expect(page.loginSignals.value).toEqual([]);
    const iat = Math.floor((NOW + 8_000) / 1000);
    page.showStorage(storage([['access_token', spaJwt('alice', iat)]]));
    expect(page.loginSignals.value).toEqual([
      { time: iat * 1000, what: 'a JWT (sub alice, role user) appeared in localStorage access_token', graceMs: 2_000 },
    ]);
    // The same identity in a header later adds nothing; another page starts over.
    page.addRequests([
      {
        url: 'https://app.example.com/api',
        method: 'GET',
        status: 200,
        timeMs: now,
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${spaJwt('alice', iat)}` }],
        responseHeaders: [],
      },
    ]);
    expect(page.loginSignals.value).toHaveLength(1);
    page.reset();
    expect(page.loginSignals.value).toEqual([]);
  });

  it('times a token without iat, or with an iat in its future, by when it was first seen', () => {
    const now = NOW + 5_000;
    const page = createPageDataSlice(100, () => now);
    page.showStorage(storage([]));
    page.showStorage(
      storage([
        ['a', makeJwt({ sub: 'dave' })],
        ['b', spaJwt('erin', now / 1000 + 600)],
      ]),
    );
    expect(page.loginSignals.value.map((s) => [s.time, s.graceMs])).toEqual([
      [now, 3_000],
      [now, 3_000],
    ]);
  });
});
