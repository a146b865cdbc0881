import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/harness/chromium';
import { tabIdOf } from '../test/e2e/harness/extension-messages';
import { POPUP_PATH } from '../test/e2e/harness/paths';
import { startBenchSite } from './bench-site';
import { cookieMix, toRecord } from './cookie-mix';
const N = Number(process.env.N ?? 180);
const site = await startBenchSite(
  [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ],
  resolve('dist/bench'),
);
const s = await launchChromium();
const benchId = await s.browser.installExtension(resolve('dist/bench'));
const warm = await s.browser.newPage();
await warm.goto(`chrome-extension://${benchId}/reference.html`);
const obs = `(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.entryType, e.name.slice(-40), Math.round(e.startTime), Math.round(e.duration)]); }).observe({ entryTypes: ['longtask', 'mark', 'paint', 'resource'] });
 const o = new MutationObserver(() => { if (document.querySelectorAll('[data-testid="cookie-row"]').length >= ${N}) { window.__lt.push(['rows', '', Math.round(performance.now()), 0]); o.disconnect(); } }); o.observe(document, {childList: true, subtree: true}); })();`;
try {
  const url = site.url(`/cookies?n=${N}`);
  await s.openPage(url);
  const tabId = await tabIdOf(s.control, url);
  const records = cookieMix(N, [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ]).map((c) => toRecord(c, 'synthetic.localhost', Date.now()));
  for (let i = 0; i < 3; i++)
    for (const u of [`${s.extensionUrl(POPUP_PATH)}?tabId=${tabId}`, `chrome-extension://${benchId}/popup.html`]) {
      const p = await s.browser.newPage();
      await p.evaluateOnNewDocument(`window.__benchCookies = ${JSON.stringify(records)};`);
      await p.evaluateOnNewDocument(obs);
      await p.goto(u, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 1500));
      if (i === 2) console.log(u.slice(0, 30), JSON.stringify(await p.evaluate(() => (window as any).__lt)));
      await p.close();
    }
} finally {
  await s.close();
  await site.stop();
}
