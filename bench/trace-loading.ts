/** A Chromium trace event, as CDP's `Tracing.dataCollected` reports it (the fields these figures read). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    frame?: string;
    data?: {
      documentLoaderURL?: string;
      url?: string;
      frame?: string;
      requestId?: string;
      resourceType?: string;
    };
  };
}

/** How a page's first scripts loaded, on the page clock (ms from its navigation start). */
export interface ScriptLoading {
  /** Scripts the page asked for before its rows were in (its first paint's scripts). */
  scripts: number;
  /** When the last of them was asked for. */
  requested: number;
  /** When the page had the last of their responses (headers). */
  answered: number;
  /** When the page had the last of their bodies. */
  loaded: number;
}

/**
 * The scripts frame `frame` asked for between its navigation start (`navTs`, trace µs) and `untilTs`, and when the
 * last of them was asked for, answered and loaded. An extension page's files each come through the browser
 * process: these say whether a page waited on asking (its commit, parsing, the preload scan) or on the answers. NaN
 * where a script had no answer or body by the end of the trace.
 */
export function scriptLoading(
  events: readonly TraceEvent[],
  frame: string,
  navTs: number,
  untilTs: number,
): ScriptLoading {
  const ids = new Set<string>();
  let requested = -Infinity;
  for (const e of events) {
    const d = e.args?.data;
    if (e.name !== 'ResourceSendRequest' || d?.frame !== frame || d.resourceType !== 'Script') continue;
    if (e.ts < navTs || e.ts > untilTs || d.requestId === undefined) continue;
    ids.add(d.requestId);
    requested = Math.max(requested, e.ts);
  }
  /** The time of the last event `name` of each script asked for; NaN when one of them has none. */
  const last = (name: string): number => {
    const seen = new Map<string, number>();
    for (const e of events) {
      const id = e.args?.data?.requestId;
      if (e.name === name && id !== undefined && ids.has(id)) seen.set(id, Math.max(seen.get(id) ?? -Infinity, e.ts));
    }
    return seen.size === ids.size && ids.size > 0 ? Math.max(...seen.values()) : Number.NaN;
  };
  const clock = (ts: number) => (ts - navTs) / 1000;
  return {
    scripts: ids.size,
    requested: ids.size > 0 ? clock(requested) : Number.NaN,
    answered: clock(last('ResourceReceiveResponse')),
    loaded: clock(last('ResourceFinish')),
  };
}

/** When the page's renderer had committed its navigation (the end of CommitNavigation on its thread), page clock. */
export function navigationCommitted(events: readonly TraceEvent[], pid: number, tid: number, navTs: number): number {
  const commit = events.find(
    (e) =>
      e.name === 'RenderFrameImpl::CommitNavigation' && e.ph === 'X' && e.pid === pid && e.tid === tid && e.ts >= navTs,
  );
  return commit === undefined ? Number.NaN : (commit.ts + (commit.dur ?? 0) - navTs) / 1000;
}
