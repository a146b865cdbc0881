import type { FoundToken } from '../audit/audit-input';
import { MAX_WALK_DEPTH, MAX_WALK_NODES, parseJsonUnbounded } from '../decode/json';
import { classifyToken } from './classify-token';
import { isTokenLikeName } from './token-like-name';

/** One localStorage or sessionStorage entry as the page holds it. */
export interface StorageEntry {
  key: string;
  value: string;
  area: 'localStorage' | 'sessionStorage';
  origin: string;
}

/** Values beyond this are not parsed as JSON (web storage holds up to 5 MB per origin). */
export const MAX_STORAGE_JSON_CHARS = 1024 * 1024;
/** Tokens reported per entry and in all. */
export const MAX_TOKENS_PER_ENTRY = 16;
export const MAX_STORAGE_TOKENS = 256;

/** Storage layouts of common auth libraries, recognised by key, so the UI can say whose tokens they are. */
const LAYOUTS: ReadonlyArray<{ test: RegExp; label: string }> = [
  { test: /^firebase:authUser:/, label: 'Firebase Auth user' },
  { test: /^@@auth0spajs@@/, label: 'Auth0 SPA SDK cache' },
  { test: /^okta-token-storage$/, label: 'Okta token storage' },
  { test: /^CognitoIdentityServiceProvider\./, label: 'Amazon Cognito (Amplify)' },
  { test: /^sb-[a-z0-9]+-auth-token$/, label: 'Supabase Auth session' },
  { test: /-(?:accesstoken|idtoken|refreshtoken)-/i, label: 'MSAL token cache' },
  { test: /^ember_simple_auth-session$/, label: 'Ember Simple Auth session' },
  { test: /^auth\._token\./, label: 'Nuxt Auth' },
];

function layoutOf(key: string): string | undefined {
  return LAYOUTS.find((l) => l.test.test(key))?.label;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Strings under their nearest key, breadth-first, within the depth and node bounds. */
function* nestedStrings(data: unknown): Generator<{ path: string; key: string; value: string }> {
  const queue: Array<{ v: unknown; path: string; key: string; depth: number }> = [
    { v: data, path: '$', key: '', depth: 0 },
  ];
  for (let at = 0; at < queue.length && at < MAX_WALK_NODES; at++) {
    const { v, path, key, depth } = queue[at]!;
    if (typeof v === 'string') {
      yield { path, key, value: v };
      continue;
    }
    if (typeof v !== 'object' || v === null || depth >= MAX_WALK_DEPTH) continue;
    // Array items inherit their parent's key: `tokens: ["…"]` is as token-like as `token: "…"`.
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && queue.length < MAX_WALK_NODES; i++) {
        queue.push({ v: v[i], path: childPath(path, i), key, depth: depth + 1 });
      }
      continue;
    }
    for (const k in v) {
      if (queue.length >= MAX_WALK_NODES) break;
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      queue.push({ v: (v as Record<string, unknown>)[k], path: childPath(path, k), key: k, depth: depth + 1 });
    }
  }
}

/**
 * The value as JSON when it is an object or array. Plain JSON.parse: the walk below bounds depth and nodes
 * itself and keeps nothing, so the bounded copy the decoders make (costly on a 1 MB value) is not needed.
 */
function parseStructure(text: string): unknown {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[') ? parseJsonUnbounded(t) : undefined;
}

function tokensOf(e: StorageEntry): FoundToken[] {
  const label = layoutOf(e.key);
  const base = { location: e.area, storageKey: e.key, origin: e.origin, ...(label ? { label } : {}) };
  const direct = classifyToken(e.value, isTokenLikeName(e.key) || label !== undefined);
  if (direct) return [{ ...base, name: e.key, ...direct }];
  if (e.value.length > MAX_STORAGE_JSON_CHARS) return [];
  const data = parseStructure(e.value);
  if (data === undefined) return [];
  const out: FoundToken[] = [];
  for (const s of nestedStrings(data)) {
    const found = classifyToken(s.value, isTokenLikeName(s.key));
    if (!found) continue;
    out.push({ ...base, name: `${e.key} ${s.path}`, path: s.path, ...found });
    if (out.length >= MAX_TOKENS_PER_ENTRY) break;
  }
  return out;
}

/**
 * Tokens held in web storage: JWTs and JWEs anywhere (also inside JSON values), opaque high-entropy ids under
 * token-like keys. Each goes through the token rules like a cookie's JWT; all are readable by page scripts.
 * Bounded: MAX_STORAGE_TOKENS in all; never throws.
 */
export function findStorageTokens(entries: readonly StorageEntry[]): FoundToken[] {
  const out: FoundToken[] = [];
  for (const e of entries) {
    if (typeof e.key !== 'string' || typeof e.value !== 'string') continue;
    for (const t of tokensOf(e)) {
      if (out.length >= MAX_STORAGE_TOKENS) return out;
      out.push(t);
    }
  }
  return out;
}
