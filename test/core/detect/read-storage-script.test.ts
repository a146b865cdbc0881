// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_STORAGE_VALUE_CHARS,
  READ_STORAGE_SCRIPT,
  storageEntriesOf,
  storageReadOf,
} from '../../../src/core/detect/read-storage-script';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** Runs the script the way a page evaluates it: as an expression. */
function evaluateInPage(): unknown {
  return new Function(`return ${READ_STORAGE_SCRIPT}`)();
}

describe('READ_STORAGE_SCRIPT', () => {
  it("returns the page's origin and both storage areas, values cut to the bound", () => {
    localStorage.setItem('access_token', 'abc');
    localStorage.setItem('big', 'x'.repeat(MAX_STORAGE_VALUE_CHARS + 10));
    sessionStorage.setItem('s', '1');
    const read = storageReadOf(evaluateInPage());
    expect(read.origin).toBe(location.origin);
    expect(new Map(read.local).get('access_token')).toBe('abc');
    expect(new Map(read.local).get('big')).toHaveLength(MAX_STORAGE_VALUE_CHARS);
    expect(read.session).toEqual([['s', '1']]);
  });
});

describe('storageReadOf', () => {
  it('keeps only well-formed pairs and reads anything else as empty', () => {
    expect(storageReadOf(null)).toEqual({ origin: '', local: [], session: [] });
    expect(storageReadOf({ origin: 'o', local: [], session: [], omitted: 3 }).omitted).toBe(3);
    expect(storageReadOf({ origin: 'o', local: [], session: [], omitted: -1 }).omitted).toBeUndefined();
    expect(storageReadOf({ origin: 5, local: [['a', 'b'], ['c'], [1, 'x'], 'junk'], session: 'x' })).toEqual({
      origin: '',
      local: [['a', 'b']],
      session: [],
    });
  });

  it('gives the token finder one entry per pair, with its area and origin', () => {
    const read = {
      origin: 'https://app.example.com',
      local: [['a', '1']] as Array<[string, string]>,
      session: [['b', '2']] as Array<[string, string]>,
    };
    expect(storageEntriesOf(read)).toEqual([
      { key: 'a', value: '1', area: 'localStorage', origin: 'https://app.example.com' },
      { key: 'b', value: '2', area: 'sessionStorage', origin: 'https://app.example.com' },
    ]);
  });
});
