import type { Severity } from '../audit/finding';

/** The cookie fields a text term can search. `any` is free text: name, domain or value. */
export type TextField = 'name' | 'domain' | 'value' | 'path' | 'any';

/** Attributes `flag:` can test. `persistent`: the cookie has an expiry (it outlives the browser session). */
export type FlagName = 'httponly' | 'secure' | 'hostonly' | 'persistent';

export type SameSiteValue = 'none' | 'lax' | 'strict' | 'unspecified';

/** What `has:` can test. */
export type HasWhat = 'finding' | 'jwt' | 'expiry';

export type CompareOp = '<' | '<=' | '>' | '>=' | '=';

/** One term of the filter; every term can be negated with a leading `-`. */
export type FilterTerm = { negate: boolean; start: number; end: number } & (
  | { kind: 'text'; field: TextField; needle: string }
  | { kind: 'flag'; flag: FlagName }
  | { kind: 'samesite'; value: SameSiteValue }
  | { kind: 'partitioned'; yes: boolean }
  | { kind: 'session'; yes: boolean }
  | { kind: 'has'; what: HasWhat }
  | { kind: 'severity'; op: CompareOp; severity: Severity }
  | { kind: 'rule'; id: string }
  /** Remaining lifetime compared with `ms`; a cookie without expiry matches no `expires` term. */
  | { kind: 'expires'; op: CompareOp; ms: number }
);

/** All terms must match (AND). An empty query matches every cookie. */
export interface FilterQuery {
  terms: FilterTerm[];
}

/** A problem in the filter text, with its position (UTF-16 offsets, end exclusive) for inline display. */
export interface FilterError {
  start: number;
  end: number;
  message: string;
}

/**
 * The parse result. Terms with errors are left out of `query`, so the panel can keep filtering with the valid
 * terms while it underlines the wrong ones.
 */
export interface ParsedFilter {
  query: FilterQuery;
  errors: FilterError[];
}
