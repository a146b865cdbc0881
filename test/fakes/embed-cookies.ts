import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { makeCookie } from './make-cookie';

/** A cookie of `emb.localhost` partitioned (CHIPS) under the top-level site `topLevelSite`. */
export function embedChip(topLevelSite: string, over: Partial<CookieRecord> = {}): CookieRecord {
  return makeCookie({
    name: 'chip',
    domain: 'emb.localhost',
    secure: true,
    sameSite: 'no_restriction',
    partitionKey: { topLevelSite, hasCrossSiteAncestor: true },
    ...over,
  });
}
