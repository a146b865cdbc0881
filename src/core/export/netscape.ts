import type { CookieRecord } from '../cookie/cookie-record';
import { storedDomain } from '../cookie/stored-domain';
import { cookiesCount, type ExportResult } from './export-result';
import { createCollector, refused, tooLarge, type ParsedImport, type ImportOptions } from './import-result';

/**
 * Netscape `cookies.txt`, as curl, wget and yt-dlp read and write it: one cookie a line, seven TAB-separated
 * fields (domain, include-subdomains, path, secure, expiry, name, value). `#` starts a comment, except the
 * `#HttpOnly_` domain prefix curl uses to mark an HttpOnly cookie. Expiry `0` means a session cookie.
 */
export const NETSCAPE_HEADER = '# Netscape HTTP Cookie File';
const HTTPONLY_PREFIX = '#HttpOnly_';

/** Session cookies are written with expiry 0; a persistent one keeps whole seconds, never 0 (that would make it a session cookie). */
function expiryField(c: CookieRecord): string {
  if (c.browserSession || c.expirationDate === undefined) return '0';
  return String(Math.max(1, Math.floor(c.expirationDate)));
}

function unwritable(c: CookieRecord): string | null {
  if (/[\t\r\n]/.test(c.name) || /[\t\r\n]/.test(c.value)) return 'a TAB or line break in the name or value';
  if (/[\t\r\n]/.test(c.domain) || /[\t\r\n]/.test(c.path)) return 'a TAB or line break in the domain or path';
  if (c.domain.startsWith('#')) return 'a domain starting with "#"';
  return null;
}

export function writeNetscape(cookies: readonly CookieRecord[]): ExportResult {
  const lines = [
    NETSCAPE_HEADER,
    '# Written by SessionScope. SameSite, Partitioned and the cookie store are not in this format.',
    '',
  ];
  let sameSite = 0;
  let partitioned = 0;
  let skipped = 0;
  const stores = new Set<string>();
  for (const c of cookies) {
    if (unwritable(c)) {
      skipped += 1;
      continue;
    }
    if (c.sameSite !== 'unspecified') sameSite += 1;
    if (c.partitionKey) partitioned += 1;
    stores.add(c.storeId);
    const domain = storedDomain(c.domain, c.hostOnly);
    lines.push(
      [
        (c.httpOnly ? HTTPONLY_PREFIX : '') + domain,
        c.hostOnly ? 'FALSE' : 'TRUE',
        c.path,
        c.secure ? 'TRUE' : 'FALSE',
        expiryField(c),
        c.name,
        c.value,
      ].join('\t'),
    );
  }
  const notRepresented: string[] = [];
  if (sameSite > 0) notRepresented.push(`SameSite of ${cookiesCount(sameSite)}: cookies.txt has no column for it`);
  if (partitioned > 0) {
    notRepresented.push(
      `the partition of ${cookiesCount(partitioned)} (Partitioned, CHIPS): cookies.txt has no column for it; they would come back unpartitioned`,
    );
  }
  if (stores.size > 1)
    notRepresented.push(`the cookie store: cookies from ${stores.size} stores are mixed in one file`);
  if (skipped > 0)
    notRepresented.push(`${cookiesCount(skipped)} left out: a TAB or line break cannot be written in a field`);
  const count = cookies.length - skipped;
  return { text: `${lines.join('\n')}\n`, notRepresented, count };
}

function flag(field: string): boolean | null {
  const f = field.toUpperCase();
  return f === 'TRUE' ? true : f === 'FALSE' ? false : null;
}

/**
 * Reads cookies.txt line by line (linear in the input). Only TAB separates fields, so a value keeps its `=`
 * and spaces; a line of six fields is a cookie with an empty value (curl reads it so too).
 */
export function parseNetscape(text: string, options: ImportOptions): ParsedImport {
  const size = tooLarge(text);
  if (size) return refused('netscape', size);
  const out = createCollector();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const where = `line ${i + 1}`;
    let line = lines[i]!.replace(/\r$/, '');
    let httpOnly = false;
    if (line.startsWith(HTTPONLY_PREFIX)) {
      httpOnly = true;
      line = line.slice(HTTPONLY_PREFIX.length);
    } else if (line.startsWith('#') || line.trim() === '') {
      continue;
    }
    const fields = line.split('\t');
    if (fields.length !== 7 && fields.length !== 6) {
      out.problem(where, `expected 7 fields separated by TAB, found ${fields.length}`);
      continue;
    }
    const [domainField, subdomains, path, secureField, expiryText, name, value = ''] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string?,
    ];
    const includeSubdomains = flag(subdomains);
    const secure = flag(secureField);
    if (domainField.replace(/^\.+/, '') === '') {
      out.problem(where, 'the domain is empty');
      continue;
    }
    if (includeSubdomains === null) {
      out.problem(
        where,
        `the second field should be TRUE or FALSE (include subdomains), is "${subdomains.slice(0, 20)}"`,
      );
      continue;
    }
    if (secure === null) {
      out.problem(where, `the fourth field should be TRUE or FALSE (secure), is "${secureField.slice(0, 20)}"`);
      continue;
    }
    if (!/^\d{1,16}(\.\d{1,9})?$/.test(expiryText.trim())) {
      out.problem(where, `the expiry should be Unix seconds (0 for a session cookie), is "${expiryText.slice(0, 20)}"`);
      continue;
    }
    if (!path.startsWith('/')) {
      out.problem(where, `the path should start with "/", is "${path.slice(0, 40)}"`);
      continue;
    }
    const expiry = Number(expiryText.trim());
    const cookie: CookieRecord = {
      name,
      value,
      domain: storedDomain(domainField, !includeSubdomains),
      path,
      hostOnly: !includeSubdomains,
      secure,
      httpOnly,
      sameSite: 'unspecified',
      browserSession: expiry === 0,
      storeId: options.storeId,
    };
    if (expiry !== 0) cookie.expirationDate = expiry;
    if (!out.addCookie(cookie)) break;
  }
  return out.finish('netscape');
}
