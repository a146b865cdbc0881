import type { CookieRecord } from '../core/cookie/cookie-record';
import { bareDomain } from '../core/cookie/match';
import { sameSiteAttr, sameSiteLabel } from './same-site-attr';

/**
 * The five flag chips of a cookie, in the order rows show them. Plain data (no Preact): FlagChips renders them, and
 * the popup's first paint (src/popup/paint-first-rows.ts) builds the same chips as plain DOM before Preact loads.
 */
export interface Chip {
  flag: string;
  on: boolean;
  label: string;
  /** The few letters the panel's one-line rows show; `label` is their text alternative. */
  short: string;
  title: string;
  /** Shown as a weakness (red outline) when off. */
  protective: boolean;
}

/** The chip of an attribute that protects the cookie when it is set: what it does when set, and when not. */
function attributeChip(flag: string, on: boolean, name: string, short: string, whenSet: string, whenNot: string): Chip {
  return {
    flag,
    on,
    label: on ? name : `no ${name}`,
    short,
    title: on ? `${name}: ${whenSet}` : `Not ${name}: ${whenNot}`,
    protective: true,
  };
}

export function flagChips(c: CookieRecord): Chip[] {
  const ss = sameSiteAttr(c.sameSite);
  const domain = bareDomain(c.domain);
  return [
    attributeChip(
      'httponly',
      c.httpOnly,
      'HttpOnly',
      'H',
      'page scripts cannot read it',
      'any script on the page can read it',
    ),
    attributeChip('secure', c.secure, 'Secure', 'S', 'sent over HTTPS only', 'also sent over plain HTTP'),
    {
      flag: 'samesite',
      on: ss === 'strict' || ss === 'lax',
      label: sameSiteLabel(c.sameSite),
      short: ss === 'strict' ? 'Str' : ss === 'lax' ? 'Lax' : ss === 'none' ? 'None' : '—',
      title:
        ss === 'none'
          ? 'SameSite=None: sent on cross-site requests'
          : ss === 'unspecified'
            ? 'No SameSite attribute: the browser default applies'
            : `${sameSiteLabel(c.sameSite)}: withheld from (most) cross-site requests`,
      protective: true,
    },
    {
      flag: 'partitioned',
      on: c.partitionKey !== undefined,
      label: c.partitionKey ? 'Partitioned' : 'Unpartitioned',
      short: c.partitionKey ? 'P' : '',
      title: c.partitionKey
        ? `Partitioned (CHIPS) under ${c.partitionKey.topLevelSite ?? 'a top-level site'}`
        : 'Not partitioned',
      protective: false,
    },
    {
      flag: 'hostonly',
      on: c.hostOnly,
      label: c.hostOnly ? 'Host-only' : 'Domain',
      short: c.hostOnly ? 'Host' : 'Dom',
      title: c.hostOnly
        ? `Host-only: sent to ${domain} only`
        : `Domain cookie: sent to ${domain} and all its subdomains`,
      protective: false,
    },
  ];
}

/** A chip's classes: on or off, and weak when a protective flag is off. */
export function chipClass(c: Chip): string {
  return `chip${c.on ? ' on' : ' off'}${c.protective && !c.on ? ' weak' : ''}`;
}
