import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { invalidationFindings } from '../../../src/core/session/invalidation-findings';
import { makeCookie } from '../../fakes/make-cookie';

const sid = makeCookie({ name: 'sid', value: 'k3v9q2m8x7w1z5r4t6y0p2n8b4c7d1f3' });
const lang = makeCookie({ name: 'lang', value: 'en' });
const url = 'http://app.localhost/account';

describe('invalidationFindings (WSTG-SESS-06)', () => {
  it('reports session-not-invalidated (high) on each replayed session cookie when the replay is logged in', async () => {
    const findings = await invalidationFindings({ url, replayed: [sid, lang], loggedIn: true });
    expect(findings.map((f) => [f.ruleId, f.severity, f.cookieKey])).toEqual([
      ['session-not-invalidated', 'high', cookieKey(sid)],
    ]);
    expect(findings[0]!.detail).toContain(url);
  });

  it('is quiet when the replay is logged out', async () => {
    expect(await invalidationFindings({ url, replayed: [sid], loggedIn: false })).toEqual([]);
  });

  it('reports on the site when no replayed cookie looks like a session id, and bounds the URL it quotes', async () => {
    const long = `${url}?${'a'.repeat(5000)}`;
    const [f] = await invalidationFindings({ url: long, replayed: [lang], loggedIn: true });
    expect(f!.cookieKey).toBeUndefined();
    expect(f!.detail!.length).toBeLessThan(400);
  });
});
