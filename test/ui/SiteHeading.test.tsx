// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { TabStore } from '../../src/protocol/messages';
import { createPopupStore } from '../../src/state/create-store';
import { SiteHeading } from '../../src/ui/SiteHeading';
import { NOW, record } from './fixtures';
import { renderWithStore } from './render';

afterEach(cleanup);

async function heading(store?: TabStore) {
  const s = createPopupStore({ now: NOW });
  const cookies = [record({ name: 'sid', storeId: store?.id ?? '0' })];
  s.site.showAnalysis(await analyzeSite('https://app.example.com/', cookies, NOW), NOW, store);
  renderWithStore(<SiteHeading />, s);
  return { s, label: screen.queryByTestId('site-store') };
}

describe('SiteHeading', () => {
  it('says nothing of the jar when the tab uses the default one', async () => {
    expect((await heading()).label).toBeNull();
    cleanup();
    expect((await heading({ id: 'firefox-default', kind: 'default' })).label).toBeNull();
  });

  it('names a container tab’s container (as text) or, unnamed, its store id, and a private window', async () => {
    const named = await heading({ id: 'firefox-container-3', kind: 'container', name: '<img src=x>Work' });
    expect(named.label?.textContent).toBe('Container: <img src=x>Work');
    expect(named.label?.querySelector('img')).toBeNull();
    expect(named.label?.getAttribute('title')).toMatch(/own cookie jar/);
    cleanup();
    expect((await heading({ id: 'firefox-container-4', kind: 'container' })).label?.textContent).toBe(
      'Container firefox-container-4',
    );
    cleanup();
    expect((await heading({ id: '1', kind: 'private' })).label?.textContent).toBe('Private window');
  });

  it('gives new cookies the tab’s store, even when its jar is empty', async () => {
    const s = createPopupStore({ now: NOW });
    s.site.showAnalysis(await analyzeSite('https://app.example.com/', [], NOW), NOW, {
      id: 'firefox-container-3',
      kind: 'container',
    });
    expect(s.site.storeId.value).toBe('firefox-container-3');
    // Without a known store, the store of the cookies shown.
    s.site.showAnalysis(await analyzeSite('https://app.example.com/', [record({ storeId: '7' })], NOW), NOW);
    expect(s.site.tabStore.value).toBeNull();
    expect(s.site.storeId.value).toBe('7');
  });
});
