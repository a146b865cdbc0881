import type { ReadonlySignal } from '@preact/signals';
import { READ_STORAGE_SCRIPT, type PageScriptAnswer } from '../core/detect/read-storage-script';
import { fromHarEntry, type NetworkEntry } from '../core/network/network-entry';
import type { PageDataSlice } from './page-data-slice';
import { shownGate } from './shown-gate';

/** DevTools' answer to evaluating an expression in the inspected page (platform/devtools inspectedEval). */
export type EvalAnswer = PageScriptAnswer;

/** What the watcher may use of DevTools: the platform wrappers, or fakes in tests. */
export interface PageDataDeps {
  evaluate: (expression: string) => Promise<EvalAnswer>;
  /** Raw HAR entries DevTools recorded so far. */
  recordedRequests: () => Promise<unknown[]>;
  watchRequests: (listener: (harEntry: unknown) => void) => () => void;
  watchNavigation: (listener: () => void) => () => void;
  /** How often web storage is read again (pages change it without any event DevTools reports). */
  pollMs?: number;
  /** Live requests are handed over in batches, at most this often. */
  flushMs?: number;
  /**
   * Whether the panel is in view (DevTools shows another panel: false). While it is not, web storage is not read
   * (requests are still collected); it is read once when the panel is shown again.
   */
  shown?: ReadonlySignal<boolean>;
}

/**
 * Keeps the page-data slice in step with the inspected page while the panel is open: the requests DevTools
 * recorded and then each one as it finishes, and the top frame's web storage, read now, after requests, every
 * few seconds, and again after a navigation (which also forgets the old page's requests). Returns a stop function.
 */
export function watchPageData(slice: PageDataSlice, deps: PageDataDeps): () => void {
  const pollMs = deps.pollMs ?? 2_000;
  const flushMs = deps.flushMs ?? 200;
  let stopped = false;
  let pending: NetworkEntry[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by a navigation: answers to reads started before it belong to the old page. */
  let epoch = 0;

  const gate = shownGate(deps.shown, () => void readStorage());

  async function readStorage(): Promise<void> {
    if (!gate.open()) return;
    const mine = epoch;
    const answer = await deps.evaluate(READ_STORAGE_SCRIPT);
    if (stopped || mine !== epoch) return;
    slice.showStorageAnswer(answer);
  }

  async function readRecorded(): Promise<void> {
    const mine = epoch;
    const raw = await deps.recordedRequests();
    if (stopped || mine !== epoch) return;
    slice.addRequests(raw.map(fromHarEntry).filter((e): e is NetworkEntry => e !== null));
  }

  function flush(): void {
    flushTimer = undefined;
    if (stopped) return;
    const list = pending;
    pending = [];
    slice.addRequests(list);
    // A request is often what changed the storage (a login response stored a token).
    void readStorage();
  }

  const offRequests = deps.watchRequests((raw) => {
    const entry = fromHarEntry(raw);
    if (entry === null || stopped) return;
    pending.push(entry);
    flushTimer ??= setTimeout(flush, flushMs);
  });
  const offNavigation = deps.watchNavigation(() => {
    epoch++;
    pending = [];
    slice.reset();
    void readRecorded();
    void readStorage();
  });
  const poll = setInterval(() => void readStorage(), pollMs);
  void readRecorded();
  void readStorage();

  return () => {
    stopped = true;
    offRequests();
    offNavigation();
    clearInterval(poll);
    gate.stop();
    if (flushTimer !== undefined) clearTimeout(flushTimer);
  };
}
