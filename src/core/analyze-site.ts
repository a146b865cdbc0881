import type { CookieRecord } from './cookie/cookie-record';
import { cookieKey } from './cookie/cookie-key';
import { describeExpiry, type ExpiryInfo } from './cookie/expiry';
import { cookieSize } from './cookie/size';
import { decodeCookieValue } from './decode/decode-cookie';
import type { DecodedValue } from './decode/decoded-value';
import { detectSession, type SessionReason } from './detect/session';
import type { Finding, SiteAudit } from './audit/finding';
import { runAudit } from './audit/run-audit';

export interface CookieView {
  key: string;
  cookie: CookieRecord;
  size: number;
  expiry: ExpiryInfo;
  session: SessionReason | null;
  decoded: DecodedValue;
  findings: Finding[];
}

export interface SiteAnalysis {
  pageUrl: string;
  /** Session-identifying cookies first, then the rest; each group by name, then domain, then path. */
  cookies: CookieView[];
  audit: SiteAudit;
}

function compare(a: CookieView, b: CookieView): number {
  const s = Number(b.session !== null) - Number(a.session !== null);
  if (s !== 0) return s;
  return (
    a.cookie.name.localeCompare(b.cookie.name) ||
    a.cookie.domain.localeCompare(b.cookie.domain) ||
    a.cookie.path.localeCompare(b.cookie.path)
  );
}

/** Everything the popup and the panel show about a site's cookies. Pure: the caller supplies the cookies. */
export async function analyzeSite(
  pageUrl: string,
  cookies: readonly CookieRecord[],
  nowMs: number,
): Promise<SiteAnalysis> {
  const decoded = await Promise.all(cookies.map((c) => decodeCookieValue(c, cookies)));
  const base = cookies.map((cookie, i) => {
    const d = decoded[i]!;
    return { cookie, key: cookieKey(cookie), decoded: d, session: detectSession(cookie, d) };
  });
  const audit = runAudit({ pageUrl, cookies: base, nowMs });
  const byKey = new Map<string, Finding[]>();
  for (const f of audit.findings) {
    if (f.cookieKey === undefined) continue;
    const list = byKey.get(f.cookieKey) ?? [];
    list.push(f);
    byKey.set(f.cookieKey, list);
  }
  const views: CookieView[] = base.map((b) => ({
    ...b,
    size: cookieSize(b.cookie),
    expiry: describeExpiry(b.cookie, nowMs),
    findings: byKey.get(b.key) ?? [],
  }));
  views.sort(compare);
  return { pageUrl, cookies: views, audit };
}
