import { SEVERITY_ORDER, type Finding } from './finding';

const RANK = new Map(SEVERITY_ORDER.map((s, i) => [s, i]));

function rank(f: Finding): number {
  return RANK.get(f.severity) ?? SEVERITY_ORDER.length;
}

/** Findings ordered critical → info; equal severities keep the audit's order. */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/** The rank of a cookie's worst finding (lower is worse); Infinity when it has none. */
export function worstRank(findings: readonly Finding[]): number {
  let best = Infinity;
  for (const f of findings) best = Math.min(best, rank(f));
  return best;
}
