import type { LogCause, TimedChange } from './change-log-entry';

/** One batch of changes a worker instance staged under `key` (see stage-key.ts). */
export interface StagedBatch {
  key: string;
  changes: readonly TimedChange[];
  /** How many folds of this batch storage has refused (in memory only). */
  refusals?: number;
}

const CAUSES: ReadonlySet<string> = new Set<LogCause>([
  'evicted',
  'expired',
  'explicit',
  'expired_overwrite',
  'overwrite',
  'unobserved',
]);

function isChange(v: unknown): v is TimedChange {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  const cookie = c.cookie as Record<string, unknown> | null | undefined;
  return (
    typeof c.time === 'number' &&
    typeof c.removed === 'boolean' &&
    typeof c.cause === 'string' &&
    CAUSES.has(c.cause) &&
    typeof cookie === 'object' &&
    cookie !== null &&
    typeof cookie.name === 'string' &&
    typeof cookie.value === 'string' &&
    typeof cookie.domain === 'string'
  );
}

/**
 * The changes of a stored staged batch, read defensively. `undefined` when the key holds no batch: it was
 * marked folded, or is malformed; either way there is nothing left to fold, only the key to remove.
 */
export function parseStagedBatch(stored: unknown): TimedChange[] | undefined {
  if (!Array.isArray(stored)) return undefined;
  return stored.filter(isChange);
}
