import { analyzeSite } from '../../src/core/analyze-site';

/**
 * core's analyzeSite between two marks, so the benchmark can say how long the analysis took on the page clock. A
 * module of its own: the synthetic popup and the reference page import bench-cookies.ts and must not load the
 * analysis (and the Public Suffix List) with it.
 */
export const markedAnalyze: typeof analyzeSite = async (url, cookies, now, options) => {
  performance.mark('cookies');
  const result = await analyzeSite(url, cookies, now, options);
  performance.mark('analysed');
  return result;
};
