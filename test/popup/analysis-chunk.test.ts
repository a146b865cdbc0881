// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import { lazyAnalyze } from '../../src/popup/analysis-chunk';
import { NOW, record } from '../ui/fixtures';

describe('lazyAnalyze: the analysis chunk, loaded after the rows painted', () => {
  it('waits for the next frame before it loads, then answers as analyzeSite does', async () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const analyze = lazyAnalyze();
    const cookies = [record({ name: 'sid', value: 'abc' }), record({ name: 'theme' })];
    const got = await analyze('https://app.example.com/', cookies, NOW);
    expect(frames).toHaveBeenCalledTimes(1);
    expect(got).toEqual(await analyzeSite('https://app.example.com/', cookies, NOW));
    // Loaded once: a second analysis (a verification, a weak-secret hit) does not wait for another frame.
    await analyze('https://app.example.com/', cookies, NOW);
    expect(frames).toHaveBeenCalledTimes(1);
  });
});
