import { describe, expect, it } from 'vitest';
import { noDisplayText, tryThisText, type StartContext } from '../../scripts/start-messages';
import { DEMO_PASSWORD, DEMO_USER } from '../../demo/demo-constants';

const ctx: StartContext = {
  browser: 'chromium',
  url: 'http://shop.demo.localhost:8420/',
  loopbackUrl: 'http://127.0.0.1:8420/',
  chromeDist: '/repo/dist/chrome',
  firefoxDist: '/repo/dist/firefox',
};

describe('noDisplayText', () => {
  const text = noDisplayText(ctx);

  it('says why no browser opens and where the site runs', () => {
    expect(text).toMatch(/^No display found \(\$DISPLAY and \$WAYLAND_DISPLAY are unset\)/);
    expect(text).toContain(ctx.url);
    expect(text).toContain(ctx.loopbackUrl);
    expect(text).toContain(`${DEMO_USER} / ${DEMO_PASSWORD}`);
  });

  it('says how to load each build by hand, with the real paths', () => {
    expect(text).toContain('chrome://extensions → Developer mode → Load unpacked → /repo/dist/chrome');
    expect(text).toContain(
      'about:debugging → This Firefox → Load Temporary Add-on… → /repo/dist/firefox/manifest.json',
    );
  });

  it('offers --headless and says Ctrl-C stops the site', () => {
    expect(text).toContain('npm start -- --headless');
    expect(text).toContain('Ctrl-C stops the demo site.');
    expect(text).not.toContain('stops the browser');
  });
});

describe('tryThisText', () => {
  it('names the browser, the site, the login and every planted weakness', () => {
    const text = tryThisText(ctx);
    expect(text).toMatch(/^Chromium is running with SessionScope loaded, on the demo shop: http:\/\/shop/);
    expect(text).toContain(`Log in as ${DEMO_USER} / ${DEMO_PASSWORD}`);
    for (const name of ['connect.sid', 'access_token', 'csrf_token', 'sso_session']) expect(text).toContain(name);
    expect(text).toContain('Ctrl-C stops the browser and the demo site.');
  });

  it('speaks of the puzzle-piece menu only in Chromium', () => {
    expect(tryThisText(ctx)).toContain('puzzle-piece');
    const firefox = tryThisText({ ...ctx, browser: 'firefox' });
    expect(firefox).toMatch(/^Firefox is running/);
    expect(firefox).not.toContain('puzzle-piece');
  });
});
