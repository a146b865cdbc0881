import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEMO_PORT,
  browserBinary,
  browserFlags,
  hasDisplay,
  parseStartArgs,
} from '../../scripts/start-options';

describe('parseStartArgs', () => {
  it('defaults to Chromium with a window on the usual port', () => {
    expect(parseStartArgs([])).toEqual({
      browser: 'chromium',
      headless: false,
      port: DEFAULT_DEMO_PORT,
      binary: undefined,
      browserArgs: [],
      help: false,
    });
  });

  it('reads --firefox, --headless, --port, --binary and repeated --browser-arg', () => {
    const options = parseStartArgs([
      '--firefox',
      '--headless',
      '--port',
      '0',
      '--binary=/opt/ff',
      '--browser-arg=--a',
      '--browser-arg=--b=1',
    ]);
    expect(options).toMatchObject({ browser: 'firefox', headless: true, port: 0, binary: '/opt/ff' });
    expect(options.browserArgs).toEqual(['--a', '--b=1']);
  });

  it('rejects a bad port and an unknown flag', () => {
    expect(() => parseStartArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseStartArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseStartArgs(['--chrome'])).toThrow();
  });
});

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: '' })).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('freebsd', {})).toBe(false);
  });

  it('assumes a desktop on macOS and Windows', () => {
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });
});

describe('browserBinary', () => {
  const chromium = parseStartArgs([]);
  const firefox = parseStartArgs(['--firefox']);

  it("prefers the asked-for binary, then Debian's, then leaves the search to web-ext", () => {
    expect(browserBinary(parseStartArgs(['--binary', '/x']), () => true)).toBe('/x');
    expect(browserBinary(chromium, (p) => p === '/usr/lib/chromium/chromium')).toBe('/usr/lib/chromium/chromium');
    expect(browserBinary(firefox, (p) => p === '/usr/bin/firefox-esr')).toBe('/usr/bin/firefox-esr');
    expect(browserBinary(firefox, () => false)).toBeUndefined();
  });
});

describe('browserFlags', () => {
  it('makes Chromium headless and sandbox-free as root, and passes extra flags last', () => {
    const options = parseStartArgs(['--headless', '--browser-arg=--remote-debugging-port=9222']);
    expect(browserFlags(options, true)).toEqual(['--headless=new', '--no-sandbox', '--remote-debugging-port=9222']);
    expect(browserFlags(parseStartArgs([]), false)).toEqual([]);
  });

  it("uses Firefox's own headless flag and never Chromium's", () => {
    expect(browserFlags(parseStartArgs(['--firefox', '--headless']), true)).toEqual(['-headless']);
  });
});
