import { describe, expect, it } from 'vitest';
import { backgroundEntry, relativeImports } from '../../scripts/worker-bundle';

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
});
