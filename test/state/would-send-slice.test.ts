import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../src/core/analyze-site';
import type { ChangeLogEntry } from '../../src/protocol/messages';
import { createPanelStore } from '../../src/state/create-panel-store';
import { createWouldSendSlice, type WouldSendInputs, type WouldSendOutcome } from '../../src/state/would-send-slice';
import { setEntry } from '../fakes/make-entry';
import { NOW, analysis, record, view } from '../ui/fixtures';

const PAGE = 'https://app.example.com/account/home';
/** Neither Secure nor SameSite unless said (the fixture's cookie has both). */
const plain = (over: Parameters<typeof record>[0]) =>
  view(record({ domain: 'app.example.com', path: '/', secure: false, sameSite: 'unspecified', ...over }));
const own = plain({ name: 'sid', value: 'own' });
const parent = plain({ name: 'sid', value: 'parent', domain: '.example.com', hostOnly: false });
const deep = plain({ name: 'cart', value: '3', path: '/account' });
const admin = plain({ name: 'admin', path: '/admin' });
const secure = plain({ name: 'pref', secure: true });
const strict = plain({ name: 'csrf', sameSite: 'strict' });

function slice(
  cookies: CookieView[],
  timeline: ChangeLogEntry[] = [],
  pageUrl: string | null = PAGE,
  readSiteCookies?: WouldSendInputs['readSiteCookies'],
) {
  return createWouldSendSlice({
    readSiteCookies,
    cookies: signal<readonly CookieView[]>(cookies),
    pageUrl: signal(pageUrl ?? undefined),
    storeId: signal<string | undefined>('0'),
    now: signal(NOW),
    timeline: signal<readonly ChangeLogEntry[]>(timeline),
  });
}

function result(o: WouldSendOutcome) {
  if (o.kind !== 'result') throw new Error(`expected a result, got ${o.kind}`);
  return o;
}

const added = (seq: number, time: number, v: CookieView): ChangeLogEntry => setEntry(seq, time, v.cookie);

