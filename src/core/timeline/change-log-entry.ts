import type { ChangeCause, CookieRecord } from '../cookie/cookie-record';

/**
 * Why an entry is in the log: a cause `cookies.onChanged` reported, or `unobserved` for a difference between
 * the jar and the log's last word on a cookie, found when a worker started: the change happened while no
 * listener heard it (the browser drops events queued for a worker it stops), so its real cause is unknown;
 * or what SessionScope did on its own (GuardCause).
 */
export type LogCause = ChangeCause | 'unobserved' | GuardCause;

/**
 * What SessionScope itself did, recorded beside the browser's own event for it: `protected`, a protected
 * cookie put back after something changed it; `blocked`, a cookie removed because a block rule matches it;
 * `edited`, a cookie the user set or deleted from SessionScope (an edit, a delete, an import, a restore, an undo),
 * as the write left it. So a change the user made is never taken for the site's doing (a login, a rotation).
 */
export type GuardCause = 'protected' | 'blocked' | 'edited';

/** Every GuardCause: the entries that are SessionScope's own doing, with no `cookies.onChanged` event of their own. */
export const GUARD_CAUSES: ReadonlySet<LogCause> = new Set<GuardCause>(['protected', 'blocked', 'edited']);

/** Original lengths of what was cut before staging, so the log stays within its byte budget. */
export interface CutLengths {
  valueLength?: number;
  /** A name may be almost 4 KB. */
  nameLength?: number;
  pathLength?: number;
  domainLength?: number;
}

/** One cookie change as the background recorded it. The protocol re-exports this type for the pages. */
export interface ChangeLogEntry extends TimedChange {
  /** Monotonic sequence number across worker restarts. */
  seq: number;
}

/** A change as it arrives, stamped with the time the background received it; the log assigns `seq`. */
export interface TimedChange extends CutLengths {
  /** Milliseconds since the epoch when the background received the change (or found it, for `unobserved`). */
  time: number;
  cause: LogCause;
  removed: boolean;
  cookie: CookieRecord;
}
