import { describe, expect, it, vi } from 'vitest';
import { findWeakSecret } from '../../src/core/verify/find-weak-secret';
import { createWeakSecretSearches, EARLY_SEARCHES } from '../../src/headless/weak-secret-searches';
import { signJwt } from '../fakes/make-jwt';
import { makeCookie } from '../fakes/make-cookie';

const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the weak-secret searches of one audit', () => {
  it('search each value once, started early or asked for, and give each value its own outcome', async () => {
    const find = vi.fn(findWeakSecret);
    const searches = createWeakSecretSearches(find);
    const weak = makeCookie({ name: 'token', value: await signJwt({ sub: 'a' }, 'secret') });
    const plain = makeCookie({ name: 'theme', value: 'dark' });
    searches.startSoon([weak, plain]);
    expect(find).not.toHaveBeenCalled();
    await nextTasks();
    expect(find).toHaveBeenCalledTimes(2);
    expect(await searches.secretOf(weak, [weak, plain])).toBe('secret');
    expect(await searches.secretOf(plain, [weak, plain])).toBeNull();
    expect(find).toHaveBeenCalledTimes(2);
    // The same cookie with another value is another search.
    const strong = { ...weak, value: await signJwt({ sub: 'a' }, 'a-long-random-secret-in-no-list-9f8e7d6c5b4a') };
    expect(await searches.secretOf(strong, [strong, plain])).toBeNull();
    expect(find).toHaveBeenCalledTimes(3);
  });

  it('once stopped, start nothing more', async () => {
    const find = vi.fn(findWeakSecret);
    const searches = createWeakSecretSearches(find);
    searches.startSoon([makeCookie({ name: 'token', value: await signJwt({ sub: 'b' }, 'secret') })]);
    searches.stop();
    await nextTasks();
    expect(find).not.toHaveBeenCalled();
  });

  it('search at most EARLY_SEARCHES values ahead of the analysis, and the rest when asked', async () => {
    const find = vi.fn(findWeakSecret);
    const searches = createWeakSecretSearches(find);
    const values = Array.from({ length: EARLY_SEARCHES + 20 }, (_, i) => makeCookie({ name: `c${i}`, value: `v${i}` }));
    searches.startSoon(values.slice(0, 100));
    searches.startSoon(values);
    await nextTasks();
    expect(find).toHaveBeenCalledTimes(EARLY_SEARCHES);
    expect(await searches.secretOf(values.at(-1)!, values)).toBeNull();
    expect(find).toHaveBeenCalledTimes(EARLY_SEARCHES + 1);
  });
});
