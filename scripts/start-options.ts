import { parseArgs } from 'node:util';

/** What `npm start -- <flags>` asked for. */
export interface StartOptions {
  browser: 'chromium' | 'firefox';
  /** Run the browser headless even without a display (the smoke test does; nothing to look at, though). */
  headless: boolean;
  /** The demo site's port; 0 picks a free one. */
  port: number;
  /** The browser binary; undefined lets web-ext look for one. */
  binary: string | undefined;
  /** Extra command-line flags for the browser (e.g. `--remote-debugging-port=9222`). */
  browserArgs: string[];
  help: boolean;
}

/** The demo's usual port; when it is taken the site takes any free one. */
export const DEFAULT_DEMO_PORT = 8420;

/** Debian's real binaries: `/usr/bin/chromium` is a wrapper script that adds flags and prints a shell error. */
const DEBIAN_BINARIES = { chromium: '/usr/lib/chromium/chromium', firefox: '/usr/bin/firefox-esr' } as const;

export const START_USAGE = `Usage: npm start [-- options]
  --firefox            use Firefox instead of Chromium
  --headless           start the browser headless even without a display (to check that it starts)
  --port <n>           the demo site's port (default ${DEFAULT_DEMO_PORT}; 0 = any free port)
  --binary <path>      the browser to run (default: Debian's chromium / firefox-esr when present)
  --browser-arg=<flag> pass a flag to the browser (repeatable; the = is needed)
  --help               this text`;

export function parseStartArgs(argv: readonly string[]): StartOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      firefox: { type: 'boolean', default: false },
      headless: { type: 'boolean', default: false },
      port: { type: 'string' },
      binary: { type: 'string' },
      'browser-arg': { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_DEMO_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number (0-65535), not ${JSON.stringify(values.port)}`);
  }
  return {
    browser: values.firefox ? 'firefox' : 'chromium',
    headless: values.headless,
    port,
    binary: values.binary,
    browserArgs: values['browser-arg'] ?? [],
    help: values.help,
  };
}

/**
 * Whether a browser window could appear. Only X11/Wayland systems can lack one (a server, a container, an SSH
 * session); macOS and Windows always have a desktop when someone runs `npm start`.
 */
export function hasDisplay(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The binary to hand web-ext: the one asked for, else Debian's when it exists, else web-ext's own search. */
export function browserBinary(options: StartOptions, exists: (path: string) => boolean): string | undefined {
  if (options.binary) return options.binary;
  const debian = DEBIAN_BINARIES[options.browser];
  return exists(debian) ? debian : undefined;
}

/** The browser's own flags: headless when asked, and no sandbox as root (Chromium refuses to start otherwise). */
export function browserFlags(options: StartOptions, isRoot: boolean): string[] {
  const flags: string[] = [];
  if (options.browser === 'chromium') {
    if (options.headless) flags.push('--headless=new');
    if (isRoot) flags.push('--no-sandbox');
  } else if (options.headless) {
    flags.push('-headless');
  }
  return [...flags, ...options.browserArgs];
}
