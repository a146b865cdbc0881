import type { PartitionKey } from '../cookie/cookie-record';

/** A partition key as the JSON formats write it: every field present, `null` for what the key lacks. */
export type PartitionKeyJson = { topLevelSite: string | null; hasCrossSiteAncestor: boolean | null } | null;

export function partitionKeyJson(pk: PartitionKey | undefined): PartitionKeyJson {
  return pk ? { topLevelSite: pk.topLevelSite ?? null, hasCrossSiteAncestor: pk.hasCrossSiteAncestor ?? null } : null;
}
