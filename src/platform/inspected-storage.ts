import { READ_STORAGE_SCRIPT, storageEntriesOf, storageReadOf } from '../core/detect/read-storage-script';
import { inspectedEval } from './devtools';
import type { StorageEntry } from '../core/snapshot/snapshot';

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
