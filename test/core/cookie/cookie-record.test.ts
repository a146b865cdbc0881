import { describe, expect, it } from 'vitest';
import { cookieFlags } from '../../../src/core/cookie/cookie-record';

describe('cookieFlags', () => {
  it('copies the four flags and nothing else', () => {
    const flags = cookieFlags({
      name: 'sid',
      value: 'v',
      hostOnly: true,
      secure: false,
      httpOnly: true,
      sameSite: 'strict',
    } as Parameters<typeof cookieFlags>[0]);
    expect(flags).toEqual({ hostOnly: true, secure: false, httpOnly: true, sameSite: 'strict' });
  });

  it('reads a missing SameSite as unspecified', () => {
    expect(cookieFlags({ hostOnly: false, secure: true, httpOnly: false }).sameSite).toBe('unspecified');
  });
});
