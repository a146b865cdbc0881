import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/audit/finding';
import { gradeOf, scoreOf } from '../../../src/core/audit/grade';
import { seriousCount, worstSeverity, countBySeverity } from '../../../src/core/audit/summary';
import { sortFindings } from '../../../src/core/audit/sort-findings';

const of = (...s: Severity[]) => s.map((severity) => ({ severity }));

describe('score', () => {
  it.each([
    [of(), 100],
    [of('info', 'info', 'info'), 100],
    [of('low'), 97],
    [of('medium'), 90],
    [of('high'), 75],
    [of('critical'), 60],
    [of('critical', 'high', 'medium', 'low'), 22],
    [of('critical', 'critical', 'critical'), 0],
  ])('%j scores %i', (findings, score) => {
    expect(scoreOf(findings)).toBe(score);
  });
});

describe('grade boundaries', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89, 'B'],
    [75, 'B'],
    [74, 'C'],
    [60, 'C'],
    [59, 'D'],
    [40, 'D'],
    [39, 'F'],
    [0, 'F'],
  ])('%i is %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });
});

describe('summary helpers', () => {
  const audit = { findings: of('info', 'high', 'low', 'critical', 'high') };

  it('counts critical + high for the badge', () => {
    expect(seriousCount(audit.findings)).toBe(3);
    expect(seriousCount(of('medium', 'low', 'info'))).toBe(0);
  });

  it('names the worst severity, or null', () => {
    expect(worstSeverity(audit.findings)).toBe('critical');
    expect(worstSeverity(of('low', 'medium'))).toBe('medium');
    expect(worstSeverity([])).toBeNull();
  });

  it('counts by severity', () => {
    expect(countBySeverity(audit.findings)).toEqual({ critical: 1, high: 2, medium: 0, low: 1, info: 1 });
  });

  it('sorts worst first, then by rule id', () => {
    const f = (ruleId: string, severity: Severity) => ({ ruleId, severity, explanation: '', fix: '', source: '' });
    const sorted = sortFindings([f('b', 'low'), f('a', 'info'), f('z', 'critical'), f('a', 'low')]);
    expect(sorted.map((x) => `${x.ruleId}:${x.severity}`)).toEqual(['z:critical', 'a:low', 'b:low', 'a:info']);
  });
});
