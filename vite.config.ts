import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { targetManifest, type ManifestSource, type TargetBrowser } from './scripts/target-manifest.ts';
import { singleFileWorker } from './scripts/worker-bundle.ts';
import { singleChunkPopup } from './scripts/popup-bundle.ts';

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const source = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8')) as ManifestSource;
  const manifest = targetManifest(source, browser);
  const define = { __DEBUG__: JSON.stringify(process.env.SESSIONSCOPE_DEBUG === '1') };
  return {
    plugins: [
      preact(),
      // The manifest type of crxjs is narrower than what Firefox accepts (browser_specific_settings).
      crx({ manifest: manifest as never, browser }),
      singleFileWorker({ entry: resolve(import.meta.dirname, 'src/background/index.ts'), define }),
      singleChunkPopup({ root: import.meta.dirname, define }),
    ],
    define,
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        // The panel page is only referenced from code (devtools.panels.create), so it must be an input.
        input: { panel: resolve(import.meta.dirname, 'src/devtools/panel.html') },
      },
    },
  };
});
