import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../src/core/analyze-site';
import type { VerifyResult } from '../../src/core/verify/verify-result';
import { createVerificationSlice } from '../../src/state/verification-slice';
import { record, view } from '../ui/fixtures';

describe('verification slice', () => {
  it('keeps the outcome for the value checked, never the secrets, and is pending meanwhile', async () => {
    let finish: (r: VerifyResult) => void = () => {};
    const calls: Array<readonly string[]> = [];
    const v = view(record({ name: 'sid', value: 'abc' }));
    const other = view(record({ name: 'sid.sig', value: 'sig' }));
    const jars: string[][] = [];
    const s = createVerificationSlice(signal<readonly CookieView[]>([v, other]), (_cookie, jar, secrets) => {
      calls.push(secrets);
      jars.push(jar.map((c) => c.name));
      return new Promise<VerifyResult>((r) => (finish = r));
    });
    const pending = s.verify(v.key, ['hunter2', 'other']);
    expect(s.verifying.value.has(v.key)).toBe(true);
    finish({ status: 'valid', format: 'express-session', message: 'signature verified with secret #1' });
    expect(await pending).toMatchObject({ status: 'valid' });
    expect(calls).toEqual([['hunter2', 'other']]);
    expect(jars).toEqual([['sid', 'sid.sig']]);
    expect(s.verifying.value.has(v.key)).toBe(false);
    expect(s.verificationOf(v)?.status).toBe('valid');
    expect(JSON.stringify([...s.verifications.value])).not.toContain('hunter2');
    // A rotated value was not checked.
    expect(s.verificationOf({ ...v, cookie: { ...v.cookie, value: 'new' } })).toBeUndefined();
    expect(await s.verify('no such key', ['x'])).toBeNull();
  });

  it('turns a failing verifier into an "unsupported" outcome', async () => {
    const v = view(record({ name: 'sid' }));
    const s = createVerificationSlice(signal<readonly CookieView[]>([v]), () => Promise.reject(new Error('boom')));
    expect(await s.verify(v.key, ['x'])).toMatchObject({ status: 'unsupported', message: 'could not verify: boom' });
    expect(s.verifying.value.size).toBe(0);
  });

  it('starts with no weak-secret progress', () => {
    const s = createVerificationSlice(signal<readonly CookieView[]>([]));
    expect(s.weakSecret.value).toBeNull();
    expect(s.verifications.value.size).toBe(0);
  });
});
