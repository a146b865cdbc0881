import { useState } from 'preact/hooks';
import { errorText } from '../core/error-text';

/** Where an export goes: a downloaded file or the clipboard. */
export type Destination = 'file' | 'clipboard';

/** How the last save or copy went: under way, done (with what went out), or failed and why. */
export type Delivery<T> =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'saved' | 'copied'; output: T }
  | { kind: 'failed'; to: Destination; reason: string };

/**
 * A save-or-copy action and its outcome, for an OutcomeLine: `deliver` makes what goes out and sends it to `to`,
 * and returns it; whatever it throws is the failure's reason, so nothing is claimed saved that was not.
 */
export function useDelivery<T>(): [Delivery<T>, (to: Destination, deliver: () => Promise<T>) => Promise<void>] {
  const [outcome, setOutcome] = useState<Delivery<T>>({ kind: 'idle' });
  const run = async (to: Destination, deliver: () => Promise<T>): Promise<void> => {
    setOutcome({ kind: 'working' });
    try {
      const output = await deliver();
      setOutcome({ kind: to === 'file' ? 'saved' : 'copied', output });
    } catch (e) {
      setOutcome({ kind: 'failed', to, reason: errorText(e) });
    }
  };
  return [outcome, run];
}
