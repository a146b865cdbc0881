import { describe, expect, it } from 'vitest';
import { untagFlask } from '../../../src/core/decode/flask';

describe("untagFlask reads Flask's TaggedJSONSerializer", () => {
  it('unwraps tuples, bytes, markup, uuids, dates and escaped dict keys, at any depth', () => {
    const tagged = {
      pair: { ' t': [1, { ' t': [2, 3] }, { ' b': Buffer.from('hi').toString('base64') }] },
      html: { ' m': '<b>x</b>' },
      id: { ' u': '12345678123456781234567812345678' },
      when: { ' d': 'Sun, 22 Nov 2026 00:00:00 GMT' },
      escaped: { ' di': { ' t__': 'not a tuple' } },
      binary: { ' b': Buffer.from([0xff, 0xfe]).toString('base64') },
    };
    expect(untagFlask(tagged)).toEqual({
      pair: [1, [2, 3], 'hi'],
      html: '<b>x</b>',
      id: '12345678123456781234567812345678',
      when: 'Sun, 22 Nov 2026 00:00:00 GMT',
      escaped: { ' t': 'not a tuple' },
      binary: 'base64://4=',
    });
  });

  it('leaves ordinary objects with a space-led key of another name alone', () => {
    expect(untagFlask({ ' x': 1 })).toEqual({ ' x': 1 });
    expect(untagFlask({ ' t': [1], other: 2 })).toEqual({ ' t': [1], other: 2 });
  });
});
