import { FakeEvent } from './fake-event';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export interface StorageCall {
  op: 'set' | 'remove' | 'clear';
  keys: string[];
  /** What became of it: landed, swallowed (never lands, never settles) or failed (rejected). */
  outcome: 'landed' | 'swallowed' | 'failed' | 'queued';
}

/**
 * A `storage` area. Calls are applied in the order they were made, each a microtask later (the browser
 * process answers in order); values are copied when the call is made, as the real API serialises them then.
 */
export class FakeStorageArea {
  readonly onChanged = new FakeEvent<(changes: StorageChanges) => void>();
  /** Every write call, in order, for assertions about what a step touched. */
  readonly calls: StorageCall[] = [];
  private data = new Map<string, unknown>();
  private queue: Promise<unknown> = Promise.resolve();
  private swallowLeft = 0;
  private failLeft = 0;
  private failWith: unknown = new Error('storage write failed');
  private swallowIf: ((call: StorageCall) => boolean) | undefined;
  private readsStalled = false;
  /** `getKeys` and `get(null)` list keys newest first: the API promises no order, so code must not need one. */
  listNewestFirst = false;

  /** The next `count` write calls never land and their promises never settle: the worker died first. */
  swallowWrites(count = Number.POSITIVE_INFINITY): void {
    this.swallowLeft = count;
  }

  /** The next `count` write calls are rejected with `error` and change nothing. */
  failWrites(error: unknown = new Error('storage write failed'), count = Number.POSITIVE_INFINITY): void {
    this.failWith = error;
    this.failLeft = count;
  }

  /** Every later write call for which `match` is true never lands and never settles (the worker died). */
  swallowWritesWhen(match: (call: StorageCall) => boolean): void {
    this.swallowIf = match;
  }

  /** Later reads never answer: the worker is stopped before storage replies to it. */
  stallReads(): void {
    this.readsStalled = true;
  }

  /** Writes land and reads answer again. */
  restore(): void {
    this.swallowLeft = 0;
    this.failLeft = 0;
    this.swallowIf = undefined;
    this.readsStalled = false;
  }

  /** A copy of everything stored, synchronously. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, structuredClone(v)]));
  }

  reset(): void {
    this.data.clear();
    this.calls.length = 0;
    this.listNewestFirst = false;
    this.restore();
    this.onChanged.clear();
  }

  /** The stored keys, as `storage.*.getKeys()` (Chromium 130+, Firefox 143+) gives them. */
  getKeys(): Promise<string[]> {
    return this.read(() => this.listedKeys());
  }

  get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> {
    return this.read(() => {
      const out: Record<string, unknown> = {};
      if (keys === null || keys === undefined) {
        for (const k of this.listedKeys()) out[k] = structuredClone(this.data.get(k));
        return out;
      }
      const defaults: Record<string, unknown> =
        typeof keys === 'string' ? { [keys]: undefined } : Array.isArray(keys) ? {} : keys;
      const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      for (const k of names) {
        if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
        else if (defaults[k] !== undefined) out[k] = defaults[k];
      }
      return out;
    });
  }

  set(items: Record<string, unknown>): Promise<void> {
    const copy = structuredClone(items);
    return this.write('set', Object.keys(copy), () => {
      for (const [k, v] of Object.entries(copy)) this.data.set(k, v);
    });
  }

  remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : [...keys];
    return this.write('remove', list, () => {
      for (const k of list) this.data.delete(k);
    });
  }

  clear(): Promise<void> {
    return this.write('clear', [...this.data.keys()], () => this.data.clear());
  }

  private write(op: StorageCall['op'], keys: string[], apply: () => void): Promise<void> {
    const call: StorageCall = { op, keys, outcome: 'queued' };
    this.calls.push(call);
    if (this.swallowLeft > 0 || this.swallowIf?.(call)) {
      if (this.swallowLeft > 0) this.swallowLeft--;
      call.outcome = 'swallowed';
      return new Promise<void>(() => undefined);
    }
    if (this.failLeft > 0) {
      this.failLeft--;
      call.outcome = 'failed';
      const error = this.failWith;
      return this.enqueue(() => {
        throw error;
      });
    }
    return this.enqueue(() => {
      const before = new Map(keys.map((k) => [k, this.data.get(k)]));
      apply();
      call.outcome = 'landed';
      const changes: StorageChanges = {};
      for (const [k, oldValue] of before) {
        const newValue = this.data.get(k);
        if (oldValue !== undefined || newValue !== undefined) changes[k] = { oldValue, newValue };
      }
      if (Object.keys(changes).length > 0) this.onChanged.fire(changes);
    });
  }

  private listedKeys(): string[] {
    const keys = [...this.data.keys()];
    return this.listNewestFirst ? keys.reverse() : keys;
  }

  private read<T>(run: () => T): Promise<T> {
    if (this.readsStalled) return new Promise<T>(() => undefined);
    return this.enqueue(run);
  }

  private enqueue<T>(run: () => T): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
