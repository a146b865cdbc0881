import { writeCookieHeader, type RequestCookiesWriter } from './cookie-header';

/**
 * One argument for a POSIX shell: single-quoted, each `'` closed, escaped and reopened (`'\''`). Inside single
 * quotes the shell interprets nothing (POSIX.1-2017 XCU §2.2.2), so `$`, backquotes, `\`, `!`, newlines and
 * globs stay literal. NUL cannot be in a command-line argument at all and is dropped.
 */
export function shellQuote(arg: string): string {
  return `'${arg.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl command that sends the cookies one request to `url` would carry. `-b` takes the header when it has a
 * `=`; without one curl would read the argument as a file name, so the header goes as `-H 'Cookie: …'`.
 */
export const writeCurlCommand: RequestCookiesWriter = (cookies, url, options) => {
  const header = writeCookieHeader(cookies, url, options);
  if (header.notSent.some((n) => n.reason === 'url')) return header;
  const parts = ['curl'];
  if (header.text !== '') {
    parts.push(
      header.text.includes('=') ? `-b ${shellQuote(header.text)}` : `-H ${shellQuote(`Cookie: ${header.text}`)}`,
    );
  }
  parts.push(shellQuote(url));
  return { ...header, text: parts.join(' ') };
};
