// The Node build: the `sessionscope` command (dist/cli: an entry and the chunks it imports lazily) and the
// library (dist/lib), bundled from src with esbuild. The library's npm packages stay imports (the user's
// node_modules at run time). The command bundles its packages too: resolving and reading puppeteer-core's hundreds
// of files cost each audit about 150 ms, a sixth of what a bare launch-visit-read-close script takes; bundled,
// the audit took 1,057 ms against 1,212 ms (15 alternated runs, beside the bare script's 915 ms). Their CommonJS
// parts get a `require` of their own (the banner).
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
  banner: {
    js: "import { createRequire as __ssCreateRequire } from 'node:module'; const require = __ssCreateRequire(import.meta.url);",
  },
});
// The entry's own `#!/usr/bin/env node` line is kept by esbuild (a banner would go into every chunk too).
// Runnable as ./dist/cli/sessionscope.js too, not only through npm's bin link.
await chmod('dist/cli/sessionscope.js', 0o755);
await build({ ...common, packages: 'external', entryPoints: { index: 'src/headless/index.ts' }, outdir: 'dist/lib' });

for (const entry of await readdir('dist/types', { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue;
  const file = join('dist/types', entry);
  const text = await readFile(file, 'utf8');
  const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)(?<!\.js)\2/g, '$1$2$3.js$2');
  if (fixed !== text) await writeFile(file, fixed);
}
