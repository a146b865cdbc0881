import { analyzeSite, type AnalyzeOptions, type SiteAnalysis } from '../core/analyze-site';
import type { FoundToken, SignatureVerification } from '../core/audit/audit-input';
import type { Finding } from '../core/audit/finding';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { cookiesForUrl } from '../core/cookie/match';
import { findHeaderTokens } from '../core/detect/find-header-tokens';
import { findStorageTokens } from '../core/detect/find-storage-tokens';
import { storageEntriesOf } from '../core/detect/read-storage-script';
import { buildReport, type Report } from '../core/export/report';
import { compareSessions, type SessionComparison } from '../core/session/compare-sessions';
import { invalidationFindings, type ReplayOutcome } from '../core/session/invalidation-findings';
import { toSignatureVerification } from '../core/verify/to-signature-verification';
import { verifyCookie } from '../core/verify/verify-cookie';
import { verifyJwt } from '../core/verify/verify-jwt';
import { AuditError, messageOf } from './audit-error';
import type { AuditablePage, PlaywrightPage, RequestLike } from './page-types';
import { replaySession, type AuthenticatedCheck } from './replay-session';
import { SETTLE_MS, settleLimitMs, settledSession, type PageSession } from './snapshot-session';
import { packageVersion } from './version';
import { createWeakSecretSearches, type WeakSecretSearches } from './weak-secret-searches';
import { parseUrl } from '../core/parse-url';

/** A user's own login or logout code: receives the page and returns when it is done. */
export type PageAction<P extends AuditablePage = AuditablePage> = (page: P) => unknown;

export type AuditStep = 'visit' | 'wait' | 'read' | 'login' | 'check-login' | 'logout' | 'replay' | 'analyse';

export interface AuditPageOptions<P extends AuditablePage = AuditablePage> {
  /** Load this URL first; without it the page is audited where it is. */
  url?: string;
  /** Logs in; the session ids before and after it are compared (OWASP WSTG-SESS-03). */
  login?: PageAction<P>;
  /** Logs out, after the audit of the logged-in session (OWASP WSTG-SESS-06). */
  logout?: PageAction<P>;
  /** How to tell a logged-in request; with `logout`, the old session is replayed after the logout. */
  authenticated?: AuthenticatedCheck;
  /** Secrets or keys to verify signatures with (never stored, never in the output). */
  secrets?: readonly string[];
  /** Try the built-in dictionary of default secrets on signed values (default true). */
  weakSecrets?: boolean;
  /** For navigation, `waitFor` and each replayed request (default 30 s). */
  timeoutMs?: number;
  /**
   * How long the page's cookies and storage must stay the same to count as settled, read before the audit, after
   * the login and after the logout (default 250 ms); the wait for it lasts at most 3 s, or four such periods.
   */
  settleMs?: number;
  /** A CSS selector: after the visit, the audit waits (up to `timeoutMs`) for the page to show a matching element. */
  waitFor?: string;
  /** Called as each step starts, for progress output. */
  onStep?: (step: AuditStep, detail: string) => void;
  now?: () => number;
  /** The generator version in the report (default: this package's). */
  version?: string;
  /** Put cookie values in the report (off by default: a report is meant to be shared). */
  includeValues?: boolean;
}

export interface PageAudit {
  analysis: SiteAnalysis;
  /** The JSON report the extension exports (docs/report.md), for this page. */
  report: Report;
  /** Worst first; behaviour findings (login, logout) included. */
  findings: Finding[];
  /** The session that was audited: after the login when there is one. */
  session: PageSession;
  /** JWTs found in web storage and request headers. */
  tokens: FoundToken[];
  login?: SessionComparison;
  logout?: SessionComparison;
  /** The replay of the pre-logout session after the logout. */
  replay?: ReplayOutcome;
}

/** Request headers kept per audit; the token scan reads them once at the end. */
const MAX_REQUESTS = 5_000;

function asCookie(token: FoundToken): CookieRecord {
  // The dictionary check reads a cookie; a token outside the jar is checked as a cookie holding it.
  return {
    name: token.name,
    value: token.token,
    domain: '',
    path: '/',
    hostOnly: true,
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified',
    browserSession: true,
    storeId: '',
  };
}

