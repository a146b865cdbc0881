import { describe, expect, it, vi } from 'vitest';
import { createSiteSlice } from '../../src/state/site-slice';
import { NOW, analysis, record, sessionThenCritical, view } from '../ui/fixtures';

describe('site slice', () => {
  it('starts loading, is ready with cookies and no-cookies without', () => {
    const s = createSiteSlice({ now: NOW });
    expect(s.state.value).toBe('loading');
    expect(s.now.value).toBe(NOW);
    s.showAnalysis(analysis([view(record())]), NOW + 5);
    expect(s.state.value).toBe('ready');
    expect(s.host.value).toBe('app.example.com');
    expect(s.now.value).toBe(NOW + 5);
    s.showAnalysis(analysis([]), NOW);
    expect(s.state.value).toBe('no-cookies');
  });

  it('keeps a problem as its reason and data, and drops the analysis', () => {
    const s = createSiteSlice({ now: NOW });
    s.showAnalysis(analysis([view(record())]), NOW);
    s.showProblem({ reason: 'no-permission', url: 'https://other.test/x' });
    expect(s.state.value).toBe('no-permission');
    expect(s.problem.value).toEqual({ reason: 'no-permission', url: 'https://other.test/x' });
    expect(s.host.value).toBe('other.test');
    expect(s.analysis.value).toBeNull();
    expect(s.cookies.value).toEqual([]);
    s.showProblem({ reason: 'no-tab' });
    // A problem without a page keeps the last known address.
    expect(s.host.value).toBe('other.test');
    s.showLoading();
    expect(s.state.value).toBe('loading');
    expect(s.problem.value).toBeNull();
  });

  it('splits session and other cookies and ranks site findings worst first', () => {
    const s = createSiteSlice({ now: NOW });
    const [v1, v2] = sessionThenCritical();
    s.showAnalysis(analysis([v1, v2]), NOW);
    expect(s.sessionCookies.value.map((v) => v.cookie.name)).toEqual(['sid']);
    expect(s.otherCookies.value.map((v) => v.cookie.name)).toEqual(['x']);
    expect(s.topFindings.value.map((f) => f.ruleId)).toEqual(['crit', 'med']);
    expect(s.nameByKey.value.get(v2.key)).toBe('x');
  });

  it('tells its listeners when an analysis of another host replaces the shown one, not of another path', () => {
    const s = createSiteSlice({ now: NOW });
    const newSite = vi.fn();
    const off = s.onNewSite(newSite);
    const v = view(record());
    s.showAnalysis(analysis([v]), NOW);
    expect(newSite).not.toHaveBeenCalled();
    s.showAnalysis(analysis([v], {}, 'https://app.example.com/other'), NOW);
    expect(newSite).not.toHaveBeenCalled();
    s.showAnalysis(analysis([v], {}, 'https://elsewhere.test/'), NOW);
    expect(newSite).toHaveBeenCalledOnce();
    off();
    s.showAnalysis(analysis([v]), NOW);
    expect(newSite).toHaveBeenCalledOnce();
  });
});
