import type { CDPSession, Page, Protocol } from 'puppeteer-core';

/** One running-status change of a service worker version, as the benchmark saw it (`at`: its own clock, ms). */
export interface WorkerStatus {
  at: number;
  versionId: string;
  /** Whose worker it is: the extension the version's registration belongs to, if known. */
  owner: string | undefined;
  status: Protocol.ServiceWorker.ServiceWorkerVersionRunningStatus;
}

/**
 * How long each start of a worker took, per owner: from the version's `starting` to its next `running`, in the
 * order they came. A start that never ran (stopped again first) is not counted; repeated statuses are ignored.
 */
export function startDurations(updates: readonly WorkerStatus[]): Map<string, number[]> {
  const since = new Map<string, number>();
  const out = new Map<string, number[]>();
  for (const u of updates) {
    if (u.owner === undefined) continue;
    const key = `${u.owner}\n${u.versionId}`;
    if (u.status === 'starting') {
      if (!since.has(key)) since.set(key, u.at);
    } else if (u.status === 'running') {
      const began = since.get(key);
      if (began === undefined) continue;
      since.delete(key);
      out.set(u.owner, [...(out.get(u.owner) ?? []), u.at - began]);
    } else {
      since.delete(key);
    }
  }
  return out;
}

export interface StartRecorder {
  /** Every start recorded so far, per owner (see `startDurations`). */
  starts(): Map<string, number[]>;
  stop(): Promise<void>;
}

/**
 * Records the running status of every service worker the browser reports (the DevTools ServiceWorker domain,
 * through `page`), each owned by the extension whose id its registration's scope names: by the name `owners`
 * gives that id, else by the id itself. For the change storm: how long SessionScope's worker and the witness's took to run
 * again after each stop, which decides how far behind the storm each begins.
 */
export async function recordWorkerStarts(page: Page, owners: Readonly<Record<string, string>>): Promise<StartRecorder> {
  const cdp: CDPSession = await page.createCDPSession();
  const scopes = new Map<string, string>();
  const updates: WorkerStatus[] = [];
  const ownerOf = (scopeURL: string): string | undefined => {
    const id = /^chrome-extension:\/\/([a-p]{32})\//.exec(scopeURL)?.[1];
    return id === undefined ? undefined : (owners[id] ?? id);
  };
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
    for (const r of e.registrations) {
      const owner = ownerOf(r.scopeURL);
      if (owner !== undefined) scopes.set(r.registrationId, owner);
    }
  });
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const at = performance.now();
    for (const v of e.versions) {
      updates.push({
        at,
        versionId: v.versionId,
        owner: scopes.get(v.registrationId) ?? ownerOf(v.scriptURL),
        status: v.runningStatus,
      });
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    starts: () => startDurations(updates),
    stop: async () => {
      await cdp.send('ServiceWorker.disable').catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
