import { describe, expect, it } from 'vitest';
import { writeCookieJson } from '../../src/core/export/sessionscope-json';
import { writeNetscape } from '../../src/core/export/netscape';
import { prepareImport, runImport } from '../../src/state/import-cookies';
import { makeCookie } from '../fakes/make-cookie';
import { fakeTransferDeps } from './transfer-fakes';

describe('prepareImport + runImport', () => {
  it('previews new, overwrite, unchanged and invalid, writes only new and overwrite, each with its own result', async () => {
    const same = makeCookie({ name: 'same' });
    const jar = [same, makeCookie({ name: 'over', value: 'old' })];
    const incoming = [
      same,
      makeCookie({ name: 'over', value: 'new' }),
      makeCookie({ name: 'fresh', domain: 'b.example.com' }),
      makeCookie({ name: '__Host-bad', domain: 'app.example.com', secure: false }),
      makeCookie({ name: 'refused' }),
    ];
    const text = writeCookieJson(incoming, { version: '1', exportedAtMs: 0 }).text;
    const { deps, labels } = fakeTransferDeps(jar, new Set(['refused']));
    const prepared = await prepareImport(text, { storeId: '0' }, deps);
    expect(prepared.parsed.format).toBe('sessionscope-json');
    expect(prepared.preview.items.map((i) => i.kind)).toEqual(['unchanged', 'overwrite', 'new', 'invalid', 'new']);

    const outcome = await runImport(prepared.preview, deps);
    expect(outcome.results.map((r) => r.kind)).toEqual(['skipped', 'saved', 'saved', 'skipped', 'failed']);
    expect(outcome.counts).toEqual({ saved: 2, changed: 0, failed: 1, skipped: 2 });
    expect(labels).toEqual(['import of 3 cookies']);
    // Each cookie on its own domain: the sibling host's cookie did not move to the page's.
    expect(jar.find((c) => c.name === 'fresh')?.domain).toBe('b.example.com');
    expect(jar.find((c) => c.name === 'over')?.value).toBe('new');
  });

  it('a Netscape import keeps the expiry and both paths of one name', async () => {
    const a = makeCookie({ name: 'n', path: '/', browserSession: false, expirationDate: 1_900_000_000 });
    const b = makeCookie({ name: 'n', path: '/x', value: 'x=y' });
    const { deps, jar } = fakeTransferDeps([]);
    const prepared = await prepareImport(writeNetscape([a, b]).text, { storeId: '0' }, deps);
    await runImport(prepared.preview, deps);
    expect(jar.map((c) => [c.path, c.value, c.browserSession, c.expirationDate])).toEqual([
      ['/', 'v', false, 1_900_000_000],
      ['/x', 'x=y', true, undefined],
    ]);
  });

  it('without a write path nothing is written and every cookie says why', async () => {
    const { deps } = fakeTransferDeps([]);
    delete deps.apply;
    const prepared = await prepareImport(writeNetscape([makeCookie()]).text, { storeId: '0' }, deps);
    const outcome = await runImport(prepared.preview, deps);
    expect(outcome.results).toEqual([
      { kind: 'failed', item: prepared.preview.items[0], reason: 'this view cannot write cookies' },
    ]);
  });
});
