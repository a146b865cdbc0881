import { describe, expect, it } from 'vitest';
import type { CookieWriteOp } from '../../src/core/edit/apply-cookie-writes';
import type { WriteCookiesResult } from '../../src/protocol/messages';
import { SNAPSHOTS_OPT_IN_KEY } from '../../src/state/snapshot-store';
import { viewTransferDeps } from '../../src/state/view-transfer-deps';
import { cookiesNamed } from '../fakes/make-cookie';
import { memoryArea } from './transfer-fakes';

describe('viewTransferDeps', () => {
  function deps() {
    const local = memoryArea();
    const sent: Array<{ ops: CookieWriteOp[]; label: string }> = [];
    const d = viewTransferDeps({
      browser: 'firefox',
      siteCookies: async () => [],
      allCookies: async () => [],
      version: () => '1.2.3',
      local,
      writeCookies: async (ops, label): Promise<WriteCookiesResult> => {
        sent.push({ ops, label });
        return { ok: true, undoable: true, results: ops.map((op) => ({ op, outcome: 'written' as const, now: null })) };
      },
    });
    return { d, local, sent };
  }

  it('sends every write through writeCookies, removes first, and answers per cookie', async () => {
    const { d, sent } = deps();
    const [a, b] = cookiesNamed(['a', 'b']);
    const results = await d.apply!({ set: [a], remove: [b] }, 'import of 1 cookie');
    expect(sent).toEqual([
      {
        ops: [
          { kind: 'remove', cookie: b },
          { kind: 'set', cookie: a },
        ],
        label: 'import of 1 cookie',
      },
    ]);
    expect(results.map((r) => [r.op, r.cookie.name, r.ok])).toEqual([
      ['remove', 'b', true],
      ['set', 'a', true],
    ]);
  });

  it('keeps snapshots in the local area it is given, and passes the browser parts through', async () => {
    const { d, local } = deps();
    await d.snapshots.setOptIn(true);
    expect(local.data.get(SNAPSHOTS_OPT_IN_KEY)).toBe(true);
    expect(d.browser).toBe('firefox');
    expect(await d.version()).toBe('1.2.3');
    expect(d.pageStorage).toBeUndefined();
  });
});
