import type { CookieRecord } from './cookie/cookie-record';
import { cookieKey } from './cookie/cookie-key';
import { describeExpiry, type ExpiryInfo } from './cookie/expiry';
import { cookieSize } from './cookie/size';
import { decodeCookieValue } from './decode/decode-cookie';
import type { DecodedValue } from './decode/decoded-value';
import { detectSession, type SessionReason } from './detect/session';
import type { AuditedCookie, FoundToken, SignatureVerification } from './audit/audit-input';
import type { Finding, SiteAudit } from './audit/finding';
import { runAudit } from './audit/run-audit';

export { countBySeverity, seriousCount, worstSeverity } from './audit/summary';

export interface CookieView {
  key: string;
  cookie: CookieRecord;
  size: number;
  expiry: ExpiryInfo;
  sessionReason: SessionReason | null;
  decoded: DecodedValue;
  /** This cookie's findings, worst first (token findings of a JWT in it included). */
  findings: Finding[];
}

export interface SiteAnalysis {
  pageUrl: string;
  /** Session-identifying cookies first, then the rest; each group by name, then domain, then path. */
  cookies: CookieView[];
  audit: SiteAudit;
  /** Findings about no single cookie (too many cookies, tokens in web storage), worst first. */
  siteFindings: Finding[];
}

/** Optional inputs from the verify layer and the page; without them the audit reads the cookies alone. */
export interface AnalyzeOptions {
  /**
   * The dictionary check of default secrets: resolves to the secret a signed value verifies with, if any.
   * Called only for HMAC-signed values (`decoded.hmacSigned`); `jar` is every cookie given to analyzeSite, for
   * formats that sign in a second cookie (cookie-session's `.sig`). E.g. wraps `findWeakSecret(cookie, jar)`.
   */
  checkWeakSecret?: (
    cookie: CookieRecord,
    decoded: DecodedValue,
    jar: readonly CookieRecord[],
  ) => Promise<{ secret: string } | null | undefined> | { secret: string } | null | undefined;
  /** Results of checking signatures with a secret or key the user gave, by cookie key. */
  verifications?: ReadonlyMap<string, SignatureVerification>;
  /** Tokens found in web storage or headers of the page (findStorageTokens, findHeaderTokens). */
  tokens?: readonly FoundToken[];
  /** URLs the page requested, from the network view: the session-id-in-url rule looks for session ids in them. */
  requestUrls?: readonly string[];
  /** Findings on the session's behaviour across a login or logout (compareSessions, invalidationFindings). */
  behaviour?: readonly Finding[];
}

function compare(a: CookieView, b: CookieView): number {
  const s = Number(b.sessionReason !== null) - Number(a.sessionReason !== null);
  if (s !== 0) return s;
  return (
    a.cookie.name.localeCompare(b.cookie.name) ||
    a.cookie.domain.localeCompare(b.cookie.domain) ||
    a.cookie.path.localeCompare(b.cookie.path)
  );
}

async function weakSecretOf(
  options: AnalyzeOptions,
  cookie: CookieRecord,
  decoded: DecodedValue,
  jar: readonly CookieRecord[],
): Promise<{ secret: string } | undefined> {
  if (!options.checkWeakSecret || !decoded.hmacSigned) return undefined;
  try {
    return (await options.checkWeakSecret(cookie, decoded, jar)) ?? undefined;
  } catch {
    // A failing check means "not known weak", never a broken analysis.
    return undefined;
  }
}

/** Everything the popup and the panel show about a site's cookies. Pure: the caller supplies the cookies. */
export async function analyzeSite(
  pageUrl: string,
  cookies: readonly CookieRecord[],
  nowMs: number,
  options: AnalyzeOptions = {},
): Promise<SiteAnalysis> {
  const decoded = await Promise.all(cookies.map((c) => decodeCookieValue(c, cookies)));
  const base: AuditedCookie[] = await Promise.all(
    cookies.map(async (cookie, i) => {
      const d = decoded[i]!;
      const key = cookieKey(cookie);
      const audited: AuditedCookie = { cookie, key, decoded: d, sessionReason: detectSession(cookie, d) };
      const weak = await weakSecretOf(options, cookie, d, cookies);
      if (weak) audited.weakSecret = weak;
      const verification = options.verifications?.get(key);
      if (verification) audited.verification = verification;
      return audited;
    }),
  );
  const audit = runAudit({
    pageUrl,
    cookies: base,
    nowMs,
    tokens: options.tokens ?? [],
    ...(options.requestUrls ? { requestUrls: options.requestUrls } : {}),
    behaviour: options.behaviour ?? [],
  });
  const keys = new Set(base.map((b) => b.key));
  const byKey = new Map<string, Finding[]>();
  const siteFindings: Finding[] = [];
  for (const f of audit.findings) {
    // A behaviour finding may name a cookie that is no longer stored (cleared at logout): it is then the site's.
    if (f.cookieKey === undefined || !keys.has(f.cookieKey)) {
      siteFindings.push(f);
      continue;
    }
    const list = byKey.get(f.cookieKey) ?? [];
    list.push(f);
    byKey.set(f.cookieKey, list);
  }
  const views: CookieView[] = base.map((b) => ({
    key: b.key,
    cookie: b.cookie,
    decoded: b.decoded,
    sessionReason: b.sessionReason,
    size: cookieSize(b.cookie),
    expiry: describeExpiry(b.cookie, nowMs),
    findings: byKey.get(b.key) ?? [],
  }));
  views.sort(compare);
  return { pageUrl, cookies: views, audit, siteFindings };
}
