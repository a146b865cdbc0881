/**
 * Derives the per-browser manifest from the one source `manifest.json`.
 *
 * Chromium runs the background as an MV3 service worker; Firefox (as of ESR 153) runs MV3 backgrounds as
 * event pages declared with `background.scripts`, and needs a `browser_specific_settings.gecko.id` for
 * storage and messaging to work on a temporary add-on. @crxjs reads `background.scripts[0]` for Firefox,
 * so the Firefox manifest must already have it (crxjs does not convert it).
 */
export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'sessionscope@sessionscope.dev';

export interface ManifestSource {
  manifest_version: 3;
  background: { service_worker: string; type?: 'module' };
  [key: string]: unknown;
}

export function targetManifest(source: ManifestSource, browser: TargetBrowser): Record<string, unknown> {
  const copy = structuredClone(source) as Record<string, unknown> & ManifestSource;
  if (browser === 'chrome') {
    return { ...copy, minimum_chrome_version: '120' };
  }
  const { service_worker: worker, type } = copy.background;
  const permissions = Array.isArray(copy.permissions) ? (copy.permissions as string[]) : [];
  return {
    ...copy,
    // Firefox only (Chromium has no containers and would warn about an unknown permission): the name of a
    // container tab's container, shown beside its cookies.
    permissions: [...permissions, 'contextualIdentities'],
    background: { scripts: [worker], ...(type ? { type } : {}) },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Firefox's add-on policy asks every new extension to declare what it collects; SessionScope
        // collects nothing and sends nothing anywhere.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
