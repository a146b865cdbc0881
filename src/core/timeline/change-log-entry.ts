import type { ChangeCause, CookieRecord } from '../cookie/cookie-record';

/** One cookie change as the background recorded it. The protocol re-exports this type for the pages. */
export interface ChangeLogEntry {
  /** Monotonic sequence number across worker restarts. */
  seq: number;
  /** Milliseconds since the epoch when the background received the change. */
  time: number;
  cause: ChangeCause;
  removed: boolean;
  cookie: CookieRecord;
  /** Set when the stored value was cut to keep the log within the storage quota: the original length. */
  valueLength?: number;
  /** Set when the stored name was cut (a name may be almost 4 KB): the original length. */
  nameLength?: number;
}

/** A change as it arrives, stamped with the time the background received it; the log assigns `seq`. */
export interface TimedChange {
  time: number;
  cause: ChangeCause;
  removed: boolean;
  cookie: CookieRecord;
}
