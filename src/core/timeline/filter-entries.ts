import type { ChangeLogEntry } from './change-log-entry';
import { inSiteOf } from '../cookie/site';

export interface LogQuery {
  /** A host: the entries whose cookie is in its site (inSiteOf). */
  site?: string;
  /** Only entries with a greater seq (for pages that poll for what is new). */
  afterSeq?: number;
}

/** With `site`, the entries whose cookie is in that host's site (inSiteOf); with `afterSeq`, only newer ones. */
export function filterEntries(entries: readonly ChangeLogEntry[], query: LogQuery): ChangeLogEntry[] {
  const { site, afterSeq } = query;
  const host = site
    ?.toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const inSite = host ? inSiteOf(host) : undefined;
  return entries.filter((e) => {
    if (afterSeq !== undefined && !(e.seq > afterSeq)) return false;
    return inSite === undefined || inSite(e.cookie);
  });
}
