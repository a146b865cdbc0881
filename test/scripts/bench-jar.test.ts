import { describe, expect, it } from 'vitest';
import { otherSitesCookies } from '../../bench/bench-site';
import { registrableDomain } from '../../src/core/cookie/site';

describe('bench: the full jar of other sites’ cookies (otherSitesCookies)', () => {
  it('holds as many cookies as asked, each site under Chromium’s limit of 180, none on the bench’s own site', () => {
    const jar = otherSitesCookies(3000);
    expect(jar).toHaveLength(3000);
    const perSite = new Map<string, number>();
    for (const c of jar) {
      const site = registrableDomain(String(c.domain));
      perSite.set(site, (perSite.get(site) ?? 0) + 1);
    }
    expect(perSite.size).toBe(100);
    expect(Math.max(...perSite.values())).toBeLessThanOrEqual(180);
    expect([...perSite.keys()].some((s) => s.includes('127.0.0.1'))).toBe(false);
    // Every cookie is distinct (name, domain, path), or the browser would keep fewer than asked.
    expect(new Set(jar.map((c) => `${c.name}|${c.domain}|${c.path}`)).size).toBe(3000);
    // Session and persistent cookies both, Secure and HttpOnly ones among them.
    expect(jar.some((c) => c.expires === undefined) && jar.some((c) => c.expires !== undefined)).toBe(true);
    expect(jar.some((c) => c.secure === true) && jar.some((c) => c.httpOnly === true)).toBe(true);
  });
});
