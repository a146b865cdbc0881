import { describe, expect, it } from 'vitest';
import { blockRuleProblem, globMatches, matchesBlockRule, parseBlockRules } from '../../../src/core/edit/block-rule';

describe('block rules', () => {
  it('match globs with * only', () => {
    expect(globMatches('_ga*', '_ga_123')).toBe(true);
    expect(globMatches('*ga*', 'x_ga')).toBe(true);
    expect(globMatches('a*b*c', 'axxbyyc')).toBe(true);
    expect(globMatches('a*b*c', 'axxbyy')).toBe(false);
    expect(globMatches('sid', 'sid2')).toBe(false);
    expect(globMatches('a.b', 'axb')).toBe(false);
  });

  it('match names with case, domains without case or the leading dot', () => {
    const rule = { name: 'Track*', domain: '*.Example.com' };
    expect(matchesBlockRule(rule, { name: 'Tracker', domain: '.ads.example.com' })).toBe(true);
    expect(matchesBlockRule(rule, { name: 'tracker', domain: '.ads.example.com' })).toBe(false);
    expect(matchesBlockRule(rule, { name: 'Tracker', domain: 'notexample.com' })).toBe(false);
    expect(matchesBlockRule({ name: '', domain: 'example.com' }, { name: 'x', domain: '.example.com' })).toBe(true);
  });

  it('refuse a rule that would block every cookie, and bound the rest', () => {
    expect(blockRuleProblem({ name: '*', domain: '' })).toBe('empty');
    expect(matchesBlockRule({ name: '**', domain: '*' }, { name: 'a', domain: 'b' })).toBe(false);
    expect(blockRuleProblem({ name: 'a'.repeat(300), domain: '' })).toBe('too-long');
    expect(parseBlockRules([{ name: 'a', domain: '' }, { name: '*', domain: '' }, 'x', { name: 1 }])).toEqual([
      { name: 'a', domain: '' },
    ]);
  });

  it('stay fast on a hostile 4 KB name', () => {
    const t = performance.now();
    expect(globMatches('*a*a*a*a*a*b', 'a'.repeat(4096))).toBe(false);
    expect(performance.now() - t).toBeLessThan(500);
  });
});
