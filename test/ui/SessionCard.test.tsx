// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { analyzeSite } from '../../src/core/analyze-site';
import { createPopupStore } from '../../src/state/create-store';
import { MAX_MECHANISMS } from '../../src/state/site-slice';
import { SessionCard } from '../../src/ui/SessionCard';
import { makeJwt } from '../fakes/make-jwt';
import { NOW, record } from './fixtures';
import { renderWithStore, expectTexts, analyzedPopupStore } from './render';

afterEach(cleanup);

async function card(cookies: Parameters<typeof analyzeSite>[1], onShowCookie = vi.fn()) {
  const store = await analyzedPopupStore(cookies);
  renderWithStore(<SessionCard open onShowCookie={onShowCookie} />, store);
  return { store, onShowCookie, items: screen.queryAllByTestId('session-mechanism') };
}

describe('SessionCard', () => {
  it('explains each session mechanism: where, script access, protection, lifetime, cross-site', async () => {
    const jwt = makeJwt({ sub: 'u1', exp: Math.floor(NOW / 1000) + 3600 });
    const { items } = await card([
      record({ name: 'PHPSESSID', value: 'a8f5f167f44f4964e6c998dee827110c', httpOnly: true, sameSite: 'strict' }),
      record({ name: 'access_token', value: jwt, sameSite: 'no_restriction', secure: true }),
      record({ name: 'theme', value: 'dark' }),
    ]);
    const byKind = (kind: string) => items.find((li) => li.dataset.kind === kind)!;
    expect(items).toHaveLength(2);
    const server = byKind('server-session-id');
    const token = byKind('jwt');
    expect([server.dataset.protection, server.dataset.crossSite, server.dataset.scriptReadable]).toEqual([
      'opaque',
      'never',
      'false',
    ]);
    expect([token.dataset.protection, token.dataset.crossSite, token.dataset.scriptReadable]).toEqual([
      'signed',
      'all-requests',
      'true',
    ]);
    expectTexts(server, 'hidden from page scripts (HttpOnly)', 'SameSite=Strict: never sent cross-site');
    expectTexts(token, 'JSON Web Token (HS256)', 'page scripts can read it (no HttpOnly)', 'the token expires in 1 h');
  });

  it('each line leads to the cookie behind it, and each finding to the cookie it is about', async () => {
    const { items, onShowCookie, store } = await card([record({ name: 'sid', value: 'x'.repeat(32) })]);
    const key = store.site.sessionCookies.value[0]!.key;
    fireEvent.click(within(items[0]!).getByTestId('session-mechanism-link'));
    expect(onShowCookie).toHaveBeenLastCalledWith(key);
    const findings = within(items[0]!).getAllByTestId('session-mechanism-finding');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.textContent)).toContain('session-httponly-missing');
    fireEvent.click(findings[0]!);
    expect(onShowCookie).toHaveBeenCalledTimes(2);
  });

  it('tells at most MAX_MECHANISMS mechanisms and says how many more there are', async () => {
    const many = Array.from({ length: MAX_MECHANISMS + 8 }, (_, i) =>
      record({
        name: `sess_${i}`,
        value: `a8f5f167f44f4964e6c998dee82711${String(i).padStart(2, '0')}`,
        httpOnly: true,
      }),
    );
    const { items } = await card(many);
    expect(items).toHaveLength(MAX_MECHANISMS);
    expect(screen.getByTestId('session-card-more')).toHaveTextContent('8 more not shown here.');
  });

  it('says what to do when no cookie looks like a session', async () => {
    const { items } = await card([record({ name: 'theme', value: 'dark' })]);
    expect(items).toHaveLength(0);
    expect(screen.getByTestId('session-card-empty')).toHaveTextContent('Log in, then reopen');
  });

  it('shows hidden characters in page-controlled text (here a path) as visible stand-ins', async () => {
    const { items } = await card([record({ name: 'sid', path: '/\u202eapp', value: 'y'.repeat(32) })]);
    const where = within(items[0]!).getByTestId('session-mechanism-link');
    expect(where.textContent).not.toContain('\u202e');
    expect(where.querySelector('.hidden-char')).not.toBeNull();
  });
});

describe('selection.reveal', () => {
  it('expands the row and opens it, without folding a row already open', () => {
    const store = createPopupStore({ now: NOW });
    store.selection.toggleExpanded('a');
    store.selection.reveal('a');
    store.selection.reveal('b');
    expect([...store.selection.expanded.value].sort()).toEqual(['a', 'b']);
    expect(store.selection.detailKey.value).toBe('b');
    expect(store.selection.selectedKey.value).toBe('b');
  });
});
