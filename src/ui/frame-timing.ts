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

/** Resolves when the page's thread is next idle, or after `timeoutMs` at most (a plain task without the API). */
export function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}
