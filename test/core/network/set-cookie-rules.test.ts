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

const CASES: Case[] = [
  { rule: 'rejected-samesite-none-insecure', header: 'a=1; SameSite=None', expect: 'high' },
  { rule: 'rejected-samesite-none-insecure', header: 'a=1; SameSite=None; Secure', expect: null },
  { rule: 'rejected-secure-prefix', header: '__Secure-a=1; Path=/', expect: 'high' },
  { rule: 'rejected-secure-prefix', header: '__secure-a=1', expect: 'high' },
  { rule: 'rejected-secure-prefix', header: '=__Secure-a=1', expect: 'high' },
  { rule: 'rejected-secure-prefix', header: '__Secure-a=1; Secure', expect: null },
  { rule: 'rejected-host-prefix', header: '__Host-a=1; Path=/', expect: 'high' },
  { rule: 'rejected-host-prefix', header: '__Host-a=1; Secure; Path=/; Domain=example.com', expect: 'high' },
  { rule: 'rejected-host-prefix', header: '__Host-a=1; Secure; Path=/app', expect: 'high' },
  { rule: 'rejected-host-prefix', header: '__Host-a=1; Secure', expect: 'high' },
  { rule: 'rejected-host-prefix', header: '__Host-a=1; Secure; Path=/', expect: null },
  { rule: 'rejected-partitioned-insecure', header: 'a=1; Partitioned; SameSite=None', expect: 'high' },
  { rule: 'rejected-partitioned-insecure', header: 'a=1; Partitioned; Secure', expect: null },
  { rule: 'rejected-too-large', header: `a=${'x'.repeat(4096)}`, expect: 'medium' },
  { rule: 'rejected-too-large', header: `a=${'x'.repeat(4095)}`, expect: null },
  { rule: 'rejected-control-chars', header: 'a=b\u0000c', expect: 'medium' },
  { rule: 'rejected-control-chars', header: 'a=b\tc', expect: null },
  { rule: 'samesite-invalid', header: 'a=1; SameSite=Lux', expect: 'low' },
  { rule: 'samesite-invalid', header: 'a=1; SameSite=strict', expect: null },
  { rule: 'samesite-invalid', header: 'a=1', expect: null },
  { rule: 'secure-from-http', header: 'a=1; Secure', url: 'http://app.example.com/', expect: 'medium' },
  { rule: 'secure-from-http', header: 'a=1; Secure', expect: null },
  { rule: 'secure-from-http', header: 'a=1; Secure', url: 'http://localhost:3000/', expect: null },
  { rule: 'secure-from-http', header: 'a=1', url: 'http://app.example.com/', expect: null },
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
