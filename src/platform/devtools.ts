import { READ_STORAGE_SCRIPT, storageEntriesOf, storageReadOf } from '../core/detect/read-storage-script';
import type { StorageEntry } from '../core/snapshot/snapshot';
import { browser } from './browser';

export function inspectedTabId(): number {
  return browser.devtools.inspectedWindow.tabId;
}

/** `'dark'` or `'default'`: DevTools' own theme, which the panel follows. */
export function devtoolsTheme(): string | undefined {
  return browser.devtools.panels.themeName;
}

/** Where the devtools page of one tab's DevTools tells its panel that the user switched to it or away. */
function panelShownChannel(tabId: number): string {
  return `sessionscope:panel-shown:${tabId}`;
}

/**
 * Adds the panel. DevTools tells the devtools page (not the panel) when the user switches to the panel or away:
 * it passes that on over a channel of the panel's own origin, one per inspected tab (watchPanelShown).
 */
export async function createPanel(title: string, icon: string, page: string): Promise<void> {
  const panel = await browser.devtools.panels.create(title, icon, page);
  const channel = new BroadcastChannel(panelShownChannel(inspectedTabId()));
  panel.onShown.addListener(() => channel.postMessage(true));
  panel.onHidden.addListener(() => channel.postMessage(false));
}

/** Calls `listener(true)` when the user switches DevTools to this panel, `listener(false)` when away from it. */
export function watchPanelShown(listener: (shown: boolean) => void): () => void {
  const channel = new BroadcastChannel(panelShownChannel(inspectedTabId()));
  channel.onmessage = (e: MessageEvent) => {
    if (typeof e.data === 'boolean') listener(e.data);
  };
  return () => channel.close();
}

/** The inspected page navigated (DevTools' own signal: works where `tabs` events are not available). */
export function watchInspectedNavigation(listener: (url: string) => void): () => void {
  browser.devtools.network.onNavigated.addListener(listener);
  return () => browser.devtools.network.onNavigated.removeListener(listener);
}

/** Why reading the inspected page failed: DevTools' own answer (`isException`, `code`), as data. */
export type InspectedEvalResult =
  { ok: true; value: unknown } | { ok: false; reason: 'exception' | 'unavailable'; detail: string };

type EvalCallback = (
  result: unknown,
  exceptionInfo?: { isError?: boolean; isException?: boolean; value?: unknown; code?: string },
) => void;

/**
 * Evaluates `expression` in the inspected page's top frame. Chromium's DevTools API answers through a callback,
 * Firefox's returns a promise of `[result, exceptionInfo]`; both are handled, whichever arrives first.
 */
export function inspectedEval(expression: string): Promise<InspectedEvalResult> {
  return new Promise((resolve) => {
    let done = false;
    const finish: EvalCallback = (result, info) => {
      if (done) return;
      done = true;
      if (info && (info.isError || info.isException)) {
        resolve({ ok: false, reason: 'exception', detail: String(info.value ?? info.code ?? 'exception') });
      } else resolve({ ok: true, value: result });
    };
    try {
      const evaluate = browser.devtools.inspectedWindow.eval as unknown as (
        expression: string,
        options?: object,
        callback?: EvalCallback,
      ) => unknown;
      const answer = evaluate(expression, {}, finish);
      if (answer && typeof (answer as Promise<unknown>).then === 'function') {
        (answer as Promise<[unknown, Parameters<EvalCallback>[1]]>).then(
          ([result, info]) => finish(result, info),
          (e: unknown) => finish(undefined, { isException: true, value: String(e) }),
        );
      }
    } catch (e) {
      done = true;
      resolve({ ok: false, reason: 'unavailable', detail: String(e) });
    }
  });
}

/** The requests DevTools recorded since it opened, as raw HAR entries (core's fromHarEntry reads them). */
export function recordedRequests(): Promise<unknown[]> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (log: unknown): void => {
      if (done) return;
      done = true;
      const entries = (log as { entries?: unknown } | undefined)?.entries;
      resolve(Array.isArray(entries) ? entries : []);
    };
    try {
      const getHAR = browser.devtools.network.getHAR as unknown as (callback?: (log: unknown) => void) => unknown;
      const answer = getHAR(finish);
      if (answer && typeof (answer as Promise<unknown>).then === 'function') {
        (answer as Promise<unknown>).then(finish, () => finish(undefined));
      }
    } catch {
      finish(undefined);
    }
  });
}

/** Each request the inspected page finishes while DevTools is open, as a raw HAR entry. */
export function watchRequests(listener: (harEntry: unknown) => void): () => void {
  const onFinished = (request: unknown): void => listener(request);
  browser.devtools.network.onRequestFinished.addListener(onFinished as never);
  return () => browser.devtools.network.onRequestFinished.removeListener(onFinished as never);
}

export type InspectedStorage = { ok: true; entries: StorageEntry[]; omitted: number } | { ok: false; reason: string };

/** Page-controlled text in a message: bounded. */
function short(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The inspected page's localStorage and sessionStorage, read by the one storage script (the panel's live view and
 * the headless audit run it too); only a real DevTools panel can read them.
 */
export async function readInspectedStorage(): Promise<InspectedStorage> {
  const answer = await inspectedEval(READ_STORAGE_SCRIPT);
  if (!answer.ok) return { ok: false, reason: `the page could not be read (${short(answer.detail)})` };
  const read = storageReadOf(answer.value);
  return { ok: true, entries: storageEntriesOf(read), omitted: read.omitted ?? 0 };
}