async function signatureInputs(
  cookies: readonly CookieRecord[],
  tokens: readonly FoundToken[],
  options: AuditPageOptions<never>,
  searches: WeakSecretSearches,
): Promise<{ verifications: Map<string, SignatureVerification>; tokens: FoundToken[] }> {
  const secrets = options.secrets ?? [];
  const verifications = new Map<string, SignatureVerification>();
  if (secrets.length > 0) {
    for (const cookie of cookies) {
      const v = toSignatureVerification(await verifyCookie(cookie, cookies, secrets));
      if (v) verifications.set(cookieKey(cookie), v);
    }
  }
  const checked: FoundToken[] = [];
  for (const token of tokens) {
    const t: FoundToken = { ...token };
    if (secrets.length > 0) {
      const v = toSignatureVerification(await verifyJwt(token.token, secrets));
      if (v) t.verification = v;
    }
    if (options.weakSecrets !== false) {
      const secret = await searches.secretOf(asCookie(token), []);
      if (secret !== null) t.weakSecret = { secret };
    }
    checked.push(t);
  }
  return { verifications, tokens: checked };
}

async function runAction<P extends AuditablePage>(
  action: PageAction<P>,
  page: P,
  code: 'login-failed' | 'logout-failed',
): Promise<void> {
  try {
    await action(page);
  } catch (e) {
    const which = code === 'login-failed' ? 'login' : 'logout';
    throw new AuditError(code, `the ${which} function threw: ${messageOf(e)}`, { cause: e });
  }
}

/** The page's web storage through the one token finder the extension uses too (core/detect). */
function storageTokens(session: PageSession): FoundToken[] {
  // An unparsable page URL leaves the origin unnamed; the entries are still read.
  const origin = parseUrl(session.url)?.origin ?? '';
  return findStorageTokens(storageEntriesOf({ origin, local: session.localStorage, session: session.sessionStorage }));
}

