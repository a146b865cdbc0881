import { ATTRIBUTE_SIZE_LIMIT, COOKIE_SIZE_LIMIT, cookieSize, utf8Size } from '../cookie/size';
import { parseCookieDate } from './cookie-date';
import { codePointLabel } from '../code-point';

/** Input beyond this is not parsed: no real Set-Cookie comes near it, and the page controls the header. */
export const MAX_SET_COOKIE_CHARS = 65_536;
/** Attributes read per header; the rest are listed as ignored. */
export const MAX_ATTRIBUTES = 64;

export type SameSiteAttribute = 'strict' | 'lax' | 'none' | 'invalid';

/** One `; name=value` attribute as written, and what the parser made of it. */
export interface SetCookieAttribute {
  name: string;
  value: string;
  /** Why the browser ignores this attribute, when it does. */
  ignored?: string;
}

/** Why a browser ignores the whole header (RFC 6265bis §5.6). */
export type SetCookieAbort = 'control-chars' | 'too-large' | 'empty';

export interface ParsedSetCookie {
  /** Set when the parsing algorithm itself ignores the header; the rest is still filled in for display. */
  abort?: { reason: SetCookieAbort; detail: string };
  name: string;
  value: string;
  /** UTF-8 octets of name + value. */
  size: number;
  attributes: SetCookieAttribute[];
  /** The effective attributes: the last valid occurrence of each (RFC 6265bis §5.7). */
  expiresMs?: number;
  maxAgeSeconds?: number;
  /** Lower-cased, leading dot removed. */
  domain?: string;
  /** Absent when no valid Path was given: the response URL's default path applies. */
  path?: string;
  secure: boolean;
  httpOnly: boolean;
  partitioned: boolean;
  sameSite?: { raw: string; value: SameSiteAttribute };
}

/** HTAB and space: the whitespace RFC 6265bis trims. */
function trimWsp(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === ' ' || s[a] === '\t')) a++;
  while (b > a && (s[b - 1] === ' ' || s[b - 1] === '\t')) b--;
  return s.slice(a, b);
}

/** The first control character other than HTAB, which makes browsers ignore the header. */
function findControlChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c <= 0x1f && c !== 0x09) || c === 0x7f) return i;
  }
  return -1;
}

function attribute(out: ParsedSetCookie, attr: SetCookieAttribute): void {
  const lower = attr.name.toLowerCase();
  const v = attr.value;
  // RFC 6265bis §5.6: the attribute is ignored, not the cookie.
  if (utf8Size(v) > ATTRIBUTE_SIZE_LIMIT) {
    attr.ignored = `value over ${ATTRIBUTE_SIZE_LIMIT} bytes`;
    return;
  }
  switch (lower) {
    case 'expires': {
      const ms = parseCookieDate(v);
      if (ms === null) attr.ignored = 'not a date';
      else out.expiresMs = ms;
      return;
    }
    case 'max-age':
      if (!/^-?\d+$/.test(v)) attr.ignored = 'not a whole number of seconds';
      else out.maxAgeSeconds = Number(v);
      return;
    case 'domain':
      if (v === '') attr.ignored = 'empty';
      else out.domain = v.replace(/^\./, '').toLowerCase();
      return;
    case 'path':
      if (!v.startsWith('/')) {
        attr.ignored = 'does not start with "/": the default path applies';
        delete out.path;
      } else out.path = v;
      return;
    case 'secure':
      out.secure = true;
      return;
    case 'httponly':
      out.httpOnly = true;
      return;
    case 'partitioned':
      out.partitioned = true;
      return;
    case 'samesite': {
      const s = v.toLowerCase();
      out.sameSite = { raw: v, value: s === 'strict' || s === 'lax' || s === 'none' ? s : 'invalid' };
      return;
    }
    default:
      attr.ignored = 'unknown attribute';
  }
}

/**
 * One Set-Cookie header value parsed as RFC 6265bis §5.6 says a browser does. Never throws; linear in the
 * input, which is read up to MAX_SET_COOKIE_CHARS.
 */
export function parseSetCookie(header: string): ParsedSetCookie {
  const input = typeof header === 'string' ? header : '';
  const text = input.slice(0, MAX_SET_COOKIE_CHARS);
  const semi = text.indexOf(';');
  const pair = semi === -1 ? text : text.slice(0, semi);
  const eq = pair.indexOf('=');
  const name = eq === -1 ? '' : trimWsp(pair.slice(0, eq));
  const value = trimWsp(eq === -1 ? pair : pair.slice(eq + 1));
  const out: ParsedSetCookie = {
    name,
    value,
    size: cookieSize({ name, value }),
    attributes: [],
    secure: false,
    httpOnly: false,
    partitioned: false,
  };
  const ctl = findControlChar(text);
  if (ctl !== -1) {
    const where = ctl < (eq === -1 ? 0 : eq) ? 'name' : ctl < pair.length ? 'value' : 'attributes';
    out.abort = {
      reason: 'control-chars',
      detail: `control character ${codePointLabel(text.charCodeAt(ctl))} in the ${where}`,
    };
  } else if (input.length > MAX_SET_COOKIE_CHARS) {
    out.abort = { reason: 'too-large', detail: `header over ${MAX_SET_COOKIE_CHARS} characters` };
  } else if (out.size > COOKIE_SIZE_LIMIT) {
    out.abort = { reason: 'too-large', detail: `name and value are ${out.size} bytes` };
  } else if (name === '' && value === '') {
    out.abort = { reason: 'empty', detail: 'no name and no value' };
  }
  if (semi === -1) return out;
  let at = semi;
  while (at !== -1 && at < text.length) {
    const next = text.indexOf(';', at + 1);
    const av = text.slice(at + 1, next === -1 ? text.length : next);
    at = next;
    const e = av.indexOf('=');
    const attr: SetCookieAttribute = {
      name: trimWsp(e === -1 ? av : av.slice(0, e)),
      value: e === -1 ? '' : trimWsp(av.slice(e + 1)),
    };
    if (attr.name === '' && attr.value === '') continue;
    if (out.attributes.length >= MAX_ATTRIBUTES) {
      out.attributes.push({ name: '…', value: '', ignored: `only the first ${MAX_ATTRIBUTES} attributes are read` });
      break;
    }
    attribute(out, attr);
    out.attributes.push(attr);
  }
  return out;
}

/**
 * The Set-Cookie values of a response as DevTools hands them over: several headers are joined by newlines
 * (a newline is never part of one value, so it splits safely). Empty lines are dropped.
 */
export function splitSetCookieLines(raw: string): string[] {
  return raw
    .slice(0, MAX_SET_COOKIE_CHARS * 16)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}
