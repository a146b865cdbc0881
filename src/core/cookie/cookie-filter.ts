import type { CookieView } from '../analyze-site';

export interface CookieFilter {
  /** Case-insensitive substring of the name, the domain or the value. */
  text: string;
  sessionOnly: boolean;
  findingsOnly: boolean;
}

export function filterCookies(list: readonly CookieView[], f: CookieFilter): CookieView[] {
  const needle = f.text.trim().toLowerCase();
  return list.filter((c) => {
    if (f.sessionOnly && c.sessionReason === null) return false;
    if (f.findingsOnly && c.findings.length === 0) return false;
    if (needle === '') return true;
    return (
      c.cookie.name.toLowerCase().includes(needle) ||
      c.cookie.domain.toLowerCase().includes(needle) ||
      c.cookie.value.toLowerCase().includes(needle)
    );
  });
}