/** Tokens in the requests' headers, each header name and token once however many requests carried it. */
function headerTokens(requests: ReadonlyArray<Readonly<Record<string, string>>>): FoundToken[] {
  const seen = new Set<string>();
  const out: FoundToken[] = [];
  for (const headers of requests) {
    for (const t of findHeaderTokens(headers)) {
      const id = `${t.name}\u0000${t.token}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(t);
    }
  }
  return out;
}

/**
 * The weak-secret searches observeSession started on the page's reads, for analyseObserved to take up; kept out
 * of ObservedSession, which is plain data.
 */
const searchesOf = new WeakMap<ObservedSession, WeakSecretSearches>();

/** What the page showed: the session to audit, the requests' headers, and the login/logout behaviour. */
export interface ObservedSession {
  /** The session that is audited: after the login when there is one. */
  session: PageSession;
  /** The request headers seen while observing, at most MAX_REQUESTS requests. */
  requestHeaders: Array<Record<string, string>>;
  /** Findings of the login and logout checks. */
  behaviour: Finding[];
  login?: SessionComparison;
  logout?: SessionComparison;
  replay?: ReplayOutcome;
}

/**
 * The part of the audit that drives the page: visit, settle, log in and out, replay. When it returns the page is
 * no longer needed (the command line closes the browser while `analyseObserved` runs). Unless `weakSecrets` is
 * false, it also starts the dictionary search of the page's signed cookies as it reads them, for `analyseObserved`
 * to take up.
 */
export async function observeSession<P extends AuditablePage>(
  page: P,
  options: AuditPageOptions<P> = {},
): Promise<ObservedSession> {
  const now = options.now ?? Date.now;
  const timeout = options.timeoutMs ?? 30_000;
  const settleMs = options.settleMs ?? SETTLE_MS;
  const settled = (onRead?: (read: PageSession) => void) =>
    settledSession(page, settleLimitMs(settleMs), now, onRead, settleMs);
  const step = (s: AuditStep, detail: string) => options.onStep?.(s, detail);
  const requestHeaders: Array<Record<string, string>> = [];
  const onRequest = (request: RequestLike) => {
    if (requestHeaders.length < MAX_REQUESTS) requestHeaders.push(request.headers());
  };
  // Both drivers emit `request` with url() and headers(); Puppeteer's typing is narrower than the union's.
  const events = page as unknown as PlaywrightPage;
  events.on('request', onRequest);
  // The analysis searches the dictionary for each signed value of the page: begun on each read of the session that
  // is audited, that search runs while the audit waits for the page to settle.
  const searches = createWeakSecretSearches();
  const search =
    options.weakSecrets === false
      ? undefined
      : (read: PageSession) => searches.startSoon(cookiesForUrl(read.cookies, read.url));
  let done = false;
  try {
    if (options.url !== undefined) {
      step('visit', options.url);
      try {
        await (page as unknown as PlaywrightPage).goto(options.url, { waitUntil: 'load', timeout });
      } catch (e) {
        throw new AuditError('unreachable', `could not load ${options.url}: ${messageOf(e)}`, { cause: e });
      }
    }
    if (options.waitFor !== undefined) {
      step('wait', options.waitFor);
      const driver = page as unknown as PlaywrightPage;
      // Puppeteer polls a selector the browser cannot parse until the timeout: asked first, it is said at once.
      const invalid = await driver.evaluate(
        `(() => { try { document.querySelector(${JSON.stringify(options.waitFor)}); return null; } ` +
          `catch (e) { return String(e && e.message); } })()`,
      );
      if (typeof invalid === 'string') {
        throw new AuditError(
          'wait-failed',
          `could not wait for ${options.waitFor} on ${page.url()}: ${messageOf(invalid)}`,
        );
      }
      try {
        await driver.waitForSelector(options.waitFor, { timeout });
      } catch (e) {
        // A timeout (Puppeteer's and Playwright's TimeoutError), or whatever else the driver reports.
        const reason =
          e instanceof Error && e.name === 'TimeoutError'
            ? `${page.url()} did not show ${options.waitFor} within ${timeout} ms`
            : `could not wait for ${options.waitFor} on ${page.url()}: ${messageOf(e)}`;
        throw new AuditError('wait-failed', reason, { cause: e });
      }
    }
    step('read', page.url());
    let session = await settled(search);
    let login: SessionComparison | undefined;
    if (options.login) {
      step('login', 'running the login function');
      const before = session;
      await runAction(options.login, page, 'login-failed');
      session = await settled(search);
      login = await compareSessions(before, session, 'login');
    }
    if (options.authenticated) {
      step('check-login', options.authenticated.url);
      const check = await replaySession(page, options.authenticated, session.cookies, timeout);
      if (!check.loggedIn) {
        throw new AuditError(
          'not-logged-in',
          `${options.authenticated.url} does not contain "${options.authenticated.expect}" with the session ${
            options.login ? 'after the login' : 'of the page'
          }, so logged-in requests cannot be told apart`,
        );
      }
    }
    const observed: ObservedSession = { session, requestHeaders, behaviour: [...(login?.findings ?? [])] };
    if (login) observed.login = login;
    if (options.logout) {
      step('logout', 'running the logout function');
      await runAction(options.logout, page, 'logout-failed');
      const after = await settled();
      const logout = await compareSessions(session, after, 'logout');
      observed.logout = logout;
      observed.behaviour.push(...logout.findings);
      if (options.authenticated) {
        step('replay', options.authenticated.url);
        const replay = await replaySession(page, options.authenticated, session.cookies, timeout);
        observed.replay = replay;
        observed.behaviour.push(...(await invalidationFindings(replay)));
      }
    }
    searchesOf.set(observed, searches);
    done = true;
    return observed;
  } finally {
    events.off('request', onRequest);
    // An audit that failed is not analysed: nothing more is searched for it.
    if (!done) searches.stop();
  }
}

/** The audit of what `observeSession` saw: tokens, signatures, the rules, the report. Needs no page. */
export async function analyseObserved(
  observed: ObservedSession,
  options: AuditPageOptions<never> = {},
): Promise<PageAudit> {
  const { session } = observed;
  options.onStep?.('analyse', session.url);
  const now = options.now ?? Date.now;
  const pageCookies = cookiesForUrl(session.cookies, session.url);
  const found = [...storageTokens(session), ...headerTokens(observed.requestHeaders)];
  const searches = searchesOf.get(observed) ?? createWeakSecretSearches();
  const signatures = await signatureInputs(pageCookies, found, options, searches);
  const analyzeOptions: AnalyzeOptions = {
    verifications: signatures.verifications,
    tokens: signatures.tokens,
    behaviour: observed.behaviour,
  };
  if (options.weakSecrets !== false) {
    analyzeOptions.checkWeakSecret = async (cookie, _decoded, jar) => {
      const secret = await searches.secretOf(cookie, jar);
      return secret !== null ? { secret } : null;
    };
  }
  const t = now();
  const analysis = await analyzeSite(session.url, pageCookies, t, analyzeOptions);
  const report = buildReport(analysis, {
    generatedAtMs: t,
    version: options.version ?? packageVersion(),
    includeValues: options.includeValues === true,
  });
  const result: PageAudit = {
    analysis,
    report,
    findings: analysis.audit.findings,
    session,
    tokens: signatures.tokens,
  };
  if (observed.login) result.login = observed.login;
  if (observed.logout) result.logout = observed.logout;
  if (observed.replay) result.replay = observed.replay;
  return result;
}

/**
 * Audits a page's session with the rules of the extension: cookies of the page's store (through the browser's
 * own protocol), tokens in web storage and request headers, and, with `login` / `logout` /
 * `authenticated`, how the session behaves across a login and a logout. Works with a Puppeteer page (Chrome
 * or Firefox) and a Playwright page. Throws AuditError when the audit cannot run.
 */
export async function auditPage<P extends AuditablePage>(
  page: P,
  options: AuditPageOptions<P> = {},
): Promise<PageAudit> {
  return analyseObserved(await observeSession(page, options), options as AuditPageOptions<never>);
}
