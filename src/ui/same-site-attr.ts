import type { SameSite } from '../core/cookie/cookie-record';

/** The SameSite value as the DOM contract and the chip spell it: the API's `no_restriction` is `None`. */
export function sameSiteAttr(s: SameSite): 'strict' | 'lax' | 'none' | 'unspecified' {
  return s === 'no_restriction' ? 'none' : s;
}

export function sameSiteLabel(s: SameSite): string {
  switch (s) {
    case 'strict':
      return 'SameSite=Strict';
    case 'lax':
      return 'SameSite=Lax';
    case 'no_restriction':
      return 'SameSite=None';
    default:
      return 'SameSite unset';
  }
}
