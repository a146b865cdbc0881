import type { JsonObject } from './jwt-types';
import { codePointLabel } from '../code-point';

/** Nesting kept in decoded data; deeper levels are replaced by a marker string. */
export const MAX_JSON_DEPTH = 64;
export const TOO_DEEP = '… (nested too deeply to show)';
/**
 * A walk through JSON the page controls (a storage value, a decoded token) looking for tokens or personal data:
 * how deep it goes and how many nodes it visits.
 */
export const MAX_WALK_DEPTH = 8;
export const MAX_WALK_NODES = 2000;

/**
 * A copy of `v` cut at `MAX_JSON_DEPTH`. JSON.parse accepts nesting that JSON.stringify and structuredClone
 * then overflow the stack on, and decoded data crosses the extension's message boundary.
 */
export function boundDepth(v: unknown, depth = 0): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (depth >= MAX_JSON_DEPTH) return TOO_DEEP;
  if (Array.isArray(v)) return v.map((x) => boundDepth(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) setOwn(out, k, boundDepth(x, depth + 1));
  return out;
}

/**
 * Sets a property as JSON.parse does: a key named `__proto__` from attacker-controlled JSON becomes an own
 * property instead of replacing the copy's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * How deep the brackets outside strings nest, or -1 when they do not pair up as they do in any valid JSON. One
 * cheap pass that turns away unbalanced text (thousands of `[` and no `]`) before JSON.parse builds thousands of
 * nested arrays only to throw.
 */
function bracketDepth(text: string): number {
  // The open brackets as a typed-array stack: a plain array of hundreds of thousands grows far more slowly.
  const open = new Uint8Array(text.length);
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      open[depth++] = c;
      if (depth > deepest) deepest = depth;
    }
    // `]` is `[` + 2 and `}` is `{` + 2.
    else if (c === 0x5d || c === 0x7d) {
      if (depth === 0 || open[--depth] !== c - 2) return -1;
    }
  }
  return depth === 0 && !inString ? deepest : -1;
}

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERALS = ['true', 'false', 'null'];

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Where the walk below found `text` not to be JSON, and why (`expected …`); set only when it fails. */
interface JsonStop {
  at: number;
  problem: string;
}

/** Records the failure in `stop` (when given) and returns -1. */
function fail(stop: JsonStop | undefined, at: number, problem: string): -1 {
  if (stop) {
    stop.at = at;
    stop.problem = problem;
  }
  return -1;
}

/** Index past the JSON string at `i`, or -1. */
function skipString(text: string, i: number, stop?: JsonStop): number {
  if (text.charCodeAt(i) !== 0x22) return fail(stop, i, 'expected a name in double quotes');
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20)
      return fail(stop, i, 'a control character inside a string must be escaped (a tab as \\t, a line break as \\n)');
    if (c !== 0x5c) continue;
    const e = text.charCodeAt(++i);
    if (e === 0x75) {
      for (let k = 1; k <= 4; k++)
        if (!isHex(text.charCodeAt(i + k))) return fail(stop, i + k, 'expected four hex digits after \\u');
      i += 4;
    } else if (!'"\\/bfnrt'.includes(text[i] ?? ''))
      return fail(stop, i, 'expected one of " \\ / b f n r t u after \\');
  }
  return fail(stop, text.length, 'expected the string\'s closing "');
}

/** Index past a number, `true`, `false` or `null` at `i`, or -1. */
function skipScalar(text: string, i: number, stop?: JsonStop): number {
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  const literal = LITERALS.find((l) => text.startsWith(l, i));
  return literal
    ? i + literal.length
    : fail(stop, i, 'expected a value (an object, array, string in double quotes, number, true, false or null)');
}

/** Index of the value after an object key (`"key" :`) at `i`, or -1. */
function skipKey(text: string, i: number, stop?: JsonStop): number {
  i = skipString(text, i, stop);
  if (i < 0) return -1;
  i = skipWhitespace(text, i);
  return text.charCodeAt(i) === 0x3a ? skipWhitespace(text, i + 1) : fail(stop, i, 'expected :');
}

