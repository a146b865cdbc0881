import { describe, expect, it } from 'vitest';
import type { ChangeLogEntry } from '../../src/protocol/messages';
import type { VerifyResult } from '../../src/core/verify/verify-result';
import { createStore } from '../../src/state/create-store';
import { NOW, analysis, finding, record, sid, view } from '../ui/fixtures';

function entry(seq: number, name = 'sid'): ChangeLogEntry {
  return { seq, time: NOW + seq, cause: 'explicit', removed: false, cookie: record({ name }) };
}

describe('createStore', () => {
  it('gives each caller a fresh store', () => {
    const a = createStore({ now: NOW });
    const b = createStore({ now: NOW });
    a.filterText.value = 'x';
    expect(b.filterText.value).toBe('');
  });

  it('is ready with cookies and no-cookies without', () => {
    const s = createStore({ now: NOW });
    expect(s.state.value).toBe('loading');
    s.showAnalysis(analysis([view(record())]), NOW);
    expect(s.state.value).toBe('ready');
    expect(s.host.value).toBe('app.example.com');
    s.showAnalysis(analysis([]), NOW);
    expect(s.state.value).toBe('no-cookies');
  });

  it('splits session and other cookies and ranks site findings worst first', () => {
    const s = createStore({ now: NOW });
    const v1 = view(record({ name: 'sid' }), {
      sessionReason: sid,
      findings: [finding({ severity: 'low', ruleId: 'l' })],
    });
    const v2 = view(record({ name: 'x' }), { findings: [finding({ severity: 'critical', ruleId: 'c' })] });
    s.showAnalysis(analysis([v1, v2]), NOW);
    expect(s.sessionCookies.value.map((v) => v.cookie.name)).toEqual(['sid']);
    expect(s.otherCookies.value.map((v) => v.cookie.name)).toEqual(['x']);
    expect(s.topFindings.value.map((f) => f.ruleId)).toEqual(['c', 'l']);
  });

  it('moves the selection through visible rows and the open detail follows', () => {
    const s = createStore({ now: NOW });
    const views = ['alpha', 'beta', 'gamma'].map((n) => view(record({ name: n })));
    s.showAnalysis(analysis(views), NOW);
    expect(s.moveSelection(1)).toBe(views[0]!.key);
    expect(s.detailKey.value).toBeNull();
    s.open(views[0]!.key);
    s.moveSelection(1);
    expect(s.selectedKey.value).toBe(views[1]!.key);
    expect(s.detail.value?.cookie.name).toBe('beta');
    s.moveSelection(5);
    expect(s.selectedKey.value).toBe(views[2]!.key);
    s.filterText.value = 'gam';
    expect(s.visible.value.map((v) => v.cookie.name)).toEqual(['gamma']);
    expect(s.moveSelection(-1)).toBe(views[2]!.key);
  });

  it('forgets the selection when the page moves to another host', () => {
    const s = createStore({ now: NOW });
    const v = view(record());
    s.showAnalysis(analysis([v]), NOW);
    s.open(v.key);
    s.showAnalysis(analysis([v], {}, 'https://app.example.com/other'), NOW);
    expect(s.detailKey.value).toBe(v.key);
    s.showAnalysis(analysis([v], {}, 'https://elsewhere.test/'), NOW);
    expect(s.detailKey.value).toBeNull();
  });

  it('keeps the newest timeline entries and counts the dropped ones', () => {
    const s = createStore({ now: NOW, timelineLimit: 3 });
    s.setTimeline([entry(2), entry(1)], 7);
    expect(s.timeline.value.map((e) => e.seq)).toEqual([1, 2]);
    expect(s.nextLocalSeq()).toBe(3);
    s.appendTimeline([entry(2), entry(3), entry(4)]);
    expect(s.timeline.value.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(s.dropped.value).toBe(8);
  });

  it('verify keeps the outcome for the value checked, never the secrets, and is pending meanwhile', async () => {
    let finish: (r: VerifyResult) => void = () => {};
    const calls: Array<readonly string[]> = [];
    const s = createStore({
      now: NOW,
      verify: (_cookie, _jar, secrets) => {
        calls.push(secrets);
        return new Promise<VerifyResult>((r) => (finish = r));
      },
    });
    const v = view(record({ name: 'sid', value: 'abc' }));
    s.showAnalysis(analysis([v]), NOW);
    const pending = s.verify(v.key, ['hunter2', 'other']);
    expect(s.verifying.value.has(v.key)).toBe(true);
    finish({ status: 'valid', format: 'express-session', message: 'signature verified with secret #1' });
    expect(await pending).toMatchObject({ status: 'valid' });
    expect(calls).toEqual([['hunter2', 'other']]);
    expect(s.verifying.value.has(v.key)).toBe(false);
    expect(s.verificationOf(v)?.status).toBe('valid');
    expect(JSON.stringify([...s.verifications.value])).not.toContain('hunter2');
    // A rotated value was not checked.
    expect(s.verificationOf({ ...v, cookie: { ...v.cookie, value: 'new' } })).toBeUndefined();
    expect(await s.verify('no such key', ['x'])).toBeNull();
  });

  it('verify turns a failing verifier into an "unsupported" outcome', async () => {
    const s = createStore({ now: NOW, verify: () => Promise.reject(new Error('boom')) });
    const v = view(record({ name: 'sid' }));
    s.showAnalysis(analysis([v]), NOW);
    expect(await s.verify(v.key, ['x'])).toMatchObject({ status: 'unsupported', message: 'could not verify: boom' });
    expect(s.verifying.value.size).toBe(0);
  });
});
