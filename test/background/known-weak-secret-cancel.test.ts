import { describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { opaque } from '../../src/core/decode/decoded-value';
import { findWeakSecret, type WeakSecretOptions } from '../../src/core/verify/find-weak-secret';
import {
  BADGE_CHECK_CHUNK,
  BADGE_SIGNED_VALUES_PER_SITE,
  createKnownWeakSecret,
} from '../../src/background/known-weak-secret';
import { frameworkCookie } from '../fixtures/fixtures';

const strong = frameworkCookie('jsonwebtoken-HS256');
const DICTIONARY = Array.from({ length: 2_000 }, (_, i) => `not-the-secret-${i}`);

describe('the badge weak-secret check: cancelled, bounded, no key derivation', () => {
  it('stops trying dictionary candidates soon after the recount is aborted, and forgets the cut search', async () => {
    const controller = new AbortController();
    let tried = 0;
    let triedAtAbort = -1;
    const find = vi.fn((cookie: CookieRecord, jar?: readonly CookieRecord[], options: WeakSecretOptions = {}) =>
      findWeakSecret(cookie, jar, {
        ...options,
        dictionary: DICTIONARY,
        onProgress: (checked) => {
          tried = checked;
          // The page navigated away after the first chunk.
          if (triedAtAbort < 0) {
            triedAtAbort = checked;
            controller.abort();
          }
        },
      }),
    );
    const known = createKnownWeakSecret(find);
    const check = known.forRecount(controller.signal);
    expect(await check(strong.cookie, opaque(), strong.jar)).toBeNull();
    expect(triedAtAbort).toBe(BADGE_CHECK_CHUNK);
    expect(tried - triedAtAbort).toBe(0);
    const result = await find.mock.results[0]!.value;
    expect(result).toMatchObject({ aborted: true, checked: BADGE_CHECK_CHUNK, total: DICTIONARY.length });
    // Not remembered as "not weak": a later recount searches again.
    await known.forRecount(new AbortController().signal)(strong.cookie, opaque(), strong.jar);
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('starts no search at all for a recount already aborted', async () => {
    const find = vi.fn(findWeakSecret);
    const controller = new AbortController();
    controller.abort();
    expect(await createKnownWeakSecret(find).forRecount(controller.signal)(strong.cookie, opaque(), strong.jar)).toBe(
      null,
    );
    expect(find).not.toHaveBeenCalled();
  });

  it('searches at most the bound of signed values per site; values already known are free', async () => {
    const find = vi.fn(async () => ({
      secret: null,
      format: 'jwt' as const,
      applicable: true,
      aborted: false,
      checked: 1,
      total: 1,
      elapsedMs: 0,
    }));
    const known = createKnownWeakSecret(find);
    const jar = Array.from({ length: 40 }, (_, i) => ({ ...strong.cookie, name: `signed${i}` }));
    const site = await analyzeSite('https://app.example.com/', jar, Date.now(), {
      checkWeakSecret: known.forRecount(new AbortController().signal),
    });
    expect(site.cookies.length).toBe(40);
    expect(find).toHaveBeenCalledTimes(BADGE_SIGNED_VALUES_PER_SITE);
    // The next recount of the same site goes on with the values not yet searched.
    await analyzeSite('https://app.example.com/', jar, Date.now(), {
      checkWeakSecret: known.forRecount(new AbortController().signal),
    });
    expect(find).toHaveBeenCalledTimes(2 * BADGE_SIGNED_VALUES_PER_SITE);
  });

  it('never derives a key per secret (Rails PBKDF2) for the badge; a view that asks still does', async () => {
    const rails = frameworkCookie('rails-signed-weak');
    const badgeSearch = await findWeakSecret(rails.cookie, rails.jar, { skipCostlyKeys: true });
    expect(badgeSearch).toMatchObject({ applicable: false, checked: 0, secret: null });
    const viewSearch = await findWeakSecret(rails.cookie, rails.jar, { dictionary: rails.secrets });
    expect(viewSearch.applicable).toBe(true);
    expect(viewSearch.secret).toBe(rails.secrets[0]);
    const find = vi.fn(findWeakSecret);
    await createKnownWeakSecret(find).forRecount(new AbortController().signal)(rails.cookie, opaque(), rails.jar);
    expect(find.mock.calls[0]![2]).toMatchObject({ skipCostlyKeys: true });
  });
});
