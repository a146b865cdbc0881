import type { CookieRecord } from '../core/cookie/cookie-record';
import { describeExpiry } from '../core/cookie/expiry';
import { formatDate } from './format-date';

export interface ExpiryTextProps {
  cookie: Pick<CookieRecord, 'browserSession' | 'expirationDate'>;
  now: number;
  class?: string;
}

/**
 * "session", or the absolute date in UTC and how far away it is ("in 13 days", "expired 2 h ago").
 *
 * Hook-free on purpose: CookieRow calls it as a plain function (one fewer component instance per row).
 */
export function ExpiryText({ cookie, now, class: cls }: ExpiryTextProps) {
  const info = describeExpiry(cookie, now);
  const extra = cls ? ` ${cls}` : '';
  if (info.kind === 'session') {
    return (
      <span class={`expiry session${extra}`} data-testid="cookie-expiry" data-kind="session">
        session
      </span>
    );
  }
  return (
    <span
      class={`expiry${info.expired ? ' expired' : ''}${extra}`}
      data-testid="cookie-expiry"
      data-kind="expires"
      data-expired={String(info.expired)}
    >
      <time dateTime={info.iso}>{formatDate(cookie.expirationDate! * 1000)}</time>{' '}
      <span class="relative">({info.relative})</span>
    </span>
  );
}
