import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import { cookieRows } from '../../src/core/cookie-views';
import { reasonJar as jar } from '../fixtures/reason-jar';
import { NOW } from '../fakes/clock';

const PAGE = 'https://example.test/';

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
