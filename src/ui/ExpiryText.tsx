import type { ComponentChild } from 'preact';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { describeExpiry, type ExpiryInfo } from '../core/cookie/expiry';
import { formatDate } from './format-date';

export interface ExpiryTextProps {
  cookie: Pick<CookieRecord, 'browserSession' | 'expirationDate'>;
  now: number;
  class?: string;
}

/** What ExpiryText puts in its element (its attributes and children), for a caller with an element of its own. */
export interface ExpiryParts {
  attrs: { class: string; 'data-testid': 'cookie-expiry'; 'data-kind': string; 'data-expired'?: string };
  children: ComponentChild[];
}

/** The class and data attributes of either form (docs/dom-contract.md). */
function expiryAttrs(info: ExpiryInfo): ExpiryParts['attrs'] {
  if (info.kind === 'session')
    return { class: 'expiry session', 'data-testid': 'cookie-expiry', 'data-kind': 'session' };
  return {
    class: info.expired ? 'expiry expired' : 'expiry',
    'data-testid': 'cookie-expiry',
    'data-kind': 'expires',
    'data-expired': String(info.expired),
  };
}

export function expiryParts(cookie: ExpiryTextProps['cookie'], now: number): ExpiryParts {
  const info = describeExpiry(cookie, now);
  if (info.kind === 'session') return { attrs: expiryAttrs(info), children: ['session'] };
  return {
    attrs: expiryAttrs(info),
    children: [
      <time dateTime={info.iso}>{formatDate(cookie.expirationDate! * 1000)}</time>,
      ' ',
      <span class="relative">({info.relative})</span>,
    ],
  };
}

/** The panel row's expiry cell: its attributes (the full date and distance as its tooltip) and its one text. */
export interface ExpiryCellParts {
  attrs: ExpiryParts['attrs'] & { title: string };
  text: string;
}

/**
 * The expiry as a one-line table cell shows it: how long the cookie has left ("in 13 days", "expired 2 h ago",
 * "session"), which is what a narrow column can show whole, and the absolute date in UTC with it as the tooltip (the
 * detail pane shows both). The cell used to show the date first, which a column of about 90 px cut after the day, so
 * the distance never showed; and text cut by a cell costs the cell a clip of its own at every filter keystroke.
 * The cell's text, not elements in it: a filter keystroke rewrites the drawn rows' cells.
 */
export function expiryCellParts(cookie: ExpiryTextProps['cookie'], now: number): ExpiryCellParts {
  const info = describeExpiry(cookie, now);
  if (info.kind === 'session') {
    const title = 'No expiry date: the browser deletes it when its session ends';
    return { attrs: { ...expiryAttrs(info), title }, text: 'session' };
  }
  const title = `${formatDate(cookie.expirationDate! * 1000)} (${info.relative})`;
  return { attrs: { ...expiryAttrs(info), title }, text: info.relative };
}

/**
 * "session", or the absolute date in UTC and how far away it is ("in 13 days", "expired 2 h ago").
 *
 * Hook-free on purpose: CookieRow calls it as a plain function (one fewer component instance per row).
 */
export function ExpiryText({ cookie, now, class: cls }: ExpiryTextProps) {
  const { attrs, children } = expiryParts(cookie, now);
  return (
    <span {...attrs} class={cls ? `${attrs.class} ${cls}` : attrs.class}>
      {children}
    </span>
  );
}
