import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { backgroundEntry, lazyTldts, relativeImports } from '../../scripts/worker-bundle';

/** Marks tldts's own module body: it sets `tldtsEvaluated` when it runs. */
const markTldts: Plugin = {
  name: 'mark-tldts',
  setup(b) {
    b.onLoad({ filter: /tldts[\\/]dist[\\/][^\\/]+[\\/]index\.js$/ }, async (args) => ({
      contents: `${await readFile(args.path, 'utf8')}\nglobalThis.tldtsEvaluated = true;`,
      loader: 'js',
    }));
  },
};

/** A worker-shaped script that imports what core/cookie/site.ts imports from tldts, built as the worker is. */
async function bundle(plugins: Plugin[]): Promise<string> {
  const out = await build({
    stdin: {
      contents:
        "import { getDomain, parse } from 'tldts'; globalThis.probe = (h) => [getDomain(h), parse(h).publicSuffix];",
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    plugins: [...plugins, markTldts],
  });
  return out.outputFiles[0]!.text;
}

describe('the single-file worker build', () => {
  it('finds the background entry in a built manifest of either browser', () => {
    expect(backgroundEntry({ background: { service_worker: 'service-worker-loader.js', type: 'module' } })).toBe(
      'service-worker-loader.js',
    );
    expect(backgroundEntry({ background: { scripts: ['service-worker-loader.js'] } })).toBe('service-worker-loader.js');
    expect(() => backgroundEntry({})).toThrow(/no background script/);
  });

  it("reads the chunks crxjs's loader imports, and only relative ones", () => {
    expect(relativeImports("import './assets/index.ts-B4Y-3weX.js';\n")).toEqual(['./assets/index.ts-B4Y-3weX.js']);
    expect(relativeImports('import{a as b}from"../x.js";import "polyfill";')).toEqual(['../x.js']);
    expect(relativeImports('console.log(1)')).toEqual([]);
  });

  it('evaluates the public-suffix list on first use, not when the worker script first runs', async () => {
    const sandbox: { probe?: (host: string) => unknown; tldtsEvaluated?: boolean } = {};
    runInNewContext(await bundle([lazyTldts]), sandbox);
    expect(sandbox.tldtsEvaluated).toBeUndefined();
    expect(sandbox.probe?.('a.b.example.co.uk')).toEqual(['example.co.uk', 'co.uk']);
    expect(sandbox.tldtsEvaluated).toBe(true);
    // Without the plugin, the same script evaluates it at once: the check above can fail.
    const eager: typeof sandbox = {};
    runInNewContext(await bundle([]), eager);
    expect(eager.tldtsEvaluated).toBe(true);
  });
});
