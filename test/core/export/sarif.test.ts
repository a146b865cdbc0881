import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../../src/core/analyze-site';
import { RULES_BY_ID } from '../../../src/core/audit/catalogue';
import { buildSarif, sarifLevel } from '../../../src/core/export/sarif';
import { makeCookie } from '../../fakes/make-cookie';
import { unsecuredJwt } from '../../fakes/make-jwt';

const URL = 'http://app.example.com/account?token=secret-in-query';

describe('buildSarif', () => {
  it('maps severities to SARIF levels', () => {
    expect(['critical', 'high', 'medium', 'low', 'info'].map((s) => sarifLevel(s as never))).toEqual([
      'error',
      'error',
      'warning',
      'note',
      'note',
    ]);
  });

  it('has one rule per catalogue id with help text, and results at the page URL and the cookie or storage key', async () => {
    const sid = makeCookie({ name: 'sessionid', value: 'k3v9q2m8x7w1z5r4t6y0p2n8b4c7d1f3', httpOnly: false });
    const token = unsecuredJwt({ sub: 'u' });
    const analysis = await analyzeSite(URL, [sid], 0, {
      tokens: [{ location: 'localStorage', name: 'auth', token }],
    });
    const log = buildSarif(analysis, { version: '1.2.3' });
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([...RULES_BY_ID.keys()]);
    for (const r of rules) expect(r.help?.text).toMatch(/Source: .+\.$/);
    expect(run.results).toHaveLength(analysis.audit.findings.length);
    for (const r of run.results!) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
      // The query is dropped: it may carry a token.
      expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('http://app.example.com/account');
    }
    const httpOnly = run.results!.find((r) => r.ruleId === 'session-httponly-missing')!;
    expect(httpOnly.level).toBe('error');
    expect(httpOnly.locations![0]!.logicalLocations![0]!.name).toBe('cookie sessionid');
    const alg = run.results!.find((r) => r.ruleId === 'jwt-alg-none')!;
    expect(alg.locations![0]!.logicalLocations![0]!.name).toBe('localStorage auth');
    expect(JSON.stringify(log)).not.toContain(sid.value);
  });
});
