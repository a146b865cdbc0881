import type { RuleInfo } from '../rule';
import { ruleInfo } from '../rule-info';

/*
 * Rules on how a session behaves across a login or a logout. They need two snapshots of the session (or a
 * replayed request), so they are checked by core/session, not on one stored cookie.
 */

export const sessionNotRotated: RuleInfo = ruleInfo('session-not-rotated');

export const sessionNotCleared: RuleInfo = ruleInfo('session-not-cleared');

export const sessionNotInvalidated: RuleInfo = ruleInfo('session-not-invalidated');
