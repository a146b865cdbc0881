import { describe, expect, it } from 'vitest';
import { createPopupStore } from '../../src/state/create-store';
import { createPanelStore } from '../../src/state/create-panel-store';
import { NOW, analysis, record, view } from '../ui/fixtures';

describe('the composed stores', () => {
  it('gives each caller a fresh store', () => {
    const a = createPanelStore({ now: NOW });
    const b = createPanelStore({ now: NOW });
    a.filter.text.value = 'x';
    a.site.showAnalysis(analysis([view(record())]), NOW);
    expect(b.filter.text.value).toBe('');
    expect(b.site.state.value).toBe('loading');
  });

  it('the popup takes only the slices it uses: no filter, no timeline', () => {
    const popup = createPopupStore({ now: NOW });
    expect(Object.keys(popup).sort()).toEqual(['page', 'report', 'selection', 'site', 'verification']);
    expect(Object.keys(createPanelStore()).sort()).toEqual([
      'columns',
      'filter',
      'page',
      'report',
      'rotation',
      'selection',
      'site',
      'thirdParty',
      'timeline',
      'verification',
      'wouldSend',
    ]);
  });

  it('the panel’s selection moves through the rows the filter leaves', () => {
    const s = createPanelStore({ now: NOW });
    const views = ['alpha', 'beta', 'gamma'].map((n) => view(record({ name: n })));
    s.site.showAnalysis(analysis(views), NOW);
    s.selection.open(views[0]!.key);
    s.selection.selectIndex(1);
    expect(s.selection.detail.value?.cookie.name).toBe('beta');
    s.filter.text.value = 'gam';
    expect(s.selection.selectIndex(0)).toBe(views[2]!.key);
  });

  it.each([
    ['popup', createPopupStore],
    ['panel', createPanelStore],
  ] as const)('the %s forgets what was open when the page moves to another host', (_name, create) => {
    const s = create({ now: NOW });
    const v = view(record());
    s.site.showAnalysis(analysis([v]), NOW);
    s.selection.open(v.key);
    s.selection.toggleExpanded(v.key);
    s.site.showAnalysis(analysis([v], {}, 'https://app.example.com/other'), NOW);
    expect(s.selection.detailKey.value).toBe(v.key);
    s.site.showAnalysis(analysis([v], {}, 'https://elsewhere.test/'), NOW);
    expect(s.selection.detailKey.value).toBeNull();
    expect(s.selection.expanded.value.size).toBe(0);
  });

  it.each([
    ['popup', createPopupStore],
    ['panel', createPanelStore],
  ] as const)(
    'the %s turns "include values" off on another host, also across a page it could not read',
    (_n, create) => {
      const s = create({ now: NOW });
      const v = view(record());
      s.site.showAnalysis(analysis([v]), NOW);
      s.report.includeValues.value = true;
      s.site.showAnalysis(analysis([v], {}, 'https://app.example.com/other'), NOW);
      expect(s.report.includeValues.value).toBe(true);
      // The tab passes through a page without access (its URL is the next site's) on its way to another site.
      s.site.showProblem({ reason: 'no-permission', url: 'https://elsewhere.test/' });
      s.site.showAnalysis(analysis([v], {}, 'https://elsewhere.test/'), NOW);
      expect(s.report.includeValues.value).toBe(false);
    },
  );

  it('verification reads the site’s cookies', async () => {
    const s = createPopupStore({ now: NOW, verify: async () => ({ status: 'invalid', format: 'jwt', message: 'no' }) });
    const v = view(record());
    expect(await s.verification.verify(v.key, ['x'])).toBeNull();
    s.site.showAnalysis(analysis([v]), NOW);
    expect(await s.verification.verify(v.key, ['x'])).toMatchObject({ status: 'invalid' });
  });
});
