// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WouldSendTool } from '../../src/devtools/WouldSendTool';
import { createPanelStore } from '../../src/state/create-panel-store';
import { NOW, analysis, record, view } from '../ui/fixtures';
import { renderWithStore } from '../ui/render';

afterEach(cleanup);

const PAGE = 'http://app.example.com/account/home';
const plain = (over: Parameters<typeof record>[0]) =>
  view(record({ domain: 'app.example.com', path: '/', secure: false, sameSite: 'unspecified', ...over }));

function openTool() {
  const store = createPanelStore({ now: NOW });
  store.site.showAnalysis(
    analysis(
      [
        plain({ name: 'sid', value: 'own' }),
        plain({ name: 'sid', value: 'parent', domain: '.example.com', hostOnly: false }),
        plain({ name: 'cart', value: '3', path: '/account' }),
        plain({ name: 'admin', path: '/admin' }),
        plain({ name: 'pref', secure: true }),
        plain({ name: '<img src=x onerror=alert(1)>', path: '/nowhere' }),
      ],
      {},
      PAGE,
    ),
    NOW,
  );
  renderWithStore(<WouldSendTool />, store);
  fireEvent.click(screen.getByTestId('would-send-toggle'));
  expect((screen.getByTestId('would-send') as HTMLDetailsElement).open).toBe(true);
  return store;
}

const sentNames = () => screen.getAllByTestId('ws-sent-cookie').map((li) => li.dataset.name);

describe('WouldSendTool', () => {
  it('is folded and does no work until opened', () => {
    renderWithStore(<WouldSendTool />);
    expect(screen.queryByTestId('ws-url')).toBeNull();
  });

  it('lists the cookies that go for the page URL in header order, with the header and the shadowed name', () => {
    openTool();
    expect((screen.getByTestId('ws-url') as HTMLInputElement).value).toBe(PAGE);
    expect(sentNames()).toEqual(['cart', 'sid', 'sid']);
    expect(screen.getByTestId('ws-header').textContent).toBe('Cookie: cart=3; sid=own; sid=parent');
    expect(screen.getByTestId('ws-copy-header')).toBeTruthy();
    // Two `/` cookies without creation times: the caveat says the order may differ.
    expect(screen.getByTestId('ws-result').dataset.orderCertain).toBe('false');
    expect(screen.getByTestId('ws-order-caveat').textContent).toContain('may differ');
    const shadowed = screen.getAllByTestId('ws-sent-cookie').map((li) => li.dataset.shadowed);
    expect(shadowed).toEqual(['false', 'true', 'true']);
  });

  it('says why each other cookie stays home, in words, and renders names as text', () => {
    openTool();
    const byName = new Map(screen.getAllByTestId('ws-not-sent-cookie').map((li) => [li.dataset.name, li]));
    expect(byName.get('admin')!.dataset.reasons).toBe('path');
    expect(within(byName.get('admin')!).getByTestId('ws-reason').textContent).toContain(
      'sent only under /admin, and /account/home is outside it',
    );
    expect(byName.get('pref')!.dataset.reasons).toBe('secure');
    expect(within(byName.get('pref')!).getByTestId('ws-reason').textContent).toContain('Secure: sent only over https');
    expect(document.querySelector('img')).toBeNull();
  });

  it('answers a bad URL inline and recovers with the page URL button', () => {
    openTool();
    const input = screen.getByTestId('ws-url') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'http://exa mple.com:99999' } });
    expect(screen.getByTestId('ws-error').dataset.problem).toBe('invalid-url');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('ws-result')).toBeNull();
    fireEvent.click(screen.getByTestId('ws-page-url'));
    expect(input.value).toBe(PAGE);
    expect(sentNames()).toEqual(['cart', 'sid', 'sid']);
  });

  it('suggests the scheme of a URL typed without one, and takes none for granted', () => {
    openTool();
    const input = screen.getByTestId('ws-url') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'app.example.com/account' } });
    expect(screen.getByTestId('ws-error').textContent).toBe(
      'Give the URL with its scheme, e.g. https://app.example.com/account',
    );
    fireEvent.input(input, { target: { value: 'localhost:3000/' } });
    expect(screen.getByTestId('ws-error').textContent).toBe(
      'Give the URL with its scheme, e.g. http://localhost:3000/',
    );
    expect(screen.queryByTestId('ws-result')).toBeNull();
  });

  it('asks for a site only where the kind uses one, and the method only for navigations', () => {
    openTool();
    expect(screen.getByTestId('ws-method')).toBeTruthy();
    // The site field's hint says what a blank field means: the field is wide enough (in characters) to show it.
    const site = screen.getByTestId('ws-site') as HTMLInputElement;
    expect(site.placeholder).toBe('blank: typed or same-site');
    expect(site.size).toBeGreaterThan(site.placeholder.length);
    fireEvent.change(screen.getByTestId('ws-kind'), { target: { value: 'same-site-subresource' } });
    expect(screen.queryByTestId('ws-site')).toBeNull();
    expect(screen.queryByTestId('ws-method')).toBeNull();
    fireEvent.change(screen.getByTestId('ws-kind'), { target: { value: 'cross-site-subresource' } });
    fireEvent.input(screen.getByTestId('ws-site'), { target: { value: 'https://other.test' } });
    // No SameSite means Lax in Chromium: nothing goes on a cross-site subresource.
    expect(screen.getByTestId('ws-none-sent')).toBeTruthy();
    expect(screen.getByTestId('ws-context').dataset.sameSite).toBe('false');
  });

  it('has a labelled "third-party cookies blocked" checkbox with its help, wired to the answer', () => {
    const store = openTool();
    const box = screen.getByLabelText('Third-party cookies blocked') as HTMLInputElement;
    expect(box.dataset.testid).toBe('ws-block-third-party');
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(false);
    const help = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('partitioned');
    // Every cookie here is unpartitioned: on a cross-site fetch each one gets the reason besides its others.
    fireEvent.change(screen.getByTestId('ws-kind'), { target: { value: 'cross-site-fetch' } });
    fireEvent.input(screen.getByTestId('ws-site'), { target: { value: 'http://other.test' } });
    expect(screen.getAllByTestId('ws-not-sent-cookie').some((li) => li.dataset.reasons?.includes('third-party'))).toBe(
      false,
    );
    fireEvent.click(box);
    expect(store.wouldSend.blockThirdParty.value).toBe(true);
    expect(screen.getByTestId('ws-context').dataset.blockThirdParty).toBe('true');
    expect(screen.getByTestId('ws-context').textContent).toContain('Third-party cookies count as blocked');
    const reasons = screen.getAllByTestId('ws-not-sent-cookie').map((li) => li.dataset.reasons ?? '');
    expect(reasons.length).toBe(6);
    expect(reasons.every((r) => r.split(' ').includes('third-party-blocked'))).toBe(true);
    fireEvent.click(box);
    expect(screen.getByTestId('ws-context').dataset.blockThirdParty).toBe('false');
  });

  it('shows a cookie in the detail pane from its name', () => {
    const store = openTool();
    fireEvent.click(within(screen.getAllByTestId('ws-not-sent-cookie')[0]!).getByTestId('ws-show'));
    expect(store.selection.detailKey.value).toBe(screen.getAllByTestId('ws-not-sent-cookie')[0]!.dataset.key);
  });
});
