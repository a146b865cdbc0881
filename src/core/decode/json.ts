import type { JsonObject } from './jwt-types';

/** JSON.parse that returns `undefined` instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

export function jsonText(v: unknown): string {
  try {
    return layerText(JSON.stringify(v) ?? String(v));
  } catch {
    return '';
  }
}
