import { describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { opaque } from '../../src/core/decode/decoded-value';
import type { WeakSecretResult } from '../../src/core/verify/find-weak-secret';
import { createKnownWeakSecret } from '../../src/background/known-weak-secret';
import { badgeFor, BADGE_COLORS } from '../../src/background/badge-for';
import { frameworkCookie } from '../fixtures/fixtures';

const weak = frameworkCookie('jsonwebtoken-HS256-secret');
const strong = frameworkCookie('jsonwebtoken-HS256');

function result(secret: string | null): WeakSecretResult {
  return { secret, format: 'jwt', applicable: true, aborted: false, checked: 1, total: 1, elapsedMs: 0 };
}

describe('createKnownWeakSecret (the badge check)', () => {
  it('makes the badge count a value signed with a default secret', async () => {
    const check = createKnownWeakSecret();
    const withCheck = await analyzeSite('https://app.example.com/', weak.jar, Date.now(), { checkWeakSecret: check });
    const without = await analyzeSite('https://app.example.com/', weak.jar, Date.now());
    expect(withCheck.audit.findings.find((f) => f.ruleId === 'weak-secret')?.detail).toBe('secret: secret');
    expect(badgeFor(withCheck.audit.findings).color).toBe(BADGE_COLORS.critical);
    expect(without.audit.findings.some((f) => f.ruleId === 'weak-secret')).toBe(false);
    const other = await analyzeSite('https://app.example.com/', strong.jar, Date.now(), { checkWeakSecret: check });
    expect(other.audit.findings.some((f) => f.ruleId === 'weak-secret')).toBe(false);
  });

  it('checks a value once across recounts, and again when it changes', async () => {
    const find = vi.fn((c: CookieRecord) => Promise.resolve(result(c.value === 'a' ? 'secret' : null)));
    const check = createKnownWeakSecret(find);
    const cookie = { ...weak.cookie, value: 'a' };
    expect(await check(cookie, opaque(), [cookie])).toEqual({ secret: 'secret' });
    expect(await check(cookie, opaque(), [cookie])).toEqual({ secret: 'secret' });
    expect(find).toHaveBeenCalledTimes(1);
    const changed = { ...cookie, value: 'b' };
    expect(await check(changed, opaque(), [changed])).toBeNull();
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('stays bounded', async () => {
    const find = vi.fn(() => Promise.resolve(result(null)));
    const check = createKnownWeakSecret(find, 2);
    for (const v of ['1', '2', '3', '1']) {
      const c = { ...weak.cookie, value: v };
      await check(c, opaque(), [c]);
    }
    // '1' was dropped when '3' came in, so it is checked again.
    expect(find).toHaveBeenCalledTimes(4);
  });
});
