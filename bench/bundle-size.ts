import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzip bytes an entry loads: its own script plus every chunk it imports statically (the first-paint cost), and
 * separately the chunks it imports dynamically (loaded later).
 */
export interface EntrySize {
  entry: string;
  initialGzip: number;
  lazyGzip: number;
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
// Vite's minifier writes dynamic imports with template literals: import(`./chunk.js`).
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;
const HTML_SCRIPT = /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g;

function gz(dist: string, file: string): number {
  return gzipSync(readFileSync(join(dist, file))).length;
}

function walk(dist: string, roots: string[]): { initial: Set<string>; lazy: Set<string> } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (initial.has(file) || into.has(file)) return;
    into.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(posix.join(posix.dirname(file), m[1]!), into);
    for (const m of code.matchAll(DYNAMIC_IMPORT)) {
      const target = posix.join(posix.dirname(file), m[1]!);
      if (!initial.has(target)) visit(target, lazy);
    }
  };
  for (const r of roots) visit(r, initial);
  for (const f of initial) lazy.delete(f);
  return { initial, lazy };
}

function htmlScripts(dist: string, html: string): string[] {
  const text = readFileSync(join(dist, html), 'utf8');
  return [...text.matchAll(HTML_SCRIPT)].map((m) => {
    const src = m[1]!;
    // Vite writes root-relative URLs (`/assets/x.js`): relative to the extension root, not the page.
    return src.startsWith('/') ? src.slice(1) : posix.normalize(posix.join(posix.dirname(html), src));
  });
}

export function entrySizes(dist: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
  };
  const entries: Array<[string, string[]]> = [
    ['popup', htmlScripts(dist, 'src/popup/index.html')],
    ['panel', htmlScripts(dist, 'src/devtools/panel.html')],
    ['devtools page', htmlScripts(dist, 'src/devtools/devtools.html')],
    ['background', [manifest.background.service_worker]],
  ];
  return entries.map(([entry, roots]) => {
    const { initial, lazy } = walk(dist, roots);
    const sum = (s: Set<string>) => [...s].reduce((n, f) => n + gz(dist, f), 0);
    return { entry, initialGzip: sum(initial), lazyGzip: sum(lazy) };
  });
}

export const distOf = (target: string) => join(dirname(new URL(import.meta.url).pathname), '..', 'dist', target);