/**
 * Index past the JSON value at `i` (leading whitespace allowed), or -1 when JSON.parse would reject it: the same
 * grammar, checked in one pass with an explicit stack, so nesting of any depth costs no more than its length.
 * `cuts` receives the start and end of every array or object nested `MAX_JSON_DEPTH` deep; `stop`, when given,
 * where the text stopped being JSON and what was expected there.
 */
function skipValue(text: string, i: number, cuts: number[], stop?: JsonStop): number {
  const closers = new Uint8Array(text.length);
  let depth = 0;
  const n = text.length;
  i = skipWhitespace(text, i);
  for (;;) {
    let c = text.charCodeAt(i);
    // Open brackets, one after another: the tight loop a run of them takes.
    while (c === 0x5b || c === 0x7b) {
      if (depth === MAX_JSON_DEPTH) cuts.push(i);
      i++;
      while (i < n && isWhitespace(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      if (next === c + 2) {
        // `[]` or `{}`: a whole value, so no scalar follows (c = -1).
        i++;
        if (depth === MAX_JSON_DEPTH) cuts.push(i);
        c = -1;
        break;
      }
      closers[depth++] = c + 2;
      if (c === 0x7b) {
        if ((i = skipKey(text, i, stop)) < 0) return -1;
        c = text.charCodeAt(i);
      } else c = next;
    }
    if (c !== -1) {
      i = c === 0x22 ? skipString(text, i, stop) : skipScalar(text, i, stop);
      if (i < 0) return -1;
    }
    // After a value: close what it ends, or go on to the next element or member.
    for (;;) {
      if (depth === 0) return i;
      i = skipWhitespace(text, i);
      const d = text.charCodeAt(i);
      const closer = closers[depth - 1];
      if (d === closer) {
        depth--;
        i++;
        if (depth === MAX_JSON_DEPTH) cuts.push(i);
      } else if (d === 0x2c) {
        i = skipWhitespace(text, i + 1);
        if (closer === 0x7d && (i = skipKey(text, i, stop)) < 0) return -1;
        break;
      } else return fail(stop, i, closer === 0x7d ? 'expected , or }' : 'expected , or ]');
    }
  }
}

/** At most this many characters of the line are quoted on either side of where the JSON breaks. */
const QUOTED_CHARS = 24;
/** A character that shows as itself: a letter, mark, digit, punctuation or symbol. */
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const SURROGATE_PAIRS = /[\ud800-\udbff][\udc00-\udfff]/g;
/** Marks the spot in the quoted line. */
const HERE = '\u25b8';

/** The character at `at` as a reader can see it: by its code point, after itself when it is a visible one. */
function foundAt(text: string, at: number): string {
  if (at >= text.length) return 'the input ends';
  const cp = text.codePointAt(at) ?? 0;
  const char = String.fromCodePoint(cp);
  if (cp > 0x20 && cp < 0x7f) return `found ${char}`;
  const code = codePointLabel(cp);
  return VISIBLE.test(char) ? `found ${char} (${code})` : `found ${code}`;
}

/** The last character before `at` that is not JSON whitespace, or ''. */
function previousChar(text: string, at: number): string {
  let k = at - 1;
  while (k >= 0 && isWhitespace(text.charCodeAt(k))) k--;
  return k >= 0 ? text.charAt(k) : '';
}

/**
 * Why `text` is not JSON, as a sentence a person can act on: the line and column (in characters, from 1) where it
 * stops being JSON, what was expected there, what was found (by its code point unless it is printable ASCII: a
 * curly quote or a zero-width space pasted from a web page looks like nothing), and that line's text around the
 * spot, marked with ▸ (shown as it is: the caller renders it as visible text). Null when `text` from `from` on is
 * JSON. One pass over the input.
 */
export function describeJsonError(text: string, from = 0): string | null {
  const stop: JsonStop = { at: 0, problem: '' };
  let end = skipValue(text, from, [], stop);
  if (end >= 0) {
    end = skipWhitespace(text, end);
    if (end === text.length) return null;
    fail(stop, end, 'expected the end of the input');
  }
  const { at } = stop;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < lineStart; k = text.indexOf('\n', k + 1)) line++;
  // In characters: a surrogate pair counts as one.
  const column = at - lineStart + 1 - (text.slice(lineStart, at).match(SURROGATE_PAIRS)?.length ?? 0);
  const lineEnd = text.indexOf('\n', at);
  const before = text.slice(Math.max(lineStart, at - QUOTED_CHARS), at).trimStart();
  const after = text.slice(at, Math.min(lineEnd < 0 ? text.length : lineEnd, at + QUOTED_CHARS)).trimEnd();
  const closer = text.charAt(at);
  const trailingComma =
    (closer === '}' || closer === ']') && previousChar(text, at) === ','
      ? `: JSON allows no comma before ${closer}`
      : '';
  return `line ${line}, column ${column}: ${stop.problem}, ${foundAt(text, at)}${trailingComma} (${before}${HERE}${after})`;
}

/**
 * `text` with every array or object nested `MAX_JSON_DEPTH` deep replaced by the TOO_DEEP marker, which is what
 * boundDepth would make of it, or undefined when `text` is not JSON. JSON.parse takes far longer per level of
 * nesting than per character (a 3 KB value of 1,500 nested arrays costs it 20× a 3 KB object), so what would be
 * cut is checked by skipValue and never parsed.
 */
function cutDeep(text: string): string | undefined {
  const cuts: number[] = [];
  const end = skipValue(text, 0, cuts);
  if (end < 0 || skipWhitespace(text, end) !== text.length) return undefined;
  const marker = JSON.stringify(TOO_DEEP);
  let out = text.slice(0, cuts[0]);
  for (let k = 0; k < cuts.length; k += 2) out += marker + text.slice(cuts[k + 1], cuts[k + 2]);
  return out;
}

/**
 * JSON.parse that returns `undefined` instead of throwing, with nesting bounded. What it parses is never nested
 * deeper than boundDepth keeps (cutDeep has cut it already), and JSON.parse makes a `__proto__` key an own
 * property as setOwn does, so the result is what boundDepth would copy it to: it is returned as it is.
 */
export function parseJson(text: string): unknown {
  const depth = bracketDepth(text);
  if (depth < 0) return undefined;
  const bounded = depth > MAX_JSON_DEPTH ? cutDeep(text) : text;
  return bounded === undefined ? undefined : parseJsonUnbounded(bounded);
}

/**
 * Plain JSON.parse that returns `undefined` instead of throwing: for text whose nesting is bounded already, by
 * parseJson's cut, by a walk that bounds depth itself, or because the extension wrote it.
 */
export function parseJsonUnbounded(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A JSON object: not null, not an array. */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `v` is an object whose each named field has the `typeof` given (other fields are not looked at). */
export function hasFieldTypes(
  v: unknown,
  types: Readonly<Record<string, 'string' | 'number' | 'boolean'>>,
): v is JsonObject {
  if (!isJsonObject(v)) return false;
  return Object.keys(types).every((field) => typeof v[field] === types[field]);
}

/** Text that parses as a JSON object or array (a bare number or string is not worth a layer). */
export function parseJsonStructure(text: string): JsonObject | unknown[] | undefined {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  const v = parseJson(text);
  return typeof v === 'object' && v !== null ? (v as JsonObject | unknown[]) : undefined;
}

/** Text for a layer's `output`, cut so one huge value cannot flood the UI. */
export function layerText(text: string, max = 4096): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/**
 * JSON text of `v`, indented by `indent` spaces when given. Never throws: what JSON cannot write (a BigInt, a
 * cycle, `undefined`) comes back as String(v).
 */
export function jsonText(v: unknown, indent?: number): string {
  try {
    return JSON.stringify(v, null, indent) ?? String(v);
  } catch {
    return String(v);
  }
}

/** A layer's output: `v` as one line of JSON, cut like any layer text. */
export function layerJson(v: unknown): string {
  return layerText(jsonText(v));
}

/** How a decoded value or claim reads on screen: a string as itself, anything else as indented JSON. */
export function shownText(v: unknown): string {
  return typeof v === 'string' ? v : jsonText(v, 2);
}
