import type { CookieView } from '../analyze-site';
import { compareText } from '../compare-text';
import { bareDomain } from './match';
import { severityRank } from '../audit/sort-findings';
import { worstSeverity } from '../audit/summary';

export type SortColumn = 'name' | 'value' | 'domain' | 'partition' | 'path' | 'expiry' | 'size' | 'flags' | 'findings';
export type SortDir = 'asc' | 'desc';

export interface SortState {
  /** `null`: the analysis order (session-identifying cookies first). */
  column: SortColumn | null;
  dir: SortDir;
}

/** How many protections a cookie has; fewer sorts first ascending, so the weakest cookies come up. */
function flagScore(c: CookieView): number {
  const k = c.cookie;
  const ss = k.sameSite === 'strict' ? 2 : k.sameSite === 'lax' ? 1 : 0;
  return Number(k.httpOnly) * 8 + Number(k.secure) * 4 + ss + Number(k.hostOnly) * 0.5;
}

/** The rank of a cookie's worst finding (lower is worse); Infinity when it has none. */
function worstRank(c: CookieView): number {
  const worst = worstSeverity(c.findings);
  return worst === null ? Infinity : severityRank(worst);
}

/** Session cookies never expire by date: they sort after every dated cookie ascending. */
function expiryValue(c: CookieView): number {
  return c.cookie.browserSession || c.cookie.expirationDate === undefined ? Infinity : c.cookie.expirationDate;
}

function partitionText(c: CookieView): string {
  const pk = c.cookie.partitionKey;
  return pk === undefined ? '' : ` ${pk.topLevelSite ?? ''}`;
}

/** Ascending order of two numbers that may be Infinity (where subtracting gives NaN). */
function compareNumbers(x: number, y: number): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

function compareBy(column: SortColumn): (a: CookieView, b: CookieView) => number {
  switch (column) {
    case 'name':
      return (a, b) => compareText(a.cookie.name, b.cookie.name);
    case 'value':
      return (a, b) => compareText(a.cookie.value, b.cookie.value);
    case 'domain':
      return (a, b) => compareText(bareDomain(a.cookie.domain), bareDomain(b.cookie.domain));
    case 'partition':
      // Unpartitioned cookies (no key) first ascending, then by the partition's top-level site.
      return (a, b) => compareText(partitionText(a), partitionText(b));
    case 'path':
      return (a, b) => compareText(a.cookie.path, b.cookie.path);
    case 'expiry':
      return (a, b) => compareNumbers(expiryValue(a), expiryValue(b));
    case 'size':
      return (a, b) => a.size - b.size;
    case 'flags':
      return (a, b) => flagScore(a) - flagScore(b);
    case 'findings':
      // Ascending puts the most and the worst findings first: that is what a tester sorts this column for.
      return (a, b) => compareNumbers(worstRank(a), worstRank(b)) || b.findings.length - a.findings.length;
  }
}

/** A new array in the requested order; ties keep the analysis order so the result is stable. */
export function sortCookies(list: readonly CookieView[], sort: SortState): CookieView[] {
  if (sort.column === null) return list.slice();
  const cmp = compareBy(sort.column);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return list
    .map((c, i) => ({ c, i }))
    .sort((a, b) => sign * cmp(a.c, b.c) || a.i - b.i)
    .map((x) => x.c);
}

/** Clicking a header: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column !== column) return { column, dir: 'asc' };
  return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}
