import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import type { ChangeLogEntry, LogCause } from '../../../src/core/timeline/change-log-entry';
import { creationTimes } from '../../../src/core/timeline/creation-times';
import { cookie } from './helpers';

let seq = 0;
function entry(time: number, cause: LogCause, removed: boolean, over: Partial<CookieRecord> = {}): ChangeLogEntry {
  seq += 1;
  return { seq, time, cause, removed, cookie: cookie(over) };
}

const SID = cookieKey(cookie());
const OTHER = cookieKey(cookie({ name: 'other' }));

describe('creationTimes', () => {
  it('is the time of the entry that added the cookie', () => {
    const t = creationTimes([entry(10, 'explicit', false), entry(20, 'explicit', false, { name: 'other' })]);
    expect(t.get(SID)).toBe(10);
    expect(t.get(OTHER)).toBe(20);
  });

  it('keeps the creation time across an overwrite (removal `overwrite`, then the addition)', () => {
    const t = creationTimes([
      entry(10, 'explicit', false),
      entry(30, 'overwrite', true),
      entry(30, 'explicit', false, { value: 'new' }),
    ]);
    expect(t.get(SID)).toBe(10);
  });

  it('starts again after a real removal', () => {
    const t = creationTimes([entry(10, 'explicit', false), entry(20, 'expired', true), entry(40, 'explicit', false)]);
    expect(t.get(SID)).toBe(40);
    expect(creationTimes([entry(10, 'explicit', false), entry(20, 'explicit', true)]).has(SID)).toBe(false);
  });

  it('does not know cookies first met by an overwrite or an unobserved entry', () => {
    expect(creationTimes([entry(30, 'overwrite', true), entry(30, 'explicit', false)]).has(SID)).toBe(false);
    expect(creationTimes([entry(30, 'unobserved', false)]).has(SID)).toBe(false);
  });

  it('reads the entries in sequence order, whatever order they are given in', () => {
    const a = entry(10, 'explicit', false);
    const b = entry(20, 'explicit', true);
    const c = entry(30, 'explicit', false);
    expect(creationTimes([c, b, a]).get(SID)).toBe(30);
  });

  it('skips entries whose name, domain or path was cut (their key is not the cookie’s)', () => {
    const cut = { ...entry(10, 'explicit', false), nameLength: 5000 };
    expect(creationTimes([cut]).size).toBe(0);
  });
});
