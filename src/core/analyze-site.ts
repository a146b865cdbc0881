import type { CookieRecord } from './cookie/cookie-record';
import { compareViews, decodeAll, viewsOf, type CookieView } from './cookie-views';
import type { DecodedValue } from './decode/decoded-value';
import type { AuditedCookie, FoundToken, SignatureVerification } from './audit/audit-input';
import type { Finding, SiteAudit } from './audit/finding';
import { runAudit } from './audit/run-audit';

export type { CookieView } from './cookie-views';
export { countBySeverity, seriousCount, worstSeverity } from './audit/summary';

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
  /**
   * The cookies' decoded values, index for index, when the caller has them already (cookieRows, for the
   * popup's first paint): not decoded a second time.
   */
  decoded?: readonly DecodedValue[];
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
  const decoded = options.decoded?.length === cookies.length ? options.decoded : await decodeAll(cookies);
  const views = viewsOf(cookies, decoded, nowMs);
  const base: AuditedCookie[] = await Promise.all(
    views.map(async (v) => {
      const audited: AuditedCookie = {
        cookie: v.cookie,
        key: v.key,
        decoded: v.decoded,
        sessionReason: v.sessionReason,
      };
      const weak = await weakSecretOf(options, v.cookie, v.decoded, cookies);
      if (weak) audited.weakSecret = weak;
      const verification = options.verifications?.get(v.key);
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
  for (const v of views) v.findings = byKey.get(v.key) ?? [];
  views.sort(compareViews);
  return { pageUrl, cookies: views, audit, siteFindings };
}
