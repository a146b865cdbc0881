// The Node build: the `sessionscope` command (dist/cli) and the library (dist/lib), bundled from src with
// esbuild; npm packages stay imports (node_modules at run time). Types come from tsconfig.lib.json.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  define: { __DEBUG__: 'false' },
};

await rm('dist/cli', { recursive: true, force: true });
await rm('dist/lib', { recursive: true, force: true });
await rm('dist/types', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { sessionscope: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  banner: { js: '#!/usr/bin/env node' },
});
await build({ ...common, entryPoints: { index: 'src/headless/index.ts' }, outdir: 'dist/lib' });
