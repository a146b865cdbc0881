import type { CookieRecord } from '../core/cookie/cookie-record';
import type { NotSentReason, RequestKind } from '../core/cookie/would-send';
import type { Choices } from './ChoiceSelect';

/** The request kinds of the would-send tool, as the user picks them. */
export const REQUEST_KINDS: Choices<RequestKind> = [
  { id: 'top-level-navigation', label: 'Top-level navigation (link, typed URL, form)' },
  { id: 'same-site-subresource', label: 'Same-site subresource (image, script, fetch from this site)' },
  { id: 'cross-site-subresource', label: 'Cross-site subresource (embedded in another site’s page)' },
  { id: 'cross-site-fetch', label: 'Credentialed cross-site fetch (credentials: "include")' },
];

/** The short name of each reason a cookie stays home (a chip beside the sentence). */
export const REASON_LABELS: Record<NotSentReason, string> = {
  store: 'Store',
  expired: 'Expired',
  domain: 'Domain',
  path: 'Path',
  secure: 'Secure',
  samesite: 'SameSite',
  partition: 'Partition',
  'third-party-blocked': 'Third-party',
};

export interface ReasonContext {
  url: URL;
  request: RequestKind;
  method: string;
  topLevelSite: string | undefined;
  unspecifiedSameSite: 'lax' | 'none';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

function sameSiteWords(c: CookieRecord, ctx: ReasonContext): string {
  if (c.sameSite === 'strict') return 'SameSite=Strict: never sent with a cross-site request.';
  const what =
    c.sameSite === 'unspecified' ? 'No SameSite attribute, so this browser treats it as Lax' : 'SameSite=Lax';
  if (ctx.request === 'top-level-navigation' && !SAFE_METHODS.has(ctx.method)) {
    return `${what}: a cross-site navigation carries it only with a safe method such as GET, not ${ctx.method}.`;
  }
  return `${what}: of cross-site requests, only top-level navigations carry it.`;
}

/** Why `c` does not go with the request, in a sentence (text, never markup: names and paths are the page's). */
export function reasonWords(reason: NotSentReason, c: CookieRecord, ctx: ReasonContext): string {
  const host = ctx.url.hostname;
  switch (reason) {
    case 'store':
      return 'In another cookie store than this tab’s (a container or a private window): never sent from here.';
    case 'expired':
      return 'Expired: the browser no longer sends it.';
    case 'domain':
      return c.hostOnly
        ? `Domain: sent only to ${c.domain} itself (host-only), not to ${host}.`
        : `Domain: sent to ${c.domain.replace(/^\./, '')} and its subdomains, not to ${host}.`;
    case 'path':
      return `Path: sent only under ${c.path}, and ${ctx.url.pathname} is outside it.`;
    case 'secure':
      return `Secure: sent only over https (and to localhost), not over ${ctx.url.protocol.replace(/:$/, '')}.`;
    case 'samesite':
      return sameSiteWords(c, ctx);
    case 'partition':
      return `Partitioned under ${c.partitionKey?.topLevelSite ?? 'no site'}: sent only when that is the top-level site (here ${ctx.topLevelSite ?? 'none was given'}).`;
    case 'third-party-blocked':
      return 'Third-party cookies blocked: an unpartitioned cookie does not go with a cross-site request (only partitioned ones do).';
  }
}
