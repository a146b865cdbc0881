import { describe, expect, it } from 'vitest';
import { findSensitiveKeys } from '../../../src/core/audit/sensitive-keys';

describe('findSensitiveKeys', () => {
  it.each([
    [{ password: 'x' }, ['password']],
    [{ userPassword: 'x' }, ['userPassword']],
    [{ api_key: 'k' }, ['api_key']],
    [{ apiKey: 'k' }, ['apiKey']],
    [{ 'private-key': 'k' }, ['private-key']],
    [{ user: { email: 'a@b.example', id: 1 } }, ['user.email']],
    [{ card_number: '4111' }, ['card_number']],
    [{ cvv: 123 }, ['cvv']],
    [{ address: { street: 'x' } }, ['address']],
    [{ note: 'a@b.example' }, ['note']],
    [{ list: ['4111 1111 1111 1111'] }, ['list[0]']],
    // The shortest address there can be, after short strings the walk passes over, and with spaces around it.
    [{ list: ['a', '', 'bc', 'a@b.cc', ' a@b.cc '] }, ['list[3]', 'list[4]']],
    [{ id: '123-45-6789' }, ['id']],
    [{ a_p_i_k_e_y: 'k' }, ['a_p_i_k_e_y']],
    [{ 'api_\u212Aey': 'k' }, ['api_\u212Aey']],
    [{ DateBirth: '1990' }, ['DateBirth']],
  ])('finds %j', (data, paths) => {
    expect(findSensitiveKeys(data)).toEqual(paths);
  });

  it.each([
    [{ user_id: 7, role: 'admin' }],
    [{ email_verified: true }],
    [{ password: '' }],
    [{ cardinality: 'x' }],
    [{ order: '4111 1111 1111 1112' }], // fails the Luhn check
    [null],
    ['a@b.example'],
  ])('finds nothing in %j', (data) => {
    expect(findSensitiveKeys(data)).toEqual([]);
  });

  it('reads a key of thousands of camelCase humps word by word, to its last word', () => {
    const humps = 'aA'.repeat(2000);
    expect(findSensitiveKeys({ [humps]: 'x' })).toEqual([]);
    expect(findSensitiveKeys({ [`${humps}aPassword`]: 'x' })).toEqual([`${humps}aPassword`]);
    expect(findSensitiveKeys({ [`${'aaaaA'.repeat(800)}pi_key`]: 'x' })).toEqual([`${'aaaaA'.repeat(800)}pi_key`]);
    expect(findSensitiveKeys({ [`${'x'.repeat(4000)}_api_key`]: 'x' })).toEqual([`${'x'.repeat(4000)}_api_key`]);
  });

  it('stops at a bounded depth instead of recursing forever', () => {
    let deep: Record<string, unknown> = { email: 'a@b.example' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(findSensitiveKeys(deep)).toEqual([]);
  });

  it('never throws on a hostile object', () => {
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(() => findSensitiveKeys(hostile)).not.toThrow();
  });
});
