import type { RowView } from '../core/row-view';
import { sameSiteAttr } from './same-site-attr';

/** The data attributes docs/dom-contract.md promises on every cookie row, popup and panel alike. */
export function cookieRowAttrs(
  view: Pick<RowView, 'key' | 'cookie' | 'sessionReason' | 'findings'>,
): Record<string, string> {
  const c = view.cookie;
  return {
    'data-testid': 'cookie-row',
    'data-key': view.key,
    'data-name': c.name,
    'data-domain': c.domain,
    'data-path': c.path,
    'data-session': String(view.sessionReason !== null),
    'data-httponly': String(c.httpOnly),
    'data-secure': String(c.secure),
    'data-partitioned': String(c.partitionKey !== undefined),
    'data-hostonly': String(c.hostOnly),
    'data-samesite': sameSiteAttr(c.sameSite),
    'data-findings': String(view.findings.length),
  };
}
