import type { CookieRecord } from '../core/cookie/cookie-record';
import type { CookieWriteOp, CookieWriteResult } from '../core/edit/apply-cookie-writes';
import type { BlockRule } from '../core/edit/block-rule';
import type { ChangeLogEntry } from '../core/timeline/change-log-entry';
import type { DroppedBy } from '../core/timeline/log-layout';

export type { BlockRule, ChangeLogEntry, CookieWriteOp, CookieWriteResult, DroppedBy };

/**
 * The one map of messages that extension pages send to the background. Both the sender's and the handler's
 * types are inferred from it, so a missing handler or a wrong payload fails to compile.
 */

/**
 * Why a tab's cookies cannot be shown: a reason and the data that goes with it, never words (the views say
 * what each means and what to do next).
 */
export type CookiesProblem =
  /** `tabId`: the tab asked for, which does not exist; absent when there was no tab to ask for. */
  | { reason: 'no-tab'; tabId?: number }
  | { reason: 'not-http'; url?: string }
  /** `url`: absent when the browser hid the tab's URL too (then the site is unknown). */
  | { reason: 'no-permission'; url?: string }
  /** `error`: what the browser or the code said, shown as text. */
  | { reason: 'error'; url?: string; error: string };

export type ProblemReason = CookiesProblem['reason'];

/**
 * The cookie store a tab's cookies come from: the browser's default jar, a private (incognito) window's, or a
 * Firefox container's. `name`: a container's name, when the browser tells it. Data only: the views word it.
 */
export interface TabStore {
  id: string;
  kind: 'default' | 'private' | 'container';
  name?: string;
}

/**
 * `store`: the store `cookies` were read from; absent where the reader knows of no store (the default one).
 * `elsewhere`: what the read by URL found for the page that the page does not receive, its host's cookies kept in
 * another top-level site's partition (set while embedded there); absent when there are none.
 */
export type TabCookiesResult =
  | { ok: true; tabId: number; url: string; cookies: CookieRecord[]; store?: TabStore; elsewhere?: CookieRecord[] }
  | ({ ok: false } & CookiesProblem);

export interface ChangeLogResult {
  ok: true;
  entries: ChangeLogEntry[];
  /** How many entries the log has dropped since it began (or was cleared), for every reason. */
  dropped: number;
  /** `dropped` by reason (see DropReason in core/timeline/log-layout). */
  droppedBy?: DroppedBy;
  /** The bound: the log keeps the newest `capacity` entries. */
  capacity: number;
  /**
   * The sequence number the log's next entry will get, whatever its site: a page that asked for one site's entries
   * asks for every site's after it to see what else changed since.
   */
  nextSeq?: number;
}

/** Per op, what the browser did (read back from the jar); `undoable`: the write changed something undo can put back. */
export interface WriteCookiesResult {
  ok: true;
  results: CookieWriteResult[];
  undoable: boolean;
}

/**
 * `changedSince`: cookies something else changed after the action, whose change the undo overwrote (the view
 * says so); `results`: one per write the undo made.
 */
export type UndoResult =
  | { ok: true; label: string; results: CookieWriteResult[]; changedSince: CookieRecord[] }
  | { ok: false; reason: 'nothing-to-undo' };

/** The action the next undo would reverse (`label` null: none), and how many are kept. */
export interface UndoState {
  label: string | null;
  atMs?: number;
  depth: number;
}

/** Protected cookies (kept as they are: SessionScope puts them back when changed) and block rules. */
export interface GuardState {
  ok: true;
  protected: CookieRecord[];
  blockRules: BlockRule[];
  /**
   * After a change of the block rules: the cookies already in the jar that the rules deleted at once (at most
   * SWEPT_LISTED of them listed, `count` all of them), and, when rules were added, the undo stack's name for that
   * action (its undo takes the rules away and puts the cookies back).
   */
  swept?: { count: number; cookies: CookieRecord[]; undo?: { label: string; atMs: number } };
}

/** Deleted cookies a block rule's answer lists by name; the rest are counted. */
export const SWEPT_LISTED = 20;

