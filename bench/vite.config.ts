import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { singleChunkPopup } from '../scripts/popup-bundle.ts';

// Builds the synthetic pages: SessionScope's popup code and the reference list fed with injected cookies, for sizes
// no real site can have (Chromium keeps at most 180 cookies per registrable domain). They are packed as a second
// extension (synthetic/manifest.json, copied from publicDir) so they load from chrome-extension:// like the real
// popup: served over HTTP instead, each module cost a network round trip the real popup never pays.
export default defineConfig({
  root: resolve(import.meta.dirname, 'synthetic'),
  publicDir: resolve(import.meta.dirname, 'synthetic-public'),
  base: './',
  plugins: [
    preact(),
    // The synthetic popup is built alone afterwards, as the extension's popup is (scripts/popup-bundle.ts).
    singleChunkPopup({
      root: resolve(import.meta.dirname, 'synthetic'),
      input: resolve(import.meta.dirname, 'synthetic/popup.html'),
      base: './',
      define: { __DEBUG__: 'false' },
    }),
  ],
  define: { __DEBUG__: 'false' },
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../dist/bench'),
    emptyOutDir: true,
    target: 'es2022',
    minify: process.env.BENCH_NO_MINIFY ? false : 'esbuild',
    rollupOptions: {
      input: {
        panel: resolve(import.meta.dirname, 'synthetic/panel.html'),
        reference: resolve(import.meta.dirname, 'synthetic/reference.html'),
        bare: resolve(import.meta.dirname, 'synthetic/bare.html'),
      },
    },
  },
});
