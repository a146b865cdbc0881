import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The file the built manifest starts the background with: Chromium's service worker, Firefox's first script. */
interface BuiltManifest {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
}

export function backgroundEntry(manifest: BuiltManifest): string {
  const entry = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (entry === undefined) throw new Error('the built manifest names no background script');
  return entry;
}

/** The relative imports of a loader file such as crxjs writes (`import './assets/index.ts-xxxx.js';`). */
export function relativeImports(code: string): string[] {
  return [...code.matchAll(/import\s*(?:[^'"]*from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] as string);
}

/**
 * The public-suffix list (tldts, about half the worker script) evaluated on first use instead of at start.
 * Evaluating its data was most of the worker's first run (~40 of ~54 ms measured under Node on a loaded machine),
 * and Chromium dispatches no event to a restarted worker before that run ends: events queued meanwhile are
 * dropped if the worker is stopped again. The log's hot path never asks for a registrable domain; the badge and
 * site queries do, later. esbuild wraps a module that is `require`d (here tldts's CommonJS build) in a lazy
 * initialiser, so the shim re-exports the functions `core/cookie/site.ts` imports, each loading tldts on its
 * first call (a name added there and not here fails the build).
 */
export const lazyTldts: EsbuildPlugin = {
  name: 'sessionscope-lazy-tldts',
  setup(b) {
    b.onResolve({ filter: /^tldts$/ }, (args) =>
      args.namespace === 'lazy-tldts' ? undefined : { path: 'tldts', namespace: 'lazy-tldts' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-tldts' }, () => ({
      contents: [
        'let real;',
        "const load = () => (real ??= require('tldts'));",
        'export const getDomain = (...args) => load().getDomain(...args);',
        'export const parse = (...args) => load().parse(...args);',
      ].join('\n'),
      loader: 'js',
      resolveDir: resolve(import.meta.dirname, '..'),
    }));
  },
};

/**
 * Rewrites the background as one classic script. crxjs emits it as a module loader that imports a chunk, which
 * imports chunks shared with the popup and the panel (one carries the public-suffix list and UI-side core).
 * Chromium restarts a stopped worker for the next event and takes no event before the script has run; it is
 * stopped often (every stop of a change storm), and the events queued for a worker that is still starting are
 * dropped with it. A classic script, with only what the background imports, started in ~35 ms here against
 * ~110 ms for the module graph (and ~90 ms for one module file): classic worker scripts get V8's code cache.
 * Runs after the bundle is written; the manifest's `background.type: "module"` goes, and so does the worker's
 * own chunk, which nothing else imports.
 */
export function singleFileWorker(options: { entry: string; define: Record<string, string> }): Plugin {
  let outDir = '';
  return {
    name: 'sessionscope-single-file-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const manifestPath = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BuiltManifest;
      const loader = join(outDir, backgroundEntry(manifest));
      const replaced = relativeImports(readFileSync(loader, 'utf8')).map((p) => resolve(dirname(loader), p));
      await build({
        entryPoints: [options.entry],
        bundle: true,
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        define: options.define,
        plugins: [lazyTldts],
        outfile: loader,
        allowOverwrite: true,
        logLevel: 'warning',
      });
      if (manifest.background?.type !== undefined) {
        delete manifest.background.type;
        writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      }
      const others = readdirSync(join(outDir, 'assets'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(outDir, 'assets', f));
      for (const chunk of replaced) {
        const name = chunk.split('/').pop() as string;
        const used = others.some((f) => f !== chunk && readFileSync(f, 'utf8').includes(name));
        if (!used && existsSync(chunk)) rmSync(chunk);
      }
    },
  };
}
