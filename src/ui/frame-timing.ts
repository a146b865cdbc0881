/** A frame never comes while the page is hidden (a background tab, another DevTools tab in front): then this long. */
export const HIDDEN_FRAME_MS = 200;

/**
 * Resolves once the frame after the current one has been produced (a task after its animation frame): what is on
 * screen now has painted, and work started after it stays out of that frame. A hidden page gets no frame: then it
 * resolves after HIDDEN_FRAME_MS.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, HIDDEN_FRAME_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** The longest afterFirstContentfulPaint waits for the browser to report that paint. */
export const FIRST_PAINT_WAIT_MS = 300;

/**
 * Resolves once the browser reports the page's first contentful paint (paint timing: the first frame with text,
 * presented on screen), or after FIRST_PAINT_WAIT_MS when none is reported (a hidden page); in a browser without
 * paint timing, as afterNextPaint does. A toolbar popup is shown only once its page has loaded and been sized to its
 * content, well after the frame with its rows was produced (traced in Chromium: 50 to 90 ms); work started in
 * between competes with showing it, and the paint that counts for the user is the one on screen.
 */
export function afterFirstContentfulPaint(): Promise<void> {
  if (typeof PerformanceObserver !== 'function' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    return afterNextPaint();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    };
    const timer = setTimeout(done, FIRST_PAINT_WAIT_MS);
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}

/** Resolves when the page's thread is next idle, or after `timeoutMs` at most (a plain task without the API). */
export function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}
