import type { CookieRecord } from '../cookie/cookie-record';
import { describeJsonError, isJsonObject, parseJson } from '../decode/json';
import type { JsonObject } from '../decode/jwt-types';
import { EntryReader } from './entry-fields';

/** The `where` of a problem of the whole input rather than of one entry or line. */
export const WHOLE_INPUT = 'input';

export type ImportFormat = 'sessionscope-json' | 'cookie-editor-json' | 'netscape' | 'storage-state' | 'cookie-header';

/** One line or entry that was not imported, and why, in words a user can act on. */
export interface ImportProblem {
  /** `line 3`, `entry 2`, `cookies[4]`, or `input` for the whole text. */
  where: string;
  reason: string;
}

export interface WebStorageItem {
  name: string;
  value: string;
}

/** An origin's localStorage, as Playwright's storageState carries it. */
export interface OriginStorage {
  origin: string;
  localStorage: WebStorageItem[];
}

export interface ParsedImport {
  /** `null` when the format could not be told from the content. */
  format: ImportFormat | null;
  cookies: CookieRecord[];
  /** Web storage from formats that carry it (storageState); empty otherwise. */
  origins: OriginStorage[];
  problems: ImportProblem[];
}

/**
 * Bounds on what one import may hold: an import is pasted or chosen by the user, but its content usually comes
 * from elsewhere. Browsers keep at most a few thousand cookies in all (Chromium: 3,000), so more is not a jar.
 */
export const IMPORT_LIMITS = {
  maxChars: 16 * 1024 * 1024,
  maxCookies: 5_000,
  maxOrigins: 1_000,
  maxStorageItems: 10_000,
  /** Problems listed one by one; beyond this, one line counts the rest. */
  maxProblems: 200,
} as const;

export interface ImportCollector {
  /** False once the cookie cap is reached: the caller stops reading. */
  addCookie(c: CookieRecord): boolean;
  addOrigin(o: OriginStorage): boolean;
  /**
   * Each entry of a JSON array read to a cookie and added, until the cap; one that is not a JSON object, or that
   * `read` refuses, is a problem at `where(i)`.
   */
  addEntries(
    entries: readonly unknown[],
    read: (r: EntryReader, entry: JsonObject) => CookieRecord | string,
    where: (i: number) => string,
  ): void;
  problem(where: string, reason: string): void;
  finish(format: ImportFormat): ParsedImport;
}

export function createCollector(): ImportCollector {
  const cookies: CookieRecord[] = [];
  const origins: OriginStorage[] = [];
  const problems: ImportProblem[] = [];
  let unlisted = 0;
  let cookieCapHit = false;
  const problem = (where: string, reason: string): void => {
    if (problems.length < IMPORT_LIMITS.maxProblems) problems.push({ where, reason });
    else unlisted += 1;
  };
  const addCookie = (c: CookieRecord): boolean => {
    if (cookies.length >= IMPORT_LIMITS.maxCookies) {
      if (!cookieCapHit) problem('input', `more than ${IMPORT_LIMITS.maxCookies} cookies: the rest were not read`);
      cookieCapHit = true;
      return false;
    }
    cookies.push(c);
    return true;
  };
  return {
    addCookie,
    addEntries(entries, read, where) {
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        const c = isJsonObject(entry) ? read(new EntryReader(entry), entry) : 'not a JSON object';
        if (typeof c === 'string') problem(where(i), c);
        else if (!addCookie(c)) return;
      }
    },
    addOrigin(o) {
      if (origins.length >= IMPORT_LIMITS.maxOrigins) return false;
      origins.push(o);
      return true;
    },
    problem,
    finish(format) {
      const all =
        unlisted > 0 ? [...problems, { where: WHOLE_INPUT, reason: `${unlisted} more problems not listed` }] : problems;
      return { format, cookies, origins, problems: all };
    },
  };
}

/** Where in a JSON document's array `key` a problem is: `cookies[3]` (counted from 0, as in the file's JSON path). */
export function arrayPlace(key: string): (i: number) => string {
  return (i) => `${key}[${i}]`;
}

/** The whole input refused at once (too large, not this format). */
export function refused(format: ImportFormat | null, reason: string): ParsedImport {
  return { format, cookies: [], origins: [], problems: [{ where: WHOLE_INPUT, reason }] };
}

export function tooLarge(text: string): string | null {
  return text.length > IMPORT_LIMITS.maxChars
    ? `the input has ${text.length} characters; at most ${IMPORT_LIMITS.maxChars} are read`
    : null;
}

/** Where imported cookies go when the text names no store (or the format has none). */
export interface ImportOptions {
  storeId: string;
}

/**
 * A JSON format's parser: the size limit, then the JSON (`undefined` when the text is not JSON or nests too
 * deep), then the format's own reading of the document.
 */
export function jsonImport<O = void>(
  format: ImportFormat,
  read: (doc: unknown, options: O) => ParsedImport,
): (text: string, options: O) => ParsedImport {
  return (text, options) => {
    const size = tooLarge(text);
    if (size) return refused(format, size);
    const doc = parseJson(text);
    const broken = doc === undefined ? describeJsonError(text) : null;
    return broken ? refused(format, `not valid JSON: ${broken}`) : read(doc, options);
  };
}
