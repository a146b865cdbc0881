import { describe, expect, it } from 'vitest';
import { HEADER_RULES } from '../../../src/core/audit/catalogue';
import type { Severity } from '../../../src/core/audit/finding';
import { auditSetCookie } from '../../../src/core/network/audit-set-cookie';
import { expectTriggerAndNearMiss } from '../audit/expect-rule-cases';

interface Case {
  rule: string;
  header: string;
  url?: string;
  expect: Severity | null;
}

const HTTPS = 'https://app.example.com/login';

/** A header alone (sent from HTTPS), or a header and the URL it comes from. */
type Sent = string | [header: string, url: string];

/** One rule's cases: each of `triggers` gives one finding of `severity`, each of `nearMisses` none. */
function ruleCases(rule: string, severity: Severity, triggers: Sent[], nearMisses: Sent[]): Case[] {
  const one = (sent: Sent, expect: Severity | null): Case =>
    typeof sent === 'string' ? { rule, header: sent, expect } : { rule, header: sent[0], url: sent[1], expect };
  return [...triggers.map((t) => one(t, severity)), ...nearMisses.map((n) => one(n, null))];
}

const CASES: Case[] = [
  ...ruleCases('rejected-samesite-none-insecure', 'high', ['a=1; SameSite=None'], ['a=1; SameSite=None; Secure']),
  ...ruleCases(
    'rejected-secure-prefix',
    'high',
    ['__Secure-a=1; Path=/', '__secure-a=1', '=__Secure-a=1'],
    ['__Secure-a=1; Secure'],
  ),
  ...ruleCases(
    'rejected-host-prefix',
    'high',
    [
      '__Host-a=1; Path=/',
      '__Host-a=1; Secure; Path=/; Domain=example.com',
      '__Host-a=1; Secure; Path=/app',
      '__Host-a=1; Secure',
    ],
    ['__Host-a=1; Secure; Path=/'],
  ),
  ...ruleCases(
    'rejected-partitioned-insecure',
    'high',
    ['a=1; Partitioned; SameSite=None'],
    ['a=1; Partitioned; Secure'],
  ),
  ...ruleCases('rejected-too-large', 'medium', [`a=${'x'.repeat(4096)}`], [`a=${'x'.repeat(4095)}`]),
  ...ruleCases('rejected-control-chars', 'medium', ['a=b\u0000c'], ['a=b\tc']),
  ...ruleCases('samesite-invalid', 'low', ['a=1; SameSite=Lux'], ['a=1; SameSite=strict', 'a=1']),
  ...ruleCases(
    'secure-from-http',
    'medium',
    [['a=1; Secure', 'http://app.example.com/']],
    ['a=1; Secure', ['a=1; Secure', 'http://localhost:3000/'], ['a=1', 'http://app.example.com/']],
  ),
];

describe('raw Set-Cookie rules: a header that triggers each and a near miss', () => {
  it.each(CASES.map((c) => ({ ...c, shown: c.header.slice(0, 60) })))(
    '$rule: $shown → $expect',
    ({ rule, header, url, expect: severity }) => {
      const hits = auditSetCookie(header, url ?? HTTPS).findings.filter((f) => f.ruleId === rule);
      if (severity === null) expect(hits).toEqual([]);
      else expect(hits.map((f) => f.severity)).toEqual([severity]);
    },
  );

  it('covers every header rule of the catalogue with a trigger and a near miss', () => {
    expectTriggerAndNearMiss(
      CASES,
      HEADER_RULES.map((r) => r.id),
    );
  });

  it('names what is wrong with a __Host- cookie', () => {
    const f = auditSetCookie('__Host-a=1; Domain=example.com; Path=/x', HTTPS).findings[0];
    expect(f?.detail).toBe('no Secure, Domain=example.com, Path=/x');
  });
});
