import type { JsonObject } from './jwt-types';

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

/** Index past the JSON string at `i`, or -1. */
function skipString(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x22) return -1;
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c !== 0x5c) continue;
    const e = text.charCodeAt(++i);
    if (e === 0x75) {
      for (let k = 1; k <= 4; k++) if (!isHex(text.charCodeAt(i + k))) return -1;
      i += 4;
    } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) return -1;
  }
  return -1;
}

/** Index past a number, `true`, `false` or `null` at `i`, or -1. */
function skipScalar(text: string, i: number): number {
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  const literal = LITERALS.find((l) => text.startsWith(l, i));
  return literal ? i + literal.length : -1;
}

/** Index of the value after an object key (`"key" :`) at `i`, or -1. */
function skipKey(text: string, i: number): number {
  i = skipString(text, i);
  if (i < 0) return -1;
  i = skipWhitespace(text, i);
  return text.charCodeAt(i) === 0x3a ? skipWhitespace(text, i + 1) : -1;
}

/**
 * Index past the JSON value at `i` (leading whitespace allowed), or -1 when JSON.parse would reject it: the same
 * grammar, checked in one pass with an explicit stack, so nesting of any depth costs no more than its length.
 * `cuts` receives the start and end of every array or object nested `MAX_JSON_DEPTH` deep.
 */
function skipValue(text: string, i: number, cuts: number[]): number {
  const closers: number[] = [];
  i = skipWhitespace(text, i);
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (closers.length === MAX_JSON_DEPTH) cuts.push(i);
      i = skipWhitespace(text, i + 1);
      if (text.charCodeAt(i) === c + 2) {
        i++;
        if (closers.length === MAX_JSON_DEPTH) cuts.push(i);
      } else {
        closers.push(c + 2);
        if (c === 0x7b && (i = skipKey(text, i)) < 0) return -1;
        continue;
      }
    } else {
      i = c === 0x22 ? skipString(text, i) : skipScalar(text, i);
      if (i < 0) return -1;
    }
    // After a value: close what it ends, or go on to the next element or member.
    for (;;) {
      if (closers.length === 0) return i;
      i = skipWhitespace(text, i);
      const d = text.charCodeAt(i);
      if (d === closers[closers.length - 1]) {
        closers.pop();
        i++;
        if (closers.length === MAX_JSON_DEPTH) cuts.push(i);
      } else if (d === 0x2c) {
        i = skipWhitespace(text, i + 1);
        if (closers[closers.length - 1] === 0x7d && (i = skipKey(text, i)) < 0) return -1;
        break;
      } else return -1;
    }
  }
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
