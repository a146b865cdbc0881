import { build, type Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The inputs of a bundle of `entry` split as the build splits it, with the kind of each import. */
async function bundleInputs(entry: string): Promise<Metafile['inputs']> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    splitting: true,
    outdir: resolve(root, 'dist/first-chunk-test'),
    metafile: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __DEBUG__: 'false' },
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return result.metafile.inputs;
}

/** Every module the popup's entry reaches through static imports only (what its first chunk must hold). */
async function staticGraph(entry: string): Promise<Set<string>> {
  const inputs = await bundleInputs(entry);
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const i of inputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement' || seen.has(i.path)) continue;
      seen.add(i.path);
      queue.push(i.path);
    }
  }
  return seen;
}

describe("the popup's first chunk", () => {
  it('holds only the first paint: no Preact, no views, no decoder, no Public Suffix List, no audit, no fflate', async () => {
    const graph = [...(await staticGraph('src/popup/boot.ts'))];
    expect(graph).toContain('src/popup/paint-first-rows.ts');
    // The rows' session reasons come from the background's hint (first-rows.ts): the decoders are a chunk of their
    // own, asked for only when the hint does not answer for the cookies read, and the popup proper imports them.
    expect(graph).toContain('src/core/row-view.ts');
    expect(graph).toContain('src/protocol/first-paint-hint.ts');
    expect(graph.filter((f) => /src\/core\/(decode|detect)\//.test(f))).toEqual([]);
    expect(graph).not.toContain('src/core/cookie-views.ts');
    // The popup proper (Preact, its views and state) is loaded after the first paint, and the analysis after that.
    expect(graph.filter((f) => /node_modules\/(preact|@preact)\//.test(f))).toEqual([]);
    expect(graph.filter((f) => /\.tsx$/.test(f))).toEqual([]);
    expect(graph.filter((f) => /node_modules\/(tldts|jose|fflate)/.test(f))).toEqual([]);
    expect(graph.filter((f) => /src\/core\/(audit\/run-audit|analyze-site|cookie\/site)\.ts$/.test(f))).toEqual([]);
  }, 30_000);

  it('reaches the decoders only through an import of their own, for rows the hint does not answer for', async () => {
    const inputs = await bundleInputs('src/popup/boot.ts');
    const dynamic = (inputs['src/popup/boot.ts']?.imports ?? [])
      .filter((i) => i.kind === 'dynamic-import')
      .map((i) => i.path);
    expect(dynamic).toEqual(expect.arrayContaining(['src/core/cookie-views.ts', 'src/popup/main.tsx']));
    // fflate builds its tables when evaluated: it comes only when a value needs inflating (decode/inflate.ts).
    const decoders = await staticGraph('src/core/cookie-views.ts');
    expect(decoders).toContain('src/core/decode/inflate.ts');
    expect([...decoders].filter((f) => /node_modules\/fflate\//.test(f) || f.endsWith('decode/unzlib.ts'))).toEqual([]);
  }, 30_000);

  it("the popup proper's chunk holds neither the Public Suffix List nor the audit: they load after the rows", async () => {
    const graph = [...(await staticGraph('src/popup/main.tsx'))];
    expect(graph).toContain('src/popup/start-popup.tsx');
    expect(graph.filter((f) => /node_modules\/tldts/.test(f))).toEqual([]);
    expect(graph.filter((f) => /src\/core\/(audit\/run-audit|analyze-site|cookie\/site)\.ts$/.test(f))).toEqual([]);
  }, 30_000);
});
