import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeLog } from '../../src/background/change-log';
import { watchChangeLog } from '../../src/platform/watch-change-log';
import { cookie } from '../core/timeline/helpers';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('watchChangeLog', () => {
  beforeEach(() => fake.reset());

  it('signals each write of the log (a staged batch, then its fold), not other session keys, until unsubscribed', async () => {
    const seen = vi.fn();
    const stop = watchChangeLog(seen);
    const log = createChangeLog({ store: fake.storage.session, now: () => 1 });
    await log.settled();
    log.record({ cookie: cookie(), removed: false, cause: 'explicit' });
    await tick();
    // The staged batch alone, long before the idle fold.
    expect(seen).toHaveBeenCalledTimes(1);
    await log.settled();
    // The fold's meta; marking the staged key folded and removing it add nothing.
    expect(seen).toHaveBeenCalledTimes(2);
    await fake.storage.session.set({ unrelated: 1 });
    expect(seen).toHaveBeenCalledTimes(2);
    stop();
    log.record({ cookie: cookie(), removed: true, cause: 'explicit' });
    await log.settled();
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