describe('would-send slice', () => {
  it('asks about the inspected page’s URL by default, in Cookie header order, with the header', () => {
    const s = slice([own, parent, deep, admin], [added(1, 10, parent), added(2, 20, own)]);
    const r = result(s.outcome.value);
    expect(s.url.value).toBe(PAGE);
    // Longer path first, then the older of the two `/` cookies (the log saw the parent's first).
    expect(r.sent.map((v) => v.cookie.value)).toEqual(['3', 'parent', 'own']);
    expect(r.header).toBe('cart=3; sid=parent; sid=own');
    expect(r.orderCertain).toBe(true);
    expect([...r.shadowed]).toEqual(['sid']);
    expect(r.notSent.map((n) => [n.cookie.name, n.reasons])).toEqual([['admin', ['path']]]);
  });

  it('says the order is uncertain without creation times, and keeps the input order', () => {
    const r = result(slice([own, parent]).outcome.value);
    expect(r.sent.map((v) => v.cookie.value)).toEqual(['own', 'parent']);
    expect(r.orderCertain).toBe(false);
  });

  it('gives every reason a cookie stays home, over http and cross-site', () => {
    const s = slice([own, secure, strict, admin]);
    s.urlText.value = 'http://app.example.com/admin/x';
    s.kind.value = 'cross-site-subresource';
    s.siteText.value = 'other.test';
    const r = result(s.outcome.value);
    const reasons = new Map(r.notSent.map((n) => [n.cookie.name, n.reasons]));
    expect(reasons.get('pref')).toEqual(['secure', 'samesite']);
    expect(reasons.get('csrf')).toEqual(['samesite']);
    // Unspecified SameSite is Lax by default (Chromium): not on a cross-site subresource.
    expect(reasons.get('sid')).toEqual(['samesite']);
    expect(r.sameSite).toBe(false);
    expect(r.topLevelSite).toBe('https://other.test');
  });

  it('treats a POST navigation from another site by SameSite=Lax rules', () => {
    const lax = plain({ name: 'lax', sameSite: 'lax' });
    const s = slice([lax]);
    s.siteText.value = 'https://elsewhere.test';
    expect(result(s.outcome.value).sent).toHaveLength(1);
    s.method.value = 'POST';
    expect(result(s.outcome.value).notSent[0]!.reasons).toEqual(['samesite']);
    // A same-site subresource ignores the site field.
    s.kind.value = 'same-site-subresource';
    expect(result(s.outcome.value).sent).toHaveLength(1);
  });

  it('answers a bad URL or site with what is wrong, never a throw', () => {
    const s = slice([own]);
    s.urlText.value = 'not a url';
    expect(s.outcome.value).toEqual({ kind: 'invalid-url', problem: 'unparsable', text: 'not a url' });
    s.urlText.value = 'file:///etc/passwd';
    expect(s.outcome.value).toMatchObject({ kind: 'invalid-url', problem: 'not-http' });
    s.urlText.value = '   ';
    expect(s.outcome.value).toEqual({ kind: 'no-url' });
    s.urlText.value = 'https://app.example.com/';
    s.siteText.value = 'https://';
    expect(s.outcome.value).toEqual({ kind: 'invalid-site', text: 'https://' });
    expect(slice([own], [], null).outcome.value).toEqual({ kind: 'no-url' });
  });

  it('goes back to the page’s URL when asked, and on another site (panel store)', () => {
    const store = createPanelStore({ now: NOW });
    store.site.showAnalysis(analysis([own], {}, 'https://app.example.com/'), NOW);
    store.wouldSend.urlText.value = 'https://app.example.com/typed';
    expect(store.wouldSend.url.value).toBe('https://app.example.com/typed');
    store.wouldSend.usePageUrl();
    expect(store.wouldSend.url.value).toBe('https://app.example.com/');
    store.wouldSend.urlText.value = 'https://app.example.com/typed';
    store.site.showAnalysis(analysis([], {}, 'https://other.test/'), NOW);
    expect(store.wouldSend.url.value).toBe('https://other.test/');
  });

  it('asks about the whole site once read, and says which cookies it asked about', async () => {
    const sibling = record({ name: 'other_app', domain: 'admin.example.com', secure: false, sameSite: 'unspecified' });
    const asked: Array<[string, string | undefined]> = [];
    const s = slice([own], [], PAGE, async (host, storeId) => {
      asked.push([host, storeId]);
      return [own.cookie, sibling];
    });
    expect(s.source.value).toEqual({ kind: 'page', loading: false });
    expect(result(s.outcome.value).notSent).toEqual([]);
    const reading = s.readJar();
    expect(s.source.value).toEqual({ kind: 'page', loading: true });
    await reading;
    expect(asked).toEqual([['app.example.com', '0']]);
    expect(s.source.value).toEqual({ kind: 'site' });
    const r = result(s.outcome.value);
    expect(r.sent.map((c) => [c.cookie.name, c.shown])).toEqual([['sid', true]]);
    expect(r.notSent.map((n) => [n.cookie.name, n.reasons, n.shown])).toEqual([['other_app', ['domain'], false]]);
  });

  it('falls back to the page’s cookies when the site’s cannot be read, and says why', async () => {
    const s = slice([own], [], PAGE, () => Promise.reject(new Error('no access')));
    await s.readJar();
    expect(s.source.value).toEqual({ kind: 'page', loading: false, error: 'no access' });
    expect(result(s.outcome.value).sent).toHaveLength(1);
  });

  it('keeps the latest read when an earlier one answers last', async () => {
    const answers: Array<(c: ReturnType<typeof record>[]) => void> = [];
    const s = slice([own], [], PAGE, () => new Promise((resolve) => answers.push(resolve)));
    const first = s.readJar();
    const second = s.readJar();
    answers[1]!([own.cookie, deep.cookie]);
    answers[0]!([]);
    await Promise.all([first, second]);
    expect(result(s.outcome.value).sent.map((c) => c.cookie.name)).toEqual(['cart', 'sid']);
  });

  it('with third-party cookies blocked, keeps unpartitioned cookies off cross-site requests, not partitioned ones', () => {
    const wide = plain({ name: 'wide', secure: true, sameSite: 'no_restriction' });
    const chips = plain({
      name: 'chips',
      secure: true,
      sameSite: 'no_restriction',
      partitionKey: { topLevelSite: 'https://top.test' },
    });
    const s = slice([wide, chips]);
    s.kind.value = 'cross-site-subresource';
    s.siteText.value = 'https://top.test';
    let r = result(s.outcome.value);
    expect(r.blockThirdPartyCookies).toBe(false);
    expect(r.sent.map((v) => v.cookie.name)).toEqual(['wide', 'chips']);
    s.blockThirdParty.value = true;
    r = result(s.outcome.value);
    expect(r.blockThirdPartyCookies).toBe(true);
    expect(r.sent.map((v) => v.cookie.name)).toEqual(['chips']);
    expect(r.notSent.map((n) => [n.cookie.name, n.reasons])).toEqual([['wide', ['third-party-blocked']]]);
    // A same-site request is no third-party context: the option changes nothing there.
    s.kind.value = 'same-site-subresource';
    expect(result(s.outcome.value).notSent.map((n) => n.cookie.name)).toEqual(['chips']);
  });

  it('follows the SameSite default it is given (Firefox: none)', () => {
    const s = createWouldSendSlice({
      cookies: signal<readonly CookieView[]>([own]),
      pageUrl: signal(PAGE),
      storeId: signal<string | undefined>(undefined),
      now: signal(NOW),
      unspecifiedSameSite: 'none',
    });
    s.kind.value = 'cross-site-fetch';
    s.siteText.value = 'https://other.test';
    const r = result(s.outcome.value);
    expect(r.sent.map((v) => v.cookie.name)).toEqual(['sid']);
    expect(r.unspecifiedSameSite).toBe('none');
  });
});
