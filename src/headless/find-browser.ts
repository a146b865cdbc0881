import { Browser, ChromeReleaseChannel, computeSystemExecutablePath } from '@puppeteer/browsers';
import { accessSync, constants } from 'node:fs';
import { AuditError } from './audit-error';

export type BrowserKind = 'chrome' | 'firefox';

/** The environment variables read, first match wins. */
export const BROWSER_PATH_ENV: Record<BrowserKind, readonly string[]> = {
  chrome: ['SESSIONSCOPE_BROWSER_PATH', 'CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'],
  firefox: ['SESSIONSCOPE_BROWSER_PATH', 'FIREFOX_PATH'],
};

/**
 * Where distributions install Chromium and Firefox. Chromium first: on Debian `/usr/bin/chromium` is a shell
 * wrapper that adds its own flags, so the binary behind it is preferred.
 */
const SYSTEM_PATHS: Record<BrowserKind, readonly string[]> = {
  chrome: [
    '/usr/lib/chromium/chromium',
    '/usr/lib/chromium-browser/chromium-browser',
    '/usr/lib64/chromium-browser/chromium-browser',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  firefox: [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/lib/firefox/firefox',
    '/snap/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ],
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Google Chrome where its installers put it, through @puppeteer/browsers' list (it only looks, never downloads). */
function systemChrome(): string | undefined {
  for (const channel of [
    ChromeReleaseChannel.STABLE,
    ChromeReleaseChannel.BETA,
    ChromeReleaseChannel.DEV,
    ChromeReleaseChannel.CANARY,
  ]) {
    try {
      return computeSystemExecutablePath({ browser: Browser.CHROME, channel });
    } catch {
      // Not installed on this channel (or no known place on this platform).
    }
  }
  return undefined;
}

export interface FindBrowserOptions {
  kind?: BrowserKind;
  /** An explicit path (`--browser-path`): used as is, and an error when it is not executable. */
  path?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The browser binary to drive: the given path, else an environment variable, else the system's Chromium or
 * Chrome (or Firefox). Never downloads one: without a browser the audit cannot run (AuditError `no-browser`).
 */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const kind = options.kind ?? 'chrome';
  if (options.path !== undefined) {
    if (executable(options.path)) return options.path;
    throw new AuditError('no-browser', `no executable browser at ${options.path}`);
  }
  const env = options.env ?? process.env;
  for (const name of BROWSER_PATH_ENV[kind]) {
    const value = env[name];
    if (value) {
      if (executable(value)) return value;
      throw new AuditError('no-browser', `${name} is set to ${value}, which is not an executable browser`);
    }
  }
  const found = SYSTEM_PATHS[kind].find(executable) ?? (kind === 'chrome' ? systemChrome() : undefined);
  if (found) return found;
  const how = kind === 'chrome' ? 'Chromium or Chrome' : 'Firefox';
  throw new AuditError(
    'no-browser',
    `no ${how} found: install one, or give its path with --browser-path or ${BROWSER_PATH_ENV[kind][0]}`,
  );
}
