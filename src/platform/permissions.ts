import { browser } from './browser';

/** The host access the manifest asks for (every http and https page): manifest.json stays the one place to say it. */
function manifestOrigins(): string[] {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[] };
  return manifest.host_permissions ?? [];
}

/**
 * The match pattern of a page's host, every port: Chromium's cookies API checks a cookie's host without a port,
 * so access granted to `http://host:8080/*` alone would not let SessionScope read that page's cookies.
 */
export function hostPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** Whether the user granted SessionScope access to this page's host (both browsers let users withhold it). */
export async function hasHostPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPattern(url)] });
  } catch {
    return false;
  }
}

/**
 * Whether SessionScope may read every web page. Without it, a tab's URL is hidden from the extension unless the
 * user granted that page's site (or clicked the toolbar button on it: `activeTab`), so a hidden URL may be an
 * ordinary web page.
 */
export async function hasAllSitesAccess(): Promise<boolean> {
  try {
    const origins = manifestOrigins();
    return origins.length > 0 && (await browser.permissions.contains({ origins }));
  } catch {
    return false;
  }
}

/**
 * Asks the user for access to the page's host or, when the page's URL is hidden (so its site is unknown), for
 * the manifest's access to every web page. Must be called inside a click handler, before any other await.
 */
export async function requestHostPermission(url: string | undefined): Promise<boolean> {
  const origins = url === undefined ? manifestOrigins() : [hostPattern(url)];
  return browser.permissions.request({ origins });
}
