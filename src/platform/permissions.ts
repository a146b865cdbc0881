import { browser } from './browser';

/** Whether the user granted SessionScope access to this page's origin (Firefox lets users withhold it). */
export async function hasHostPermission(url: string): Promise<boolean> {
  try {
    const origin = new URL(url).origin + '/*';
    return await browser.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
}

export async function requestHostPermission(url: string): Promise<boolean> {
  const origin = new URL(url).origin + '/*';
  return browser.permissions.request({ origins: [origin] });
}
