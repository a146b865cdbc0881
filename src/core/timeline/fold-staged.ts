import { appendToLog, type AppendOptions } from './append-to-log';
import type { TimedChange } from './change-log-entry';
import type { LogState } from './log-layout';
import type { LogWrite } from './log-write';
import { compareStageKeys, STAGE_FOLDED } from './stage-key';
import type { StagedBatch } from './staged-batch';

/**
 * Moves staged batches into the chunked log, oldest instance first, then appends `after` (changes that arrived
 * once the state was loaded). The same `set` marks every folded key as folded, so a worker stopped after it
 * lands but before the keys are removed leaves markers, not batches a later instance would fold again; the
 * keys go in `remove`, which may be lost without harm (see LogWrite).
 */
export function foldStaged(
  state: LogState,
  batches: readonly StagedBatch[],
  after: readonly TimedChange[] = [],
  options: AppendOptions = {},
): LogWrite {
  const ordered = [...batches].sort((a, b) => compareStageKeys(a.key, b.key));
  const write = appendToLog(state, [...ordered.flatMap((b) => b.changes), ...after], options);
  for (const { key } of ordered) write.set[key] = STAGE_FOLDED;
  return { ...write, remove: [...write.remove, ...ordered.map((b) => b.key)] };
}
