import { describe, expect, it } from 'vitest';
import { parseWriteOps } from '../../../src/core/edit/parse-write-ops';
import { makeCookie } from '../../fakes/make-cookie';

describe('parseWriteOps', () => {
  it('keeps well-formed ops with every field, partition included', () => {
    const c = makeCookie({ browserSession: false, expirationDate: 99, partitionKey: { topLevelSite: 'https://t.io' } });
    expect(
      parseWriteOps([
        { kind: 'set', cookie: c, replaces: makeCookie() },
        { kind: 'remove', cookie: c },
      ]),
    ).toEqual([
      { kind: 'set', cookie: c, replaces: makeCookie() },
      { kind: 'remove', cookie: c },
    ]);
  });

  it('refuses the whole batch when one op is malformed', () => {
    expect(
      parseWriteOps([
        { kind: 'remove', cookie: makeCookie() },
        { kind: 'drop', cookie: makeCookie() },
      ]),
    ).toBeNull();
    expect(parseWriteOps([{ kind: 'set', cookie: { ...makeCookie(), sameSite: 'none' } }])).toBeNull();
    expect(parseWriteOps([{ kind: 'set', cookie: makeCookie(), replaces: {} }])).toBeNull();
    expect(parseWriteOps('x')).toBeNull();
  });
});
