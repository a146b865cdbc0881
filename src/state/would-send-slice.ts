import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CookieView } from '../core/analyze-site';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { hostOf } from '../core/cookie/host';
import { errorText } from '../core/error-text';
import {
  repeatedNames,
  siteOf,
  wouldSend,
  type NotSentReason,
  type RequestKind,
  type WouldSendContext,
} from '../core/cookie/would-send';
import { parseUrl } from '../core/parse-url';
import { creationTimes } from '../core/timeline/creation-times';
import type { ChangeLogEntry } from '../protocol/messages';

export type { RequestKind } from '../core/cookie/would-send';

/** Schemes whose requests carry cookies. */
const COOKIE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** The methods offered for a navigation (a form can only GET or POST; the rest for completeness). */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type Method = (typeof METHODS)[number];

/** Whether the request kind is asked with a site besides the URL: where a navigation starts, or the embedding page. */
export function kindTakesSite(kind: RequestKind): boolean {
  return kind !== 'same-site-subresource';
}

/** A cookie of the answer; `shown`: it is one of the panel's rows (the page's own cookies), so it can be opened. */
export interface WsCookie {
  key: string;
  cookie: CookieRecord;
  shown: boolean;
}

export interface NotSentView extends WsCookie {
  reasons: readonly NotSentReason[];
}

/** Where the cookies asked about come from: the whole site's, or (until they are read, or when they cannot be) the page's. */
export type JarSource = { kind: 'site' } | { kind: 'page'; loading: boolean; error?: string };

/** What the tool shows: nothing to ask about, a question it cannot read, or the answer. Data only: the view words it. */
export type WouldSendOutcome =
  | { kind: 'no-url' }
  /** `problem`: the text is no URL at all, or a URL of a scheme that carries no cookies (`file:`, `about:`). */
  | { kind: 'invalid-url'; problem: 'unparsable' | 'not-http'; text: string }
  | { kind: 'invalid-site'; text: string }
  | {
      kind: 'result';
      url: URL;
      request: RequestKind;
      method: Method;
      /** In Cookie header order. */
      sent: readonly WsCookie[];
      notSent: readonly NotSentView[];
      header: string;
      orderCertain: boolean;
      /** Names the header carries more than once (shadowing). */
      shadowed: ReadonlySet<string>;
      sameSite: boolean;
      topLevelSite: string | undefined;
      /** How a cookie without SameSite was treated. */
      unspecifiedSameSite: 'lax' | 'none';
      /** Whether the answer assumed the browser blocks third-party (unpartitioned cross-site) cookies. */
      blockThirdPartyCookies: boolean;
    };

export interface WouldSendInputs {
  /** The panel's rows: the cookies the page itself receives. */
  cookies: ReadonlySignal<readonly CookieView[]>;
  /**
   * Every cookie of the site (registrable domain) of `host` in the store, every partition: other paths and
   * hosts of the site are what a typed URL may reach. Absent: the tool asks about the page's cookies only.
   */
  readSiteCookies?: ((host: string, storeId: string | undefined) => Promise<CookieRecord[]>) | undefined;
  /** The inspected page's URL: the question's URL until the user types another. */
  pageUrl: ReadonlySignal<string | undefined>;
  /** The tab's cookie store: cookies of other stores never go. */
  storeId: ReadonlySignal<string | undefined>;
  now: ReadonlySignal<number>;
  /** The change log's entries for the site, for creation times (the order of equal paths). */
  timeline?: ReadonlySignal<readonly ChangeLogEntry[]>;
  /** `lax` in Chromium, `none` in Firefox (see WouldSendContext). */
  unspecifiedSameSite?: 'lax' | 'none';
}

/**
 * The "Would it be sent?" tool: a URL and a kind of request, and which of the site's cookies that request
 * carries (core's wouldSend), in Cookie header order, with why each other one stays home.
 */
