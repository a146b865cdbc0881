// The floor `sessionscope audit` is timed against (bench/cli-bench.ts): launch the same Chromium with the same
// flags, open the same URL with the same wait condition, read every cookie over CDP, close. Plain JavaScript run
// by `node` itself, like the built CLI, so both pay the same process start-up and no transpiler.
// Usage: node bench/floor-audit.mjs <chromium> <url> <flags as a JSON array>
import puppeteer from 'puppeteer-core';

const [executablePath, url, flags] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: JSON.parse(flags) });
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const cdp = await browser.target().createCDPSession();
  const { cookies } = await cdp.send('Storage.getCookies');
  process.stdout.write(`${cookies.length}\n`);
} finally {
  await browser.close();
}
