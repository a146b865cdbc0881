import preact from '@preact/preset-vite';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;

const NATIVE_BROWSER = fileURLToPath(new URL('../src/platform/native-browser.ts', import.meta.url));

/** `<link rel="stylesheet" href="/x.css">` as vite writes it in a page (attributes in any order). */
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;
const HREF = /\bhref="(?:\.?\/)?([^"]+)"/;

/**
 * Puts each stylesheet the page links into a `<style>` in the page itself, and drops the file. An extension page
 * fetches every file through the browser process (~2–5 ms of the page's thread each, and their answers come back in
 * the order the browser serves them), and a module script waits for the stylesheets before it: one file less before
 * the first paint. The extension's CSP restricts scripts only, so an inline `<style>` is allowed.
 */
export function inlineStylesheets(): Plugin {
  return editPages(
    'sessionscope-inline-stylesheets',
    (html, _page, bundle) =>
      html.replace(STYLESHEET, (link) => {
        const file = HREF.exec(link)?.[1];
        const css = file === undefined ? undefined : bundle[file];
        if (css?.type !== 'asset') return link;
        delete bundle[file!];
        // `</style` inside the CSS would end the element early; vite's minified CSS never holds it.
        return `<style>${String(css.source).replaceAll('</style', '<\\/style')}</style>`;
      }),
    (bundle) => {
      // Each stylesheet must be in the page: no chunk fetches one (singleChunkPopup's cssCodeSplit).
      const left = Object.keys(bundle).filter((f) => f.endsWith('.css'));
      if (left.length > 0) {
        throw new Error(`stylesheets not inlined into the popup page: ${left.join(', ')}; import them from its entry`);
      }
    },
  );
}

/** A plugin that rewrites each HTML page of the bundle with `edit`, once the other plugins have written them. */
function editPages(
  name: string,
  edit: (html: string, page: string, bundle: OutputBundle) => string,
  after?: (bundle: OutputBundle) => void,
): Plugin {
  return {
    name,
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type === 'asset' && page.fileName.endsWith('.html')) {
          page.source = edit(String(page.source), page.fileName, bundle);
        }
      }
      after?.(bundle);
    },
  };
}

/**
 * V8's explicit compile hint: every function of the file is compiled with the file, not lazily on its first call.
 * Put on the popup's entry chunk, whose functions nearly all run for the first paint:
 * compiled functions go into the browser's code cache for the file, so from the second opening on they are read
 * from it with the file instead of each being compiled on the page's thread the first time the rows need it (~200
 * functions at every opening).
 * https://v8.dev/blog/explicit-compile-hints
 */
export const EAGER_COMPILE = '//# allFunctionsCalledOnLoad\n';

function eagerCompile(): Plugin {
  return {
    name: 'sessionscope-eager-compile',
    apply: 'build',
    // On the written file: the minifier drops comments, and the bundle's chunks are not written back after
    // generateBundle in this bundler.
    async writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const file = resolve(options.dir!, chunk.fileName);
        await writeFile(file, EAGER_COMPILE + (await readFile(file, 'utf8')));
      }
    },
  };
}

/**
 * Rebuilds the popup page on its own after crxjs has written the extension, over crxjs's version of it. In the
 * build of every entry together, the popup's first paint needed ten script files and two stylesheets, most of them
 * chunks shared with the panel and the background: in an extension page each costs a round trip through the browser
 * process, and together they were most of the popup's opening time. Built alone, everything the popup imports
 * statically is one file (its lazy chunks, the analysis, the editor and the dialogs, import from it), and its
 * stylesheets are inlined into the page. Its files go to `popup/`; what crxjs wrote for the popup alone stays unused.
 */
export function singleChunkPopup(options: {
  root: string;
  define: Record<string, string>;
  /** The popup page; the extension's by default (the benchmark builds its synthetic popup the same way). */
  input?: string;
  base?: string;
}): Plugin {
  let outDir = '';
  let mode = '';
  return {
    name: 'sessionscope-single-chunk-popup',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      mode = config.mode;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: options.root,
        ...(options.base === undefined ? {} : { base: options.base }),
        mode,
        logLevel: 'warn',
        plugins: [preact(), inlineStylesheets(), eagerCompile()],
        // The browser's own API in place of webextension-polyfill (src/platform/native-browser.ts says why).
        resolve: { alias: { 'webextension-polyfill': NATIVE_BROWSER } },
        define: options.define,
        build: {
          outDir,
          emptyOutDir: false,
          assetsDir: 'popup',
          target: 'es2022',
          sourcemap: false,
          // Chromium and Firefox support modulepreload; the polyfill would only add code to the first file.
          modulePreload: { polyfill: false },
          // One stylesheet for the page, inlined into it (inlineStylesheets): split per chunk, a lazy chunk would
          // ask for the stylesheet of the chunks it imports as a file, which is no longer there, and fail to load.
          cssCodeSplit: false,
          rolldownOptions: {
            input: options.input ?? resolve(options.root, 'src/popup/index.html'),
            // Every module the page imports statically in one chunk, the entry's own.
            output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
          },
        },
      });
    },
  };
}
