import { browser } from './browser';

/** The version in the installed manifest, as the report's `generator.version` records it. */
export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}
