import type { analyzeSite } from '../core/analyze-site';
import type { Analyze } from '../state/load-site';
import { afterNextPaint } from '../ui/frame-timing';

/**
 * analyzeSite from its own chunk (the audit and the Public Suffix List: most of the popup's code), loaded when
 * first asked for, after the rows shown by then have painted: evaluating that chunk runs on the page's thread and
 * would hold back their first frame.
 */
export function lazyAnalyze(): Analyze {
  let chunk: Promise<{ analyzeSite: typeof analyzeSite }> | undefined;
  return async (...args) => {
    chunk ??= afterNextPaint().then(() => import('../core/analyze-site'));
    return (await chunk).analyzeSite(...args);
  };
}
