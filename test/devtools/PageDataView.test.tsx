// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PageDataView } from '../../src/devtools/PageDataView';
import { createPanelStore } from '../../src/state/create-panel-store';
import { makeJwt } from '../fakes/make-jwt';
import { NOW, analysis } from '../ui/fixtures';
import { renderWithStore, expectTexts } from '../ui/render';

afterEach(cleanup);

const ORIGIN = 'https://app.example.com';

function view() {
  const store = createPanelStore({ now: NOW });
  store.site.showAnalysis(analysis([]), NOW);
  renderWithStore(<PageDataView />, store);
  return store;
}

describe('PageDataView', () => {
  it('says it is reading web storage until the first read, and what to do where nothing was recorded', () => {
    view();
    const storage = screen.getByTestId('storage-tokens');
    expect(storage).toHaveTextContent("Reading the page's localStorage and sessionStorage…");
    expectTexts(screen.getByTestId('header-tokens'), 'No token in the requests recorded', 'Reload the page, or use it');
    expect(screen.getByTestId('set-cookies')).toHaveTextContent('Reload the page to record them');
    expect(screen.queryAllByTestId('page-token')).toEqual([]);
  });

  it('says the storage holds no token once read empty', () => {
    const store = view();
    act(() => store.page.showStorage({ origin: ORIGIN, local: [['theme', 'dark']], session: [] }));
    const storage = screen.getByTestId('storage-tokens');
    expectTexts(storage, "No token in this page's localStorage or sessionStorage.", '(0 tokens in 1 entry)');
    expect(storage).not.toHaveTextContent('Reading');
  });

  it('says why the storage could not be read, as text, and how to try again', () => {
    const store = view();
    act(() => store.page.showStorageProblem({ reason: 'exception', detail: '<img src=x onerror=alert(1)> denied' }));
    const problem = screen.getByTestId('storage-problem');
    expectTexts(problem, '<img src=x onerror=alert(1)> denied', 'Reload the page with DevTools open');
    expect(problem.querySelector('img')).toBeNull();
  });

  it('lists the tokens of web storage and headers, and the rejected Set-Cookie header with its reason', () => {
    const store = view();
    const jwt = makeJwt({ sub: 'alice' });
    act(() => {
      store.page.showStorage({ origin: ORIGIN, local: [['access_token', jwt]], session: [] });
      store.page.addRequests([
        {
          url: `${ORIGIN}/api/login`,
          method: 'POST',
          status: 200,
          timeMs: NOW,
          requestHeaders: [{ name: 'Authorization', value: `Bearer ${jwt}` }],
          responseHeaders: [{ name: 'Set-Cookie', value: 'cross=1; Path=/; SameSite=None' }],
        },
      ]);
    });
    const stored = within(screen.getByTestId('storage-tokens')).getByTestId('page-token');
    expect([stored.dataset.location, stored.dataset.name, stored.dataset.kind]).toEqual([
      'localStorage',
      'access_token',
      'jwt',
    ]);
    const header = within(screen.getByTestId('header-tokens')).getByTestId('page-token');
    expect(header.dataset.location).toBe('header');
    const setCookie = screen.getByTestId('set-cookie');
    expect(setCookie.dataset.outcome).toBe('rejected');
    expect(within(setCookie).getByTestId('set-cookie-reason').dataset.reason).toBe('rejected-samesite-none-insecure');
    // Each count names its noun in the right number.
    expect(screen.getByTestId('storage-tokens').querySelector('summary')).toHaveTextContent('(1 token in 1 entry)');
    expect(screen.getByTestId('header-tokens').querySelector('summary')).toHaveTextContent('(1 token in 1 request)');
    expect(screen.getByTestId('set-cookies').querySelector('summary')).toHaveTextContent('(1 header, 1 rejected)');
    // Opened because a header was rejected.
    expect((screen.getByTestId('set-cookies') as HTMLDetailsElement).open).toBe(true);
  });
});
