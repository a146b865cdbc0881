import { describe, expect, it } from 'vitest';
import { previewImport } from '../../../src/core/export/import-preview';
import { cookieInPartition, makeCookie } from '../../fakes/make-cookie';
import { NOW } from './arbitrary-cookie';

const opts = { nowMs: NOW };

describe('previewImport', () => {
  it('classifies by full identity: new, overwrite (with what differs), unchanged, invalid', () => {
    const jar = [
      makeCookie({ name: 'same' }),
      makeCookie({ name: 'changed', value: 'old', httpOnly: true }),
      makeCookie({ name: 'id', path: '/' }),
    ];
    const p = previewImport(
      [
        makeCookie({ name: 'same' }),
        makeCookie({ name: 'changed', value: 'new', httpOnly: false }),
        makeCookie({ name: 'id', path: '/admin' }),
        makeCookie({ name: 'id', storeId: '1' }),
        cookieInPartition('https://example.com', { name: 'id' }),
        makeCookie({ name: '__Host-x', secure: false }),
      ],
      jar,
      opts,
    );
    expect(p.items.map((i) => i.kind)).toEqual(['unchanged', 'overwrite', 'new', 'new', 'new', 'invalid']);
    const overwrite = p.items[1];
    expect(overwrite?.kind === 'overwrite' && overwrite.changed).toEqual(['value', 'httpOnly']);
    expect(overwrite?.kind === 'overwrite' && overwrite.current.value).toBe('old');
    const invalid = p.items[5];
    expect(invalid?.kind === 'invalid' && invalid.problems[0]?.code).toBe('host-prefix');
    expect(p.counts).toEqual({ new: 3, overwrite: 1, unchanged: 1, invalid: 1 });
  });

  it('regression: the same name on two paths never counts as an overwrite of the other', () => {
    const p = previewImport(
      [makeCookie({ name: 'id', path: '/a', value: 'x' })],
      [makeCookie({ name: 'id', path: '/b' })],
      opts,
    );
    expect(p.items[0]?.kind).toBe('new');
  });

  it('an identity given twice keeps the last; the earlier one says it was not imported', () => {
    const p = previewImport([makeCookie({ value: '1' }), makeCookie({ value: '2' })], [], opts);
    expect(p.items.map((i) => i.kind)).toEqual(['invalid', 'new']);
    expect(p.items[0]?.kind === 'invalid' && p.items[0].problems[0]?.reason).toMatch(/appears again later.*entry 2/);
  });

  it('treats an expiry within a second as unchanged (cookies.txt keeps whole seconds)', () => {
    const exp = NOW / 1000 + 86400;
    const p = previewImport(
      [makeCookie({ browserSession: false, expirationDate: Math.floor(exp) })],
      [makeCookie({ browserSession: false, expirationDate: exp + 0.4 })],
      opts,
    );
    expect(p.items[0]?.kind).toBe('unchanged');
  });

  it('an expired cookie is invalid: importing it would delete', () => {
    const p = previewImport(
      [makeCookie({ browserSession: false, expirationDate: NOW / 1000 - 5 })],
      [makeCookie()],
      opts,
    );
    expect(p.items[0]?.kind === 'invalid' && p.items[0].problems.map((x) => x.code)).toEqual(['expired']);
  });
});
