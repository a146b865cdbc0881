import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { FixtureCookie } from '../site/test-site';
import { cookieRows, waitForViewState, type CookieRowAttributes, type ViewRoot } from './views';

/**
 * Asserts that the view settles on `ready` for `host` and shows a row for every one of `fixtures` with its flags
 * (see `expectFixtureRows`); returns every row.
 */
export async function expectReadyWithRows(
  view: Page | Frame,
  root: ViewRoot,
  host: string,
  fixtures: FixtureCookie[],
): Promise<Map<string, CookieRowAttributes>> {
  expect(await waitForViewState(view, root)).toBe('ready');
  expect(await view.$eval('[data-testid="site-host"]', (el) => el.textContent)).toContain(host);
  const rows = await cookieRows(view);
  expectFixtureRows(rows, fixtures);
  return rows;
}

/** Asserts that every fixture cookie has a row whose flag attributes say what the cookie is. */
export function expectFixtureRows(rows: Map<string, CookieRowAttributes>, fixtures: FixtureCookie[]): void {
  for (const f of fixtures) {
    const row = rows.get(f.name);
    expect(row, `a cookie-row for ${f.name}`).toBeDefined();
    expect(
      {
        httponly: row!.httponly,
        secure: row!.secure,
        samesite: row!.samesite,
        hostonly: row!.hostonly,
        partitioned: row!.partitioned,
        path: row!.path,
      },
      `flags of ${f.name}`,
    ).toEqual({
      httponly: String(f.httpOnly),
      secure: String(f.secure),
      samesite: f.sameSite,
      hostonly: String(f.hostOnly),
      partitioned: 'false',
      path: '/',
    });
    if (f.identifiesSession !== undefined) {
      expect(row!.session, `data-session of ${f.name}`).toBe(String(f.identifiesSession));
    }
    expect(row!.key, `data-key of ${f.name}`).not.toBe('');
  }
}
