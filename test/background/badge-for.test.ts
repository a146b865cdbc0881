import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../src/background/badge-for';
import type { Severity } from '../../src/core/audit/finding';

const of = (...s: Severity[]) => s.map((severity) => ({ severity }));

describe('badgeFor', () => {
  it('is empty for a clean site and for one with only medium, low and info findings', () => {
    expect(badgeFor([])).toEqual({ text: '' });
    expect(badgeFor(of('medium', 'low', 'info'))).toEqual({ text: '' });
  });

  it('counts critical and high findings only', () => {
    expect(badgeFor(of('high', 'medium', 'high', 'low')).text).toBe('2');
    expect(badgeFor(of('critical', 'high', 'info')).text).toBe('2');
  });

  it('takes the colour of the worst severity', () => {
    expect(badgeFor(of('high')).color).toBe(BADGE_COLORS.high);
    expect(badgeFor(of('high', 'critical', 'high')).color).toBe(BADGE_COLORS.critical);
    expect(BADGE_COLORS.critical).not.toBe(BADGE_COLORS.high);
  });

  it('caps the text at 99+ so the browser does not cut it', () => {
    expect(badgeFor(of(...Array<Severity>(99).fill('high'))).text).toBe('99');
    expect(badgeFor(of(...Array<Severity>(100).fill('high'))).text).toBe('99+');
  });
});
