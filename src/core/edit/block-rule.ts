import type { CookieRecord } from '../cookie/cookie-record';
import { bareDomain } from '../cookie/match';

/**
 * A block rule: a cookie whose name matches `name` and whose domain matches `domain` is removed as soon as it
 * is set. Patterns are globs where `*` stands for any run of characters (none included); an empty pattern
 * matches everything. Names compare case-sensitively (as browsers do), domains without case and without the
 * leading dot the store keeps, so `*.example.com` is every subdomain and `example.com` only that host's
 * Domain or host-only cookies.
 */
export interface BlockRule {
  name: string;
  domain: string;
}

/** Patterns are typed by the user; the bound keeps a rule's match cost small whatever the cookie. */
export const MAX_PATTERN_LENGTH = 256;
export const MAX_BLOCK_RULES = 200;

/**
 * Glob match with `*` only, by the greedy two-pointer method: it backtracks only to the last `*`, so the cost
 * is at most pattern length × text length (cookie names are at most 4 KB, patterns 256 characters).
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The same rule: the same two patterns, as typed. */
export function sameBlockRule(a: BlockRule, b: BlockRule): boolean {
  return a.name === b.name && a.domain === b.domain;
}

/** A rule in words, `*` for an empty pattern: "name _ga* on domain *.example.com". */
export function blockRuleWords(rule: BlockRule): string {
  return `name ${rule.name || '*'} on domain ${rule.domain || '*'}`;
}

/** The undo stack's label for adding rules (its undo takes them away and puts back what they deleted). */
export function addedRulesLabel(rules: readonly BlockRule[]): string {
  return rules.length === 1 ? `adding block rule ${blockRuleWords(rules[0]!)}` : `adding ${rules.length} block rules`;
}

/** Why a rule cannot be kept, or null when it can. */
export function blockRuleProblem(rule: BlockRule): 'empty' | 'too-long' | null {
  if (rule.name.length > MAX_PATTERN_LENGTH || rule.domain.length > MAX_PATTERN_LENGTH) return 'too-long';
  // A rule that matches every cookie would wipe every session in the browser: almost surely a mistake.
  if (rule.name.replace(/\*/g, '') === '' && rule.domain.replace(/\*/g, '') === '') return 'empty';
  return null;
}

export function matchesBlockRule(rule: BlockRule, cookie: Pick<CookieRecord, 'name' | 'domain'>): boolean {
  if (blockRuleProblem(rule) !== null) return false;
  const domain = rule.domain.replace(/^\./, '').toLowerCase();
  return (
    (rule.name === '' || globMatches(rule.name, cookie.name)) &&
    (domain === '' || globMatches(domain, bareDomain(cookie.domain)))
  );
}

/** Rules as read from storage or a message: only well-formed ones, at most MAX_BLOCK_RULES. */
export function parseBlockRules(value: unknown): BlockRule[] {
  if (!Array.isArray(value)) return [];
  const out: BlockRule[] = [];
  for (const v of value) {
    if (typeof v !== 'object' || v === null) continue;
    const r = v as Record<string, unknown>;
    if (typeof r.name !== 'string' || typeof r.domain !== 'string') continue;
    const rule = { name: r.name, domain: r.domain };
    if (blockRuleProblem(rule) === null) out.push(rule);
    if (out.length >= MAX_BLOCK_RULES) break;
  }
  return out;
}
