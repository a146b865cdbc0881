import { describe, expect, it } from 'vitest';
import { cookieFlags } from '../../../src/core/cookie/cookie-record';
import { makeCookie } from '../../fakes/make-cookie';

describe('cookieFlags', () => {
  it('copies the four flags and nothing else', () => {
    // The shared builder's whole cookie (name, value, domain, store…): only the flags come out.
    const flags = cookieFlags(makeCookie({ secure: false, sameSite: 'strict' }));
    expect(flags).toEqual({ hostOnly: true, secure: false, httpOnly: true, sameSite: 'strict' });
  });

  it('reads a missing SameSite as unspecified', () => {
    expect(cookieFlags({ hostOnly: false, secure: true, httpOnly: false }).sameSite).toBe('unspecified');
  });
});
