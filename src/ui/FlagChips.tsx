import type { CookieRecord } from '../core/cookie/cookie-record';
import { bareDomain } from '../core/cookie/match';
import { sameSiteAttr, sameSiteLabel } from './same-site-attr';

interface Chip {
  flag: string;
  on: boolean;
  label: string;
  title: string;
  /** Shown as a weakness (red outline) when off. */
  protective: boolean;
}

function chips(c: CookieRecord): Chip[] {
  const ss = sameSiteAttr(c.sameSite);
  const domain = bareDomain(c.domain);
  return [
    {
      flag: 'httponly',
      on: c.httpOnly,
      label: c.httpOnly ? 'HttpOnly' : 'no HttpOnly',
      title: c.httpOnly ? 'HttpOnly: page scripts cannot read it' : 'Not HttpOnly: any script on the page can read it',
      protective: true,
    },
    {
      flag: 'secure',
      on: c.secure,
      label: c.secure ? 'Secure' : 'no Secure',
      title: c.secure ? 'Secure: sent over HTTPS only' : 'Not Secure: also sent over plain HTTP',
      protective: true,
    },
    {
      flag: 'samesite',
      on: ss === 'strict' || ss === 'lax',
      label: sameSiteLabel(c.sameSite),
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
      title: c.partitionKey
        ? `Partitioned (CHIPS) under ${c.partitionKey.topLevelSite ?? 'a top-level site'}`
        : 'Not partitioned',
      protective: false,
    },
    {
      flag: 'hostonly',
      on: c.hostOnly,
      label: c.hostOnly ? 'Host-only' : 'Domain',
      title: c.hostOnly
        ? `Host-only: sent to ${domain} only`
        : `Domain cookie: sent to ${domain} and all its subdomains`,
      protective: false,
    },
  ];
}

// Hook-free on purpose: CookieRow calls it as a plain function (one fewer component instance per row).
export function FlagChips({ cookie, class: cls }: { cookie: CookieRecord; class?: string }) {
  return (
    <ul class={cls ? `chips ${cls}` : 'chips'} data-testid="cookie-flags" aria-label="Flags">
      {chips(cookie).map((c) => (
        <li
          key={c.flag}
          class={`chip${c.on ? ' on' : ' off'}${c.protective && !c.on ? ' weak' : ''}`}
          data-flag={c.flag}
          data-on={String(c.on)}
          title={c.title}
        >
          {c.label}
        </li>
      ))}
    </ul>
  );
}
