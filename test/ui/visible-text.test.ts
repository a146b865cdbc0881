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

describe('every default-ignorable and bidi-control code point', () => {
  // The properties themselves, tested one code point at a time (no hand list to fall out of date).
  const PROPERTY = /^(?:\p{Default_Ignorable_Code_Point}|\p{Bidi_Control})$/u;
  const hex = (cp: number) => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  const all: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (PROPERTY.test(String.fromCodePoint(cp))) all.push(cp);
  }

  it('finds the characters the properties name, beyond the BMP too', () => {
    expect(all.length).toBeGreaterThan(4000);
    for (const cp of [0xad, 0x200b, 0x200d, 0x202e, 0x2066, 0xfe0f, 0xfeff, 0x1d173, 0xe0041]) {
      expect(all).toContain(cp);
    }
  });

  it('shows each one as its code point, between the text around it', () => {
    const wrong = all.filter((cp) => {
      const segs = visibleSegments(`a${String.fromCodePoint(cp)}b`);
      return !(
        segs.length === 3 &&
        segs[0] === 'a' &&
        segs[2] === 'b' &&
        typeof segs[1] !== 'string' &&
        segs[1]!.shown === hex(cp) &&
        segs[1]!.code === hex(cp)
      );
    });
    expect(wrong.map(hex)).toEqual([]);
  });

  it('leaves letters, digits, punctuation and emoji of every plane alone', () => {
    const visible = ['A', 'é', 'ß', 'Ж', 'ع', 'א', '中', '🍪', '𝔸', '😀', '‐', '＝'];
    for (const ch of visible) expect(visibleSegments(`x${ch}y`)).toEqual([`x${ch}y`]);
  });

  it('takes linear time on a value made only of hidden characters', () => {
    const value = '\u{E0041}\u200b'.repeat(1365);
    const started = performance.now();
    const segs = visibleSegments(value);
    expect(segs).toHaveLength(2730);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
