import { SEVERITY_ORDER, type Severity } from '../audit/finding';
import type {
  CompareOp,
  FilterError,
  FilterTerm,
  FlagName,
  HasWhat,
  ParsedFilter,
  SameSiteValue,
  TextField,
} from './filter-query';

/** Text beyond this is ignored (with an error): a filter box, not a document. */
export const MAX_FILTER_CHARS = 1000;
/** Terms beyond this are ignored (with an error). */
export const MAX_FILTER_TERMS = 32;

const TEXT_FIELDS: ReadonlySet<string> = new Set<TextField>(['name', 'domain', 'value', 'path']);
const FLAGS: ReadonlySet<string> = new Set<FlagName>(['httponly', 'secure', 'hostonly', 'persistent']);
const SAMESITE: Readonly<Record<string, SameSiteValue>> = {
  none: 'none',
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
  unspecified: 'unspecified',
};
const HAS: Readonly<Record<string, HasWhat>> = {
  finding: 'finding',
  findings: 'finding',
  jwt: 'jwt',
  expiry: 'expiry',
};
const YES_NO: Readonly<Record<string, boolean>> = { yes: true, true: true, no: false, false: false };
const DURATION_UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
export const FILTER_KEYS = [
  'name',
  'domain',
  'value',
  'path',
  'flag',
  'samesite',
  'partitioned',
  'session',
  'has',
  'severity',
  'rule',
  'expires',
] as const;
const KEYS: ReadonlySet<string> = new Set(FILTER_KEYS);
const ORDERED_KEYS: ReadonlySet<string> = new Set(['severity', 'expires']);

type TermBody = FilterTerm extends infer T ? (T extends unknown ? Omit<T, 'negate' | 'start' | 'end'> : never) : never;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** The value at `at`: a quoted string (with `\"` and `\\` escapes) or a run of non-space characters. */
function readValue(text: string, at: number): { value: string; end: number; unterminated: boolean } {
  let i = at;
  let value = '';
  let unterminated = false;
  while (i < text.length && !isSpace(text[i])) {
    if (text[i] !== '"') {
      const from = i;
      while (i < text.length && !isSpace(text[i]) && text[i] !== '"') i++;
      value += text.slice(from, i);
      continue;
    }
    i++; // opening quote
    let closed = false;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
        value += text[i + 1];
        i += 2;
      } else if (ch === '"') {
        i++;
        closed = true;
        break;
      } else {
        value += ch;
        i++;
      }
    }
    if (!closed) unterminated = true;
  }
  return { value, end: i, unterminated };
}

function readOp(text: string, at: number): { op: CompareOp | ':'; end: number } | null {
  const two = text.slice(at, at + 2);
  if (two === '<=' || two === '>=') return { op: two, end: at + 2 };
  const one = text[at];
  if (one === ':' || one === '<' || one === '>' || one === '=') return { op: one, end: at + 1 };
  return null;
}

function oneOf(what: string, options: readonly string[]): string {
  return `${what} must be one of: ${options.join(', ')}`;
}

/** Parses `1d`, `12h`, `1.5w`: a positive number and one unit (s, m, h, d, w). */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,9}(?:\.\d{1,6})?)([smhdw])$/i.exec(text);
  if (!m) return null;
  return Number(m[1]) * DURATION_UNIT_MS[m[2]!.toLowerCase()]!;
}

function keyedTerm(key: string, op: CompareOp | ':', raw: string): TermBody | string {
  const v = raw.toLowerCase();
  if (ORDERED_KEYS.has(key)) {
    if (key === 'severity') {
      if (!(SEVERITY_ORDER as readonly string[]).includes(v)) return oneOf('severity', SEVERITY_ORDER);
      return { kind: 'severity', op: op === ':' ? '=' : op, severity: v as Severity };
    }
    if (op === ':' || op === '=') return 'expires compares a remaining lifetime: write expires<1d or expires>2w';
    const ms = parseDuration(raw);
    if (ms === null) return 'expires needs a duration: a number and a unit s, m, h, d or w (e.g. 12h)';
    return { kind: 'expires', op, ms };
  }
  if (op !== ':') return `${key} takes ${key}:… (only severity and expires compare with < and >)`;
  if (TEXT_FIELDS.has(key)) return { kind: 'text', field: key as TextField, needle: raw };
  switch (key) {
    case 'flag':
      return FLAGS.has(v) ? { kind: 'flag', flag: v as FlagName } : oneOf('flag', [...FLAGS]);
    case 'samesite':
      return v in SAMESITE ? { kind: 'samesite', value: SAMESITE[v]! } : oneOf('samesite', Object.keys(SAMESITE));
    case 'partitioned':
    case 'session':
      return v in YES_NO ? { kind: key, yes: YES_NO[v]! } : `${key} must be yes or no`;
    case 'has':
      return v in HAS ? { kind: 'has', what: HAS[v]! } : oneOf('has', ['finding', 'jwt', 'expiry']);
    default:
      return /^[a-z0-9-]{1,64}$/.test(v) ? { kind: 'rule', id: v } : 'rule needs a rule id, e.g. rule:samesite-none';
  }
}

/**
 * Parses the panel's filter language (see FILTER_HELP): space-separated terms, all of which must match.
 * One pass over the text, at most MAX_FILTER_CHARS characters and MAX_FILTER_TERMS terms; never throws.
 */
export function parseFilter(input: string): ParsedFilter {
  const errors: FilterError[] = [];
  const terms: FilterTerm[] = [];
  const text = input.length > MAX_FILTER_CHARS ? input.slice(0, MAX_FILTER_CHARS) : input;
  if (text.length < input.length) {
    errors.push({
      start: MAX_FILTER_CHARS,
      end: input.length,
      message: `the filter is cut at ${MAX_FILTER_CHARS} characters`,
    });
  }
  let i = 0;
  let count = 0;
  while (i < text.length) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    const start = i;
    if (++count > MAX_FILTER_TERMS) {
      errors.push({ start, end: text.length, message: `only the first ${MAX_FILTER_TERMS} terms are used` });
      break;
    }
    const negate = text[i] === '-' && i + 1 < text.length && !isSpace(text[i + 1]);
    if (negate) i++;
    const keyMatch = /^[A-Za-z]+/.exec(text.slice(i, i + 16));
    const afterKey = i + (keyMatch?.[0].length ?? 0);
    const op = keyMatch ? readOp(text, afterKey) : null;
    if (keyMatch && op) {
      const key = keyMatch[0].toLowerCase();
      const val = readValue(text, op.end);
      i = val.end;
      if (!KEYS.has(key)) {
        errors.push({
          start,
          end: i,
          message: `unknown field "${keyMatch[0]}"; to search for this text, put it in quotes`,
        });
        continue;
      }
      if (val.unterminated) {
        errors.push({ start, end: i, message: 'missing closing quote' });
        continue;
      }
      if (val.value === '') {
        errors.push({ start, end: i, message: `${key} needs a value` });
        continue;
      }
      const body = keyedTerm(key, op.op, val.value);
      if (typeof body === 'string') errors.push({ start, end: i, message: body });
      else terms.push({ ...body, negate, start, end: i } as FilterTerm);
      continue;
    }
    const val = readValue(text, i);
    i = val.end;
    if (val.unterminated) errors.push({ start, end: i, message: 'missing closing quote' });
    else if (val.value !== '') terms.push({ kind: 'text', field: 'any', needle: val.value, negate, start, end: i });
  }
  return { query: { terms }, errors };
}
