// The Node build: the `sessionscope` command (dist/cli: an entry and the chunks it imports lazily) and the
// library (dist/lib), bundled from src with esbuild; npm packages stay imports (node_modules at run time).
// Types: `tsc -p tsconfig.lib.json` writes dist/types first, and this script gives their relative imports the
// `.js` extension that Node's ESM resolution (TypeScript's `node16`/`nodenext`) requires, as the source
// imports carry none.
import { build } from 'esbuild';
import { chmod, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  splitting: true,
  logLevel: 'warning',
  define: { __DEBUG__: 'false' },
};

await rm('dist/cli', { recursive: true, force: true });
await rm('dist/lib', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { sessionscope: 'src/cli/main.ts' },
  outdir: 'dist/cli',
});
// The entry's own `#!/usr/bin/env node` line is kept by esbuild (a banner would go into every chunk too).
// Runnable as ./dist/cli/sessionscope.js too, not only through npm's bin link.
await chmod('dist/cli/sessionscope.js', 0o755);
await build({ ...common, entryPoints: { index: 'src/headless/index.ts' }, outdir: 'dist/lib' });

for (const entry of await readdir('dist/types', { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue;
  const file = join('dist/types', entry);
  const text = await readFile(file, 'utf8');
  const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)(?<!\.js)\2/g, '$1$2$3.js$2');
  if (fixed !== text) await writeFile(file, fixed);
}
