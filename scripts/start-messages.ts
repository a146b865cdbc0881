import { DEMO_PASSWORD, DEMO_USER, DEMO_WEAKNESSES } from '../demo/demo-constants';

/** The words `npm start` prints: what to try with a browser, and what to do without one. */

export interface StartContext {
  browser: 'chromium' | 'firefox';
  /** The demo site's URL as the browser opens it. */
  url: string;
  /** The same site by IP address, for a browser that does not resolve `*.localhost` names. */
  loopbackUrl: string;
  /** Absolute paths of the two builds. */
  chromeDist: string;
  firefoxDist: string;
}

const browserName = (b: StartContext['browser']): string => (b === 'chromium' ? 'Chromium' : 'Firefox');

function weaknessLines(): string[] {
  return ['What the demo plants for you to find:', ...DEMO_WEAKNESSES.map((w) => `  - ${w}`)];
}

/** How to load the builds into a browser by hand (the README says the same). */
export function loadByHandLines(ctx: StartContext): string[] {
  return [
    'Load the build by hand:',
    `  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${ctx.chromeDist}`,
    `  Firefox: about:debugging → This Firefox → Load Temporary Add-on… → ${ctx.firefoxDist}/manifest.json`,
  ];
}

export function tryThisText(ctx: StartContext): string {
  const panel =
    ctx.browser === 'chromium'
      ? 'open DevTools (F12); the SessionScope tab may sit behind the » overflow arrow'
      : 'open DevTools (F12) and choose the SessionScope tab';
  return [
    `${browserName(ctx.browser)} is running with SessionScope loaded, on the demo shop: ${ctx.url}`,
    '',
    'What to try:',
    `  1. Click the SessionScope toolbar button${ctx.browser === 'chromium' ? ' (pin it from the puzzle-piece menu)' : ''}: the grade, the worst findings, the session cookies.`,
    `  2. ${panel}: the cookie table and the live change timeline.`,
    `  3. Log in as ${DEMO_USER} / ${DEMO_PASSWORD} and watch the timeline: sso_session appears, the token lands in`,
    '     localStorage, and connect.sid keeps the value it had before login.',
    '  4. Expand connect.sid or the token: decoded value, findings with their fixes, and the default secret found.',
    '',
    ...weaknessLines(),
    '',
    'Ctrl-C stops the browser and the demo site.',
  ].join('\n');
}

export function noDisplayText(ctx: StartContext): string {
  return [
    'No display found ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser window is opened.',
    `The demo shop is running at ${ctx.url} (on 127.0.0.1 only: from another machine, forward the port, e.g. ssh -L).`,
    `If your browser does not resolve that name (Firefox may need the pref network.dns.localDomains), open`,
    `${ctx.loopbackUrl} instead (the Domain cookie is then refused).`,
    `Log in as ${DEMO_USER} / ${DEMO_PASSWORD}.`,
    '',
    ...loadByHandLines(ctx),
    '',
    'Or run `npm start -- --headless` to start the browser headless anyway (it only shows that it starts).',
    '',
    ...weaknessLines(),
    '',
    'Ctrl-C stops the demo site.',
  ].join('\n');
}
