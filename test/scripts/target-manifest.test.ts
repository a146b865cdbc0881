import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GECKO_ID, targetManifest, type ManifestSource } from '../../scripts/target-manifest';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as ManifestSource;

describe('targetManifest', () => {
  it('gives Chrome a service worker and no Firefox keys', () => {
    const m = targetManifest(source, 'chrome');
    expect(m.background).toEqual(source.background);
    expect(m).not.toHaveProperty('browser_specific_settings');
  });

  it('gives Firefox background scripts and a gecko id', () => {
    const m = targetManifest(source, 'firefox') as {
      background: { scripts: string[] };
      browser_specific_settings: { gecko: { id: string } };
    };
    expect(m.background.scripts).toEqual([source.background.service_worker]);
    expect(m.background).not.toHaveProperty('service_worker');
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
  });

  it('does not change the source', () => {
    const before = JSON.stringify(source);
    targetManifest(source, 'firefox');
    expect(JSON.stringify(source)).toBe(before);
  });

  it('keeps every permission the same in both builds, but Firefox adds contextualIdentities (container names)', () => {
    expect(targetManifest(source, 'chrome').permissions).toEqual(source.permissions);
    expect(targetManifest(source, 'firefox').permissions).toEqual([
      ...(source.permissions as string[]),
      'contextualIdentities',
    ]);
    expect(targetManifest(source, 'firefox').host_permissions).toEqual(source.host_permissions);
  });
});
