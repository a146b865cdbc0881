import type { Finding } from '../core/audit/finding';
import { seriousCount, worstSeverity } from '../core/audit/summary';

export interface BadgeState {
  /** Empty when the site has no critical or high finding: a clean site shows no badge. */
  text: string;
  /** The worst severity's colour; absent with empty text. */
  color?: string;
}

export const BADGE_COLORS = { critical: '#8B0000', high: '#D9480F' } as const;

/** The toolbar badge for a site: how many critical and high findings, in the colour of the worst one. */
export function badgeFor(findings: readonly Pick<Finding, 'severity'>[]): BadgeState {
  const count = seriousCount(findings);
  if (count === 0) return { text: '' };
  const color = worstSeverity(findings) === 'critical' ? BADGE_COLORS.critical : BADGE_COLORS.high;
  // The badge shows about four characters; more would be cut by the browser anyway.
  return { text: count > 99 ? '99+' : String(count), color };
}
