import { describe, expect, it } from 'vitest';
import { weakSecretKey } from '../../../src/core/verify/weak-secret-key';
import { makeCookie } from '../../fakes/make-cookie';

describe('weakSecretKey', () => {
  const session = makeCookie({ name: 'session', value: 'eyJ1IjoxfQ==' });
  const sig = makeCookie({ name: 'session.sig', value: 'abc' });
  const other = makeCookie({ name: 'theme', value: 'dark' });

  it('is the same for the same cookie, value and signature, whatever else is in the jar', () => {
    expect(weakSecretKey(session, [session, sig])).toBe(weakSecretKey({ ...session }, [other, session, sig]));
  });

  it('changes with the value, the .sig value and the cookie identity', () => {
    const key = weakSecretKey(session, [session, sig]);
    expect(weakSecretKey({ ...session, value: 'eyJ1IjoyfQ==' }, [sig])).not.toBe(key);
    expect(weakSecretKey(session, [{ ...sig, value: 'abd' }])).not.toBe(key);
    expect(weakSecretKey({ ...session, path: '/app' }, [sig])).not.toBe(key);
  });

  it('takes every .sig cookie of that name in jar order, and none of another name', () => {
    const sig2 = makeCookie({ name: 'session.sig', value: 'def', path: '/app' });
    const otherSig = makeCookie({ name: 'other.sig', value: 'zzz' });
    const jar = [sig, otherSig, session, sig2];
    expect(JSON.parse(weakSecretKey(session, jar))[2]).toEqual(['abc', 'def']);
    expect(JSON.parse(weakSecretKey(other, jar))[2]).toEqual([]);
    expect(JSON.parse(weakSecretKey(session, [sig2, sig]))[2]).toEqual(['def', 'abc']);
  });
});
