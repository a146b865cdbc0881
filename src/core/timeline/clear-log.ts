import { CHUNK_SIZE, chunkIndex, chunkKey, freedChunkKeys, META_KEY, type LogMeta, type LogState } from './log-layout';
import { JAR_KEY } from './known-jar';
import type { LogWrite } from './log-write';

/**
 * Empties the log. Seq numbers go on from where they were, so a page that polls with `afterSeq` never sees
 * a number twice; the dropped count starts again because the log begins again.
 *
 * The chunk being filled is emptied in the same `set` rather than removed: the next entries go into it, and
 * a `remove` issued later could land after them. The jar snapshot goes too: once the log is empty it has no
 * last word on any cookie, so the next worker takes the jar as it finds it as its baseline.
 */
export function clearLog(state: LogState): LogWrite {
  const { meta } = state;
  const newMeta: LogMeta = { nextSeq: meta.nextSeq, firstSeq: meta.nextSeq, dropped: 0, droppedBy: {}, chunkBytes: [] };
  const set: Record<string, unknown> = { [META_KEY]: newMeta };
  if (meta.nextSeq % CHUNK_SIZE !== 0) set[chunkKey(chunkIndex(meta.nextSeq))] = [];
  const remove = [JAR_KEY, ...freedChunkKeys(meta, meta.nextSeq)];
  return { state: { meta: newMeta, tail: [] }, set, remove };
}
