import { describe, expect, it } from 'vitest';
import { sigCookiesNamed } from '../../../src/core/cookie/sig-cookies';
import { makeCookie } from '../../fakes/make-cookie';

describe('sigCookiesNamed', () => {
  const a = makeCookie({ name: 'session.sig', value: '1' });
  const b = makeCookie({ name: 'session.sig', value: '2', path: '/app' });
  const other = makeCookie({ name: 'other.sig', value: '3' });
  const plain = makeCookie({ name: 'session', value: '4' });

  it('gives the .sig cookies of that name in jar order, and nothing for other names', () => {
    const jar = [b, plain, other, a];
    expect(sigCookiesNamed(jar, 'session.sig')).toEqual([b, a]);
    expect(sigCookiesNamed(jar, 'other.sig')).toEqual([other]);
    expect(sigCookiesNamed(jar, 'session')).toEqual([]);
    expect(sigCookiesNamed(jar, 'missing.sig')).toEqual([]);
  });

  it('answers for each jar from that jar', () => {
    expect(sigCookiesNamed([a], 'session.sig')).toEqual([a]);
    expect(sigCookiesNamed([b], 'session.sig')).toEqual([b]);
    expect(sigCookiesNamed([], 'session.sig')).toEqual([]);
  });
});
