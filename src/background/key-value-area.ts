/** The slice of a `storage` area the background needs; `platform/storage.ts` provides it, tests a fake. */
export interface KeyValueArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Every key stored, without the values; where it is missing, the log lists keys with `get(null)`. */
  getKeys?(): Promise<string[]>;
}
