import { batch, computed, signal } from '@preact/signals';
import type { FoundToken } from '../core/audit/audit-input';
import { findStorageTokens } from '../core/detect/find-storage-tokens';
import {
  storageEntriesOf,
  storageReadOf,
  type PageScriptAnswer,
  type StorageRead,
} from '../core/detect/read-storage-script';
import { headerTokensOf, requestUrlsOf, type NetworkEntry } from '../core/network/network-entry';
import { tokenLoginSignal, type LoginSignal } from '../core/session/login-rotation';

/** Requests kept in memory, newest kept: the panel is open for hours on busy pages. */
export const MAX_REQUESTS = 1_000;

/** Why the page's web storage could not be read (the view words it). */
export type StorageProblem = { reason: 'exception' | 'unavailable'; detail: string };

/** What the audit is given besides the cookies; `key` changes only when its content does. */
export interface PageInputs {
  tokens: readonly FoundToken[];
  requestUrls: readonly string[];
  key: string;
}

/**
 * What the panel reads from the inspected page besides its cookies: the web storage of its top frame and the
 * requests DevTools saw. The tokens in both join the site's analysis and the session card.
 */
export function createPageDataSlice(maxRequests = MAX_REQUESTS, now: () => number = Date.now) {
  const requests = signal<readonly NetworkEntry[]>([]);
  /** Requests left out to stay within maxRequests. */
  const droppedRequests = signal(0);
  const storage = signal<StorageRead | null>(null);
  const storageProblem = signal<StorageProblem | null>(null);

  const storageTokens = computed<readonly FoundToken[]>(() =>
    storage.value === null ? [] : findStorageTokens(storageEntriesOf(storage.value)),
  );
  const headerTokens = computed<readonly FoundToken[]>(() => headerTokensOf(requests.value));
  const tokens = computed<readonly FoundToken[]>(() => [...storageTokens.value, ...headerTokens.value]);
  const requestUrls = computed<readonly string[]>(() => requestUrlsOf(requests.value));
  const inputs = computed<PageInputs>(() => ({
    tokens: tokens.value,
    requestUrls: requestUrls.value,
    key: JSON.stringify([tokens.value.map((t) => [t.location, t.name, t.path ?? '', t.token]), requestUrls.value]),
  }));

  /** Requests already kept: DevTools' recorded list and its live event can both hand over the same one. */
  let seen = new Set<string>();
  const idOf = (e: NetworkEntry) => `${e.method} ${e.timeMs} ${e.url}`;

  function addRequests(list: readonly NetworkEntry[]): void {
    const fresh = list.filter((e) => {
      const id = idOf(e);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (fresh.length === 0) return;
    const all = [...requests.value, ...fresh];
    const cut = Math.max(0, all.length - maxRequests);
    if (cut > 0) seen = new Set(all.slice(cut).map(idOf));
    batch(() => {
      requests.value = cut > 0 ? all.slice(cut) : all;
      droppedRequests.value += cut;
    });
    noteLogins();
  }

  /**
   * Logins seen while the panel watched: a token identity (a JWT's subject and role) that was not in the page
   * when the panel first read its storage. What was there at that first read is the session the panel found,
   * not a login it saw; until then nothing counts.
   */
  const loginSignals = signal<readonly LoginSignal[]>([]);
  let identities: Set<string> | null = null;
  function noteLogins(): void {
    const all = tokens.peek();
    if (identities === null) return;
    const fresh: LoginSignal[] = [];
    for (const t of all) {
      const login = tokenLoginSignal(t, now());
      if (login === undefined || identities.has(login.identity)) continue;
      identities.add(login.identity);
      fresh.push(login.signal);
    }
    if (fresh.length > 0) loginSignals.value = [...loginSignals.peek(), ...fresh];
  }
  function startWatchingLogins(): void {
    if (identities !== null) return;
    identities = new Set();
    for (const t of tokens.peek()) {
      const login = tokenLoginSignal(t, now());
      if (login) identities.add(login.identity);
    }
  }

  /** The read and the problem change together: one of them is null. */
  function setStorage(read: StorageRead | null, problem: StorageProblem | null): void {
    batch(() => {
      storage.value = read;
      storageProblem.value = problem;
    });
  }

  let lastRead = '';
  function showStorage(read: StorageRead): void {
    // Polled every few seconds: an unchanged read must not re-run the token search and the analysis.
    const text = JSON.stringify(read);
    if (text === lastRead && storageProblem.peek() === null) return;
    lastRead = text;
    setStorage(read, null);
    noteLogins();
    startWatchingLogins();
  }

  function showStorageProblem(problem: StorageProblem): void {
    lastRead = '';
    setStorage(null, problem);
    startWatchingLogins();
  }

  /** The storage reader's answer, from DevTools or `scripting.executeScript`: the read, or why it failed. */
  function showStorageAnswer(answer: PageScriptAnswer): void {
    if (answer.ok) showStorage(storageReadOf(answer.value));
    else showStorageProblem({ reason: answer.reason, detail: answer.detail.slice(0, 500) });
  }

  /** Another page: its requests and storage are not this one's. */
  function reset(): void {
    lastRead = '';
    seen = new Set();
    identities = null;
    batch(() => {
      loginSignals.value = [];
      requests.value = [];
      droppedRequests.value = 0;
      storage.value = null;
      storageProblem.value = null;
    });
  }

  return {
    requests,
    droppedRequests,
    storage,
    storageProblem,
    storageTokens,
    headerTokens,
    tokens,
    requestUrls,
    inputs,
    loginSignals,
    addRequests,
    showStorage,
    showStorageProblem,
    showStorageAnswer,
    reset,
  };
}

export type PageDataSlice = ReturnType<typeof createPageDataSlice>;
