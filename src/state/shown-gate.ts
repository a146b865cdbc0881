import { effect, untracked, type ReadonlySignal } from '@preact/signals';

export interface ShownGate {
  /** Whether a read may go ahead now; false while the panel is not shown, and the read is then owed. */
  open(): boolean;
  stop(): void;
}

/**
 * Holds back a watcher's reads of the inspected page while the panel is not shown (`shown` false: DevTools shows
 * another panel), and calls `readAgain` once when it is shown again if a read was held back meanwhile. Without
 * `shown`, every read goes ahead.
 */
export function shownGate(shown: ReadonlySignal<boolean> | undefined, readAgain: () => void): ShownGate {
  let owed = false;
  const stop = effect(() => {
    if (shown?.value !== true || !owed) return;
    owed = false;
    // The read's own signals must not become this effect's.
    untracked(readAgain);
  });
  return {
    open() {
      if (shown?.peek() !== false) return true;
      owed = true;
      return false;
    },
    stop,
  };
}
