import { parseUrl } from '../core/parse-url';

/** Only http(s) links are rendered as links; anything else (javascript:, data:) stays plain text. */
export function safeHref(url: string | undefined): string | undefined {
  const u = url === undefined ? null : parseUrl(url);
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : undefined;
}
