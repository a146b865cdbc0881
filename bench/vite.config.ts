import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

// Builds the synthetic pages: SessionScope's popup code and the reference list fed with injected cookies, for sizes
// no real site can have (Chromium keeps at most 180 cookies per registrable domain).
export default defineConfig({
  root: resolve(__dirname, 'synthetic'),
  base: './',
  plugins: [preact()],
  define: { __DEBUG__: 'false' },
  logLevel: 'warn',
  build: {
    outDir: resolve(__dirname, '../dist/bench'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        popup: resolve(__dirname, 'synthetic/popup.html'),
        reference: resolve(__dirname, 'synthetic/reference.html'),
      },
    },
  },
});
