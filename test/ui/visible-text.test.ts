import { describe, expect, it } from 'vitest';
import { shorten, visibleSegments } from '../../src/ui/visible-text';

describe('visibleSegments', () => {
  it('leaves ordinary text as one segment', () => {
    expect(visibleSegments('abc=123; ünïcødé 🍪')).toEqual(['abc=123; ünïcødé 🍪']);
  });

  it('turns C0 controls and DEL into control pictures', () => {
    expect(visibleSegments('a\u0000b\nc\u007f')).toEqual([
      'a',
      { shown: '\u2400', code: 'U+0000' },
      'b',
      { shown: '\u240a', code: 'U+000A' },
      'c',
      { shown: '\u2421', code: 'U+007F' },
    ]);
  });

  it('exposes bidi overrides, zero-width characters and C1 controls by code point', () => {
    const segs = visibleSegments('x\u202Ey\u200Bz\u0085');
    expect(segs.filter((s) => typeof s !== 'string').map((s) => (typeof s === 'string' ? s : s.shown))).toEqual([
      'U+202E',
      'U+200B',
      'U+0085',
    ]);
  });

  it('flags lone surrogates but keeps valid pairs', () => {
    expect(visibleSegments('\ud83c\udf6a')).toEqual(['\ud83c\udf6a']);
    const lone = visibleSegments('a\ud800b');
    expect(lone[1]).toEqual({ shown: 'U+D800', code: 'lone surrogate U+D800' });
    expect(visibleSegments('a\udc00')[1]).toEqual({ shown: 'U+DC00', code: 'lone surrogate U+DC00' });
    expect(visibleSegments('plain')).toEqual(['plain']);
  });
});

describe('shorten', () => {
  it('keeps short strings whole', () => {
    expect(shorten('abc', 3)).toEqual({ text: 'abc', omitted: 0 });
  });

  it('cuts long strings and counts what it left out', () => {
    const s = 'x'.repeat(4096);
    expect(shorten(s, 100)).toEqual({ text: 'x'.repeat(100), omitted: 3996 });
  });

  it('never splits a surrogate pair', () => {
    const r = shorten('ab\ud83c\udf6acd', 3);
    expect(r.text).toBe('ab');
    expect(r.omitted).toBe(4);
  });
});