export function createWouldSendSlice(inputs: WouldSendInputs) {
  /** What the user typed; null follows the inspected page's URL. */
  const urlText = signal<string | null>(null);
  const kind = signal<RequestKind>('top-level-navigation');
  /** A navigation's origin site, or a cross-site request's top-level site; blank for none. */
  const siteText = signal('');
  const method = signal<Method>('GET');
  /** Asks as a browser that blocks third-party cookies would send (Chromium's setting, Safari, strict modes). */
  const blockThirdParty = signal(false);
  const unspecifiedSameSite = inputs.unspecifiedSameSite ?? 'lax';

  const url = computed(() => urlText.value ?? inputs.pageUrl.value ?? '');
  /** The site's cookies as last read, and for which host and store. */
  const siteJar = signal<{ host: string; storeId: string | undefined; cookies: readonly CookieRecord[] } | null>(null);
  const jarLoading = signal(false);
  const jarError = signal<string | undefined>(undefined);
  let readCount = 0;

  /** The site's cookies when they are those of the page shown; else the page's own (the panel's rows). */
  const jar = computed<{ records: readonly CookieRecord[]; source: JarSource }>(() => {
    const read = siteJar.value;
    const host = hostOf(inputs.pageUrl.value ?? '') ?? '';
    if (read !== null && read.host === host && read.storeId === inputs.storeId.value) {
      return { records: read.cookies, source: { kind: 'site' } };
    }
    const error = jarError.value;
    return {
      records: inputs.cookies.value.map((v) => v.cookie),
      source: { kind: 'page', loading: jarLoading.value, ...(error === undefined ? {} : { error }) },
    };
  });

  /**
   * Reads the site's cookies again (the view calls it when the tool opens and whenever the panel's cookies
   * change while it is open); a later read wins over an earlier one still under way.
   */
  async function readJar(): Promise<void> {
    const read = inputs.readSiteCookies;
    const host = hostOf(inputs.pageUrl.peek() ?? '');
    if (!read || host === undefined) return;
    const storeId = inputs.storeId.peek();
    const mine = ++readCount;
    jarLoading.value = true;
    try {
      const cookies = await read(host, storeId);
      if (mine !== readCount) return;
      siteJar.value = { host, storeId, cookies };
      jarError.value = undefined;
    } catch (e) {
      if (mine !== readCount) return;
      jarError.value = errorText(e);
    } finally {
      if (mine === readCount) jarLoading.value = false;
    }
  }
  const createdMs = computed(() => (inputs.timeline ? creationTimes(inputs.timeline.value) : undefined));

  const outcome = computed<WouldSendOutcome>(() => {
    const text = url.value.trim();
    if (text === '') return { kind: 'no-url' };
    const parsed = parseUrl(text);
    if (parsed === null) return { kind: 'invalid-url', problem: 'unparsable', text };
    if (!COOKIE_SCHEMES.has(parsed.protocol)) return { kind: 'invalid-url', problem: 'not-http', text };
    const request = kind.value;
    const site = kindTakesSite(request) ? siteText.value.trim() : '';
    // A bare host ("example.com") is read as an https site.
    const siteUrl = site === '' ? undefined : /^[a-z][a-z0-9+.-]*:\/\//i.test(site) ? site : `https://${site}`;
    if (siteUrl !== undefined && siteOf(siteUrl) === undefined) return { kind: 'invalid-site', text: site };
    const { records } = jar.value;
    const shownKeys = new Set(inputs.cookies.value.map((v) => v.key));
    const entry = (cookie: CookieRecord): WsCookie => {
      const key = cookieKey(cookie);
      return { key, cookie, shown: shownKeys.has(key) };
    };
    const storeId = inputs.storeId.value;
    const created = createdMs.value;
    const blockThirdPartyCookies = blockThirdParty.value;
    const ctx: WouldSendContext = {
      url: parsed.href,
      kind: request,
      nowMs: inputs.now.value,
      method: method.value,
      unspecifiedSameSite,
      blockThirdPartyCookies,
      ...(siteUrl === undefined ? {} : { topLevelSite: siteUrl }),
      ...(storeId === undefined ? {} : { storeId }),
      ...(created === undefined ? {} : { createdMs: created }),
    };
    const r = wouldSend(records, ctx);
    return {
      kind: 'result',
      url: parsed,
      request,
      method: method.value,
      sent: r.sent.map(entry),
      notSent: r.notSent.map((n) => ({ ...entry(n.cookie), reasons: n.reasons.map((x) => x.reason) })),
      header: r.header,
      orderCertain: r.orderCertain,
      shadowed: repeatedNames(r.sent),
      sameSite: r.context.sameSite,
      topLevelSite: r.context.topLevelSite,
      unspecifiedSameSite,
      blockThirdPartyCookies,
    };
  });

  /** Back to the inspected page's URL (and on another site, where a typed URL would ask about the old one). */
  function usePageUrl(): void {
    urlText.value = null;
  }

  const source = computed(() => jar.value.source);

  return { urlText, url, kind, siteText, method, blockThirdParty, outcome, source, usePageUrl, readJar };
}

export type WouldSendSlice = ReturnType<typeof createWouldSendSlice>;
