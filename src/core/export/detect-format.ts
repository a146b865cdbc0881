import { describeJsonError, isJsonObject, parseJson } from '../decode/json';
import { parseCookieEditor } from './cookie-editor';
import { parseCookieHeader } from './cookie-header';
import { refused, tooLarge, type ImportFormat, type ParsedImport } from './import-result';
import { NETSCAPE_HEADER, parseNetscape } from './netscape';
import { COOKIE_EXPORT_FORMAT, parseCookieJson } from './sessionscope-json';
import { parseStorageState } from './storage-state';

export type DetectedFormat = { format: ImportFormat } | { format: null; reason: string };

/** A cookies.txt line: optional #HttpOnly_, then fields with TRUE/FALSE in the second and fourth. */
const NETSCAPE_LINE = /^(?:#HttpOnly_)?[^\t#][^\t]*\t(?:TRUE|FALSE)\t[^\t]*\t(?:TRUE|FALSE)\t/i;

/** Which import format `text` is, from its content alone. Linear in the input; never throws. */
export function detectImportFormat(text: string): DetectedFormat {
  const size = tooLarge(text);
  if (size) return { format: null, reason: size };
  const t = text.trimStart();
  if (t === '') return { format: null, reason: 'the input is empty' };
  if (t.startsWith('{') || t.startsWith('[')) {
    const doc = parseJson(t);
    if (Array.isArray(doc)) return { format: 'cookie-editor-json' };
    if (isJsonObject(doc)) {
      if (doc.format === COOKIE_EXPORT_FORMAT) return { format: 'sessionscope-json' };
      if (Array.isArray(doc.cookies) || Array.isArray(doc.origins)) return { format: 'storage-state' };
      return { format: null, reason: 'a JSON object that is neither a SessionScope export nor a storageState' };
    }
    const where = describeJsonError(text, text.length - t.length);
    return { format: null, reason: `the input starts like JSON but is not valid JSON${where ? `: ${where}` : ''}` };
  }
  if (t.startsWith(NETSCAPE_HEADER) || t.startsWith('# HTTP Cookie File')) return { format: 'netscape' };
  const lines = t.split('\n');
  if (lines.some((l) => NETSCAPE_LINE.test(l))) return { format: 'netscape' };
  const body = t.trimEnd();
  if (!/[\r\n\t]/.test(body) && (body.includes('=') || /^cookie\s*:/i.test(body))) return { format: 'cookie-header' };
  return { format: null, reason: 'not JSON, not cookies.txt lines, and not a one-line Cookie header' };
}

export interface ImportOptions {
  /** The user's explicit choice; without it the format is detected from the content. */
  format?: ImportFormat;
  /** The URL a Cookie header was sent to (header imports need it). */
  url?: string;
  /** The store for cookies from formats that carry none. */
  storeId: string;
}

export function parseImport(text: string, options: ImportOptions): ParsedImport {
  let format = options.format;
  if (!format) {
    const detected = detectImportFormat(text);
    if (detected.format === null) return refused(null, detected.reason);
    format = detected.format;
  }
  const { storeId } = options;
  switch (format) {
    case 'sessionscope-json':
      return parseCookieJson(text);
    case 'cookie-editor-json':
      return parseCookieEditor(text, { storeId });
    case 'netscape':
      return parseNetscape(text, { storeId });
    case 'storage-state':
      return parseStorageState(text, { storeId });
    case 'cookie-header':
      return parseCookieHeader(text, { url: options.url ?? '', storeId });
  }
}
