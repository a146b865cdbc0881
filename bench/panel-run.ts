/**
 * `npm run bench:panel`: only the DevTools panel part of `npm run bench` (10,000 synthetic cookies: first render and
 * filter keystrokes in real Chromium), its section of BENCHMARKS.md replaced with the figures of this run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { build } from 'vite';
import { launchChromium } from '../test/e2e/harness/chromium';
import { makeJwts } from './jwts';
import { panelBenchmarks, panelSection, PANEL_RUNS } from './panel-bench';

const root = resolve(import.meta.dirname, '..');
await build({ configFile: resolve(root, 'bench/vite.config.ts'), logLevel: 'warn' });
const jwts = await makeJwts();
const session = await launchChromium();
let lines: string[];
try {
  const benchId = await session.browser.installExtension(resolve(root, 'dist', 'bench'));
  await session.openPage(`chrome-extension://${benchId}/reference.html`);
  const figures = await panelBenchmarks(session.browser, `chrome-extension://${benchId}/panel.html`, jwts);
  lines = panelSection(figures, PANEL_RUNS);
} finally {
  await session.close();
}
const out = resolve(root, 'BENCHMARKS.md');
const old = readFileSync(out, 'utf8');
const section = lines.join('\n');
const at = old.indexOf(lines[0]!);
let text: string;
if (at === -1) {
  // Before the background sections, after the popup's, as `npm run bench` writes it.
  const before = old.indexOf('## Background');
  text = before === -1 ? `${old}\n${section}\n` : `${old.slice(0, before)}${section}\n\n${old.slice(before)}`;
} else {
  const next = old.indexOf('\n## ', at + 1);
  text = `${old.slice(0, at)}${section}\n${next === -1 ? '' : old.slice(next)}`;
}
writeFileSync(out, await format(text, { ...(await resolveConfig(out)), filepath: out }));
process.stdout.write(`${section}\n`);
