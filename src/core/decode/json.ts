import type { JsonObject } from './jwt-types';

/** Nesting kept in decoded data; deeper levels are replaced by a marker string. */
export const MAX_JSON_DEPTH = 64;
export const TOO_DEEP = '… (nested too deeply to show)';

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
 * Whether the brackets outside strings pair up, as they do in any valid JSON. One cheap pass that turns away
 * unbalanced text (thousands of `[` and no `]`) before JSON.parse builds thousands of nested arrays only to throw.
 */
function bracketsPair(text: string): boolean {
  // The open brackets as a typed-array stack: a plain array of hundreds of thousands grows far more slowly.
  const open = new Uint8Array(text.length);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) open[depth++] = c;
    // `]` is `[` + 2 and `}` is `{` + 2.
    else if (c === 0x5d || c === 0x7d) {
      if (depth === 0 || open[--depth] !== c - 2) return false;
    }
  }
  return depth === 0 && !inString;
}

/** JSON.parse that returns `undefined` instead of throwing, with nesting bounded. */
export function parseJson(text: string): unknown {
  if (!bracketsPair(text)) return undefined;
  try {
    return boundDepth(JSON.parse(text) as unknown);
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
