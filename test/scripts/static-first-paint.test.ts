import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeStaticCopy } from '../../bench/static-first-paint';
import { POPUP_PATH } from '../e2e/harness/paths';

const PAGE =
  '<!doctype html><html><head><script type="module" crossorigin src="/popup/index-x.js"></script>' +
  '<style>main{color:red}</style></head><body><div id="app"></div></body></html>';
const MARKUP = '<main data-first-paint=""><p>a &lt;b&gt; row</p></main>';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function build(page: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'static-first-paint-test-'));
  dirs.push(dir);
  await mkdir(join(dir, 'src/popup'), { recursive: true });
  await writeFile(join(dir, POPUP_PATH), page);
  await writeFile(join(dir, 'manifest.json'), '{"manifest_version":3}');
  return dir;
}

describe("the bench's first paint as static HTML", () => {
  it('writes a copy of the build whose popup page holds the markup and loads no script', async () => {
    const source = await build(PAGE);
    const copy = await writeStaticCopy(source, MARKUP);
    dirs.push(copy);
    const html = await readFile(join(copy, POPUP_PATH), 'utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain(`<body><div id="app">${MARKUP}</div></body>`);
    expect(html).toContain('<style>main{color:red}</style>');
    expect(await readFile(join(copy, 'manifest.json'), 'utf8')).toBe('{"manifest_version":3}');
    // The build itself is left as it was.
    expect(await readFile(join(source, POPUP_PATH), 'utf8')).toBe(PAGE);
  });

  it('refuses a page not shaped as the build writes it', async () => {
    const twoScripts = await build(PAGE.replace('</head>', '<script src="/a.js"></script></head>'));
    await expect(writeStaticCopy(twoScripts, MARKUP)).rejects.toThrow(/expected one script and one empty #app/);
    const filled = await build(PAGE.replace('<div id="app"></div>', '<div id="app">x</div>'));
    await expect(writeStaticCopy(filled, MARKUP)).rejects.toThrow(/expected one script and one empty #app/);
  });
});