export interface ProtocolMap {
  /**
   * `startedAt`: when this worker instance started; `received`: cookie events handed to its listener since then
   * with its staging write issued (in memory only, so it restarts at 0 with the worker; tests wait on it to know
   * every event is inside and on its way to storage).
   */
  ping: { request: Record<string, never>; response: { ok: true; startedAt: number; received: number } };
  getTabCookies: { request: { tabId: number }; response: TabCookiesResult };
  /**
   * `site`: a host; the entries whose cookie is in its site (inSiteOf in core/cookie/site). `storeId`: only the
   * entries of that cookie store (a container tab's timeline shows its own store's changes).
   */
  getChangeLog: { request: { site?: string; storeId?: string; afterSeq?: number }; response: ChangeLogResult };
  /** Empties the log (seq numbers go on); `cleared`: how many entries it held. */
  clearChangeLog: { request: Record<string, never>; response: { ok: true; cleared: number } };
  /**
   * Applies the writes in order and keeps one undo record for them under `label` (e.g. "delete of 3 cookies"):
   * the edit, delete and import paths of every page go through here, so undo sees them all.
   */
  writeCookies: { request: { ops: CookieWriteOp[]; label: string }; response: WriteCookiesResult };
  /** Reverses the last recorded action exactly (identity, every attribute, store and partition). */
  undoLast: { request: Record<string, never>; response: UndoResult };
  getUndoState: { request: Record<string, never>; response: UndoState };
  getGuards: { request: Record<string, never>; response: GuardState };
  /** Protects the cookie as it is now (`protect: true`) or stops protecting that identity. */
  setProtected: { request: { cookie: CookieRecord; protect: boolean }; response: GuardState };
  /** Replaces the block rules; a cookie set later that matches one is removed (and ones already there now). */
  setBlockRules: { request: { rules: BlockRule[] }; response: GuardState };
  /**
   * Reads cookies for export, import and snapshots where the page has no `cookies` API (Firefox's DevTools
   * panels): `site`, every cookie of `host`'s site in `storeId`'s store (the default one without); `sites`, every
   * cookie of the sites of `hosts` (at most MAX_THIRD_PARTY_SITES, the panel's third parties) in one answer; `all`,
   * every store. `error`: what the browser said.
   */
  readCookies: { request: ReadCookiesRequest; response: ReadCookiesResult };
  /**
   * The http(s) origins of the tab's frames and of the subresources they loaded, read from the page itself
   * (`scripting.executeScript` in every frame, checked by core's pageUrlsOf): the third-party view's sites where
   * DevTools recorded no request (a panel opened as a tab, requests made before DevTools opened). Only a tab whose
   * page's host the user granted is read: any other answers `no-permission` without being scripted.
   */
  getPageUrls: { request: { tabId: number }; response: PageUrlsResult };
}

/** `no-tab`: no such tab; `no-permission`: its page is one SessionScope may not script; `error`: the browser's words. */
export type PageUrlsResult =
  | { ok: true; urls: string[] }
  | { ok: false; reason: 'no-tab' | 'no-permission' }
  | { ok: false; reason: 'error'; error: string };

export type ReadCookiesRequest =
  | { scope: 'site'; host: string; storeId?: string }
  | { scope: 'sites'; hosts: string[]; storeId?: string }
  | { scope: 'all' };
export type ReadCookiesResult = { ok: true; cookies: CookieRecord[] } | { ok: false; error: string };

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  /** Marks our messages so the background ignores anything else on the runtime channel. */
  sessionscope: 1;
  type: K;
  data: RequestOf<K>;
}

export type Handlers<Sender> = {
  [K in MessageType]: (data: RequestOf<K>, sender: Sender) => Promise<ResponseOf<K>>;
};

// A Record over every key, so adding a message to the map without listing it here fails to compile.
const TYPE_TABLE: Record<MessageType, true> = {
  ping: true,
  getTabCookies: true,
  getChangeLog: true,
  clearChangeLog: true,
  writeCookies: true,
  undoLast: true,
  getUndoState: true,
  getGuards: true,
  setProtected: true,
  setBlockRules: true,
  readCookies: true,
  getPageUrls: true,
};
const TYPES: ReadonlySet<string> = new Set(Object.keys(TYPE_TABLE));

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.sessionscope === 1 && typeof v.type === 'string' && TYPES.has(v.type) && typeof v.data === 'object';
}

export function envelope<K extends MessageType>(type: K, data: RequestOf<K>): Envelope<K> {
  return { sessionscope: 1, type, data };
}
