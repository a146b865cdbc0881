import type { LogState } from './log-layout';

/**
 * What one step of the log does to storage. `set` (the meta and the touched chunks) goes in one call, so it
 * lands whole or not at all; `remove` only frees chunks the new meta already places outside the log, so it
 * may be issued after `set` has landed, or be lost, without the log becoming inconsistent.
 */
export interface LogWrite {
  state: LogState;
  set: Record<string, unknown>;
  remove: string[];
}
