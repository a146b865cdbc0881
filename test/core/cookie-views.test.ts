import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import { cookieRows } from '../../src/core/cookie-views';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { allFixtures, cookieOf } from '../fixtures/fixtures';
import { NOW } from '../fakes/clock';

const PAGE = 'https://example.test/';

/**
 * Every real framework fixture under a name that says nothing (so only its decoded value can make it a session),
 * once as it is and once HttpOnly (opaque ids count as sessions only then), plus plain and named cookies.
 */
function jar(): CookieRecord[] {
  const cookies: CookieRecord[] = [];
  allFixtures().forEach((f, i) => {
    cookies.push(cookieOf(`v${i}`, f.cookie.value, { httpOnly: false, path: '/a' }));
    cookies.push(cookieOf(`v${i}`, f.cookie.value, { httpOnly: true, path: '/b' }));
    for (const c of f.companions ?? []) cookies.push(cookieOf(`${c.name}`, c.value));
  });
  cookies.push(cookieOf('theme', 'dark'), cookieOf('PHPSESSID', 'abc'), cookieOf('auth_hint', '1'));
  cookies.push(cookieOf('rand', 'Zq7xK2pW9mT4vR8sL1nB6cY3hJ5gF0dA', { httpOnly: true }));
  return cookies;
}

const shape = (views: ReadonlyArray<{ key: string; sessionReason: unknown }>) =>
  views.map((v) => [v.key, v.sessionReason]);

/** The early rows of the jar and its full analysis. */
async function rowsAndAnalysis() {
  const cookies = jar();
  return { rows: await cookieRows(cookies, NOW), full: await analyzeSite(PAGE, cookies, NOW) };
}

describe('cookieRows: the rows painted before the analysis', () => {
  it('has the analysis’s order and session reasons, so nothing moves when the findings arrive', async () => {
    const { rows, full } = await rowsAndAnalysis();
    expect(shape(rows.views)).toEqual(shape(full.cookies));
    // Only decoding finds these: the test would pass by luck if every session were found by its name.
    const kinds = new Set(rows.views.map((v) => v.sessionReason?.kind));
    expect(kinds).toContain('format');
    expect(kinds).toContain('token');
    expect(rows.views.every((v) => v.findings.length === 0)).toBe(true);
    expect(full.cookies.some((v) => v.findings.length > 0)).toBe(true);
  });

  it('hands its decoded values to analyzeSite, which then gives the same analysis without decoding again', async () => {
    const cookies = jar();
    const rows = await cookieRows(cookies, NOW);
    expect(rows.decoded).toHaveLength(cookies.length);
    const reused = await analyzeSite(PAGE, cookies, NOW, { decoded: rows.decoded });
    expect(reused).toEqual(await analyzeSite(PAGE, cookies, NOW));
    // Reused, not recomputed: the very objects come back in the views.
    expect(reused.cookies.every((v) => rows.decoded.includes(v.decoded))).toBe(true);
  });

  it('shows the same rows (size, expiry, decoded value) as the analysis does', async () => {
    const { rows, full } = await rowsAndAnalysis();
    const strip = (views: typeof rows.views) => views.map(({ findings: _, ...rest }) => rest);
    expect(strip(rows.views)).toEqual(strip(full.cookies));
  });
});
