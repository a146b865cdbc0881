import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import { parseCookieJson } from '../../src/core/export/sessionscope-json';
import { buildCookieExport, type ExportRequest } from '../../src/state/export-cookies';
import { makeCookie } from '../fakes/make-cookie';
import { fakeTransferDeps, pageStorageOf } from './transfer-fakes';

const PAGE = 'https://app.example.com/';
const jar = [
  makeCookie({ name: 'sid', value: 'a=b', path: '/' }),
  makeCookie({ name: 'sid', value: 'deep', path: '/deep' }),
  makeCookie({
    name: 'other',
    domain: 'api.example.com',
    sameSite: 'unspecified',
    browserSession: false,
    expirationDate: 1_900_000_000.5,
  }),
];

async function request(over: Partial<ExportRequest> = {}): Promise<ExportRequest> {
  const analysis = await analyzeSite(PAGE, jar, Date.UTC(2026, 11, 2));
  return {
    format: 'json',
    scope: 'site',
    pageUrl: PAGE,
    host: 'app.example.com',
    shown: analysis.cookies,
    selected: new Set(),
    ...over,
  };
}

/** The export of the fake jar for `over`, which must succeed. */
async function exported(over: Partial<ExportRequest> = {}) {
  const { deps } = fakeTransferDeps([...jar]);
  const r = await buildCookieExport(await request(over), deps);
  if (!r.ok) throw new Error(r.reason);
  return r.output;
}

describe('buildCookieExport', () => {
  it('exports the site losslessly as SessionScope JSON, counting every cookie, both paths of one name kept', async () => {
    const output = await exported();
    expect(output.count).toBe(3);
    expect(output.fileName).toBe('sessionscope-cookies-app.example.com-2026-12-02.json');
    expect(parseCookieJson(output.text).cookies).toEqual(jar);
  });

  it('selected: only the selected cookies; none selected is an error, not an empty file', async () => {
    const { deps } = fakeTransferDeps([...jar]);
    const req = await request({ scope: 'selected' });
    const none = await buildCookieExport(req, deps);
    expect(none).toEqual({ ok: false, reason: 'no cookie is selected: check one or several (or open one) first' });
    const deepKey = req.shown.find((v) => v.cookie.path === '/deep')!.key;
    const one = await buildCookieExport({ ...req, selected: new Set([deepKey]) }, deps);
    expect(one.ok && parseCookieJson(one.output.text).cookies.map((c) => c.value)).toEqual(['deep']);
  });

  it('the curl command carries what a request to the page sends and says what it left out', async () => {
    const output = await exported({ format: 'curl' });
    expect(output.text).toBe("curl -b 'sid=a=b' 'https://app.example.com/'\n");
    expect(output.count).toBe(1);
    expect(output.notes).toContain(
      '2 cookies not included: a request to https://app.example.com/ would not carry them',
    );
  });

  it('storageState without a page reader says the localStorage is not included', async () => {
    const output = await exported({ format: 'storage-state' });
    expect(output.notes.some((n) => n.startsWith("the page's localStorage is not included"))).toBe(true);
    expect(JSON.parse(output.text).origins).toEqual([]);
  });

  it('storageState with the page read carries its localStorage, not its sessionStorage', async () => {
    const { deps } = fakeTransferDeps([...jar]);
    deps.pageStorage = pageStorageOf(['localStorage', 'token', 't'], ['sessionStorage', 'tab', 's']);
    const r = await buildCookieExport(await request({ format: 'storage-state' }), deps);
    expect(r.ok && JSON.parse(r.output.text).origins).toEqual([
      { origin: 'https://app.example.com', localStorage: [{ name: 'token', value: 't' }] },
    ]);
  });

  it('a jar that cannot be read is a reason, never a throw', async () => {
    const { deps } = fakeTransferDeps([]);
    deps.allCookies = () => Promise.reject(new Error('no access'));
    expect(await buildCookieExport(await request({ scope: 'all' }), deps)).toEqual({
      ok: false,
      reason: 'the cookies could not be read: no access',
    });
  });
});
