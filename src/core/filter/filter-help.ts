/** One line of the filter help: an example of the syntax and what it matches. */
export interface FilterHelpEntry {
  syntax: string;
  meaning: string;
}

/** The filter language, for the panel's `?` help. Every example here parses without errors (a test checks). */
export const FILTER_HELP: readonly FilterHelpEntry[] = [
  { syntax: 'sid', meaning: 'free text: name, domain or value contains "sid" (any case)' },
  { syntax: 'name:sid', meaning: 'the name contains "sid"; also domain:, value:, path:' },
  { syntax: 'name:"a b"', meaning: 'quotes keep spaces and colons in a value; \\" is a quote inside quotes' },
  { syntax: 'flag:httponly', meaning: 'has the attribute; also flag:secure, flag:hostonly, flag:persistent' },
  { syntax: '-flag:secure', meaning: 'a leading - negates any term' },
  { syntax: 'samesite:none', meaning: 'SameSite is None; also lax, strict, unspecified' },
  { syntax: 'partitioned:yes', meaning: 'a partitioned (CHIPS) cookie; partitioned:no for the others' },
  { syntax: 'session:yes', meaning: 'the cookie identifies a login session' },
  { syntax: 'has:finding', meaning: 'has at least one finding; also has:jwt, has:expiry' },
  { syntax: 'severity>=high', meaning: 'has a finding at least this severe; also >, <, <=, severity:low' },
  { syntax: 'rule:samesite-none', meaning: 'has a finding of this rule' },
  { syntax: 'expires<1d', meaning: 'expires within a day (units s, m, h, d, w); expires>30d for longer lives' },
  { syntax: 'session:yes -flag:httponly', meaning: 'terms separated by spaces must all match' },
];

/** The help as plain text, one entry a line. */
export function filterHelpText(): string {
  const width = Math.max(...FILTER_HELP.map((e) => e.syntax.length));
  return FILTER_HELP.map((e) => `${e.syntax.padEnd(width)}  ${e.meaning}`).join('\n');
}
