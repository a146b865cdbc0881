import type { CookieRecord } from './cookie-record';

/**
 * A cookie's identity: name + domain + path + storeId + partitionKey. Two cookies with the same name on two
 * paths, in two stores or in two partitions are two cookies. The key is a stable string for maps and DOM keys.
 */
export function cookieKey(c: Pick<CookieRecord, 'name' | 'domain' | 'path' | 'storeId' | 'partitionKey'>): string {
  const pk = c.partitionKey
    ? `${c.partitionKey.topLevelSite ?? ''}|${c.partitionKey.hasCrossSiteAncestor === true ? 1 : 0}`
    : '';
  return JSON.stringify([c.name, c.domain.toLowerCase(), c.path, c.storeId, pk]);
}

/** The cookies of several lists, each identity once (the first list that holds it gives it). */
export function onceEach<T extends Parameters<typeof cookieKey>[0]>(lists: readonly (readonly T[])[]): T[] {
  const kept = new Map<string, T>();
  for (const list of lists) {
    for (const c of list) {
      const key = cookieKey(c);
      if (!kept.has(key)) kept.set(key, c);
    }
  }
  return [...kept.values()];
}
