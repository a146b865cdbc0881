import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeJsonError,
  hasFieldTypes,
  isJsonObject,
  jsonText,
  layerJson,
  shownText,
} from '../../../src/core/decode/json';

describe('JSON text', () => {
  it('writes JSON, indented when asked', () => {
    expect(jsonText({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(jsonText({ a: 1 }, 2)).toBe('{\n  "a": 1\n}');
  });

  it('never throws: what JSON cannot write comes back as text', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(jsonText(cycle)).toBe('[object Object]');
    expect(jsonText(10n)).toBe('10');
    expect(jsonText(undefined)).toBe('undefined');
  });

  it('cuts a layer at its limit and shows strings on screen as themselves', () => {
    expect(layerJson('x'.repeat(5000))).toMatch(/… \(5002 characters\)$/);
    expect(shownText('plain')).toBe('plain');
    expect(shownText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe('isJsonObject', () => {
  it('is true for objects only', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('{}')).toBe(false);
  });
});

describe('hasFieldTypes', () => {
  const types = { name: 'string', time: 'number', removed: 'boolean' } as const;

  it('accepts an object whose named fields have those types, whatever else it holds', () => {
    expect(hasFieldTypes({ name: 'a', time: 1, removed: false, other: null }, types)).toBe(true);
  });

  it('turns away a missing or mistyped field, arrays, null and other values', () => {
    expect(hasFieldTypes({ name: 'a', time: 1 }, types)).toBe(false);
    expect(hasFieldTypes({ name: 'a', time: '1', removed: false }, types)).toBe(false);
    expect(hasFieldTypes(Object.assign([], { name: 'a', time: 1, removed: false }), types)).toBe(false);
    expect(hasFieldTypes(null, types)).toBe(false);
    expect(hasFieldTypes('name', types)).toBe(false);
  });
});

describe('describeJsonError', () => {
  it.each([
    [
      '[{"name":"a",}]',
      'line 1, column 14: expected a name in double quotes, found }: JSON allows no comma before } ([{"name":"a",▸}])',
    ],
    [
      '[1, 2,\n]',
      'line 2, column 1: expected a value (an object, array, string in double quotes, number, true, false or null), found ]: JSON allows no comma before ] (▸])',
    ],
    ['{"a":1 "b":2}', 'line 1, column 8: expected , or }, found " ({"a":1 ▸"b":2})'],
    [
      '[\n  {"name": "sid",\n   "value": “x”}\n]',
      'line 3, column 13: expected a value (an object, array, string in double quotes, number, true, false or null), found “ (U+201C) ("value": ▸“x”})',
    ],
    [
      '{"a":"x\ty"}',
      'line 1, column 8: a control character inside a string must be escaped (a tab as \\t, a line break as \\n), found U+0009 ({"a":"x▸\ty"})',
    ],
    ['[1,2', 'line 1, column 5: expected , or ], the input ends ([1,2▸)'],
    ['{"a":1}}', 'line 1, column 8: expected the end of the input, found } ({"a":1}▸})'],
    ["{'a':1}", "line 1, column 2: expected a name in double quotes, found ' ({▸'a':1})"],
    ['{"a" 1}', 'line 1, column 6: expected :, found 1 ({"a" ▸1})'],
    ['"\\q"', 'line 1, column 3: expected one of " \\ / b f n r t u after \\, found q ("\\▸q")'],
    ['"\\u12G4"', 'line 1, column 6: expected four hex digits after \\u, found G ("\\u12▸G4")'],
    [
      '\u200b[1]',
      'line 1, column 1: expected a value (an object, array, string in double quotes, number, true, false or null), found U+200B (▸\u200b[1])',
    ],
    ['{"a":"unterminated', 'line 1, column 19: expected the string\'s closing ", the input ends ({"a":"unterminated▸)'],
    // Columns count characters: the emoji before the spot is one, not two UTF-16 units.
    ['["😀" 1]', 'line 1, column 6: expected , or ], found 1 (["😀" ▸1])'],
  ])('%j: %s', (text, described) => {
    expect(describeJsonError(text)).toBe(described);
  });

  it('quotes at most 24 characters of the line on either side of the spot', () => {
    const text = `{"long": "${'x'.repeat(100)}" "next": "${'y'.repeat(100)}"}`;
    const described = describeJsonError(text) ?? '';
    expect(described).toMatch(/^line 1, column 113: expected , or \}, found " \((.*)\)$/);
    const quoted = /\((.*)\)$/.exec(described)?.[1] ?? '';
    expect(quoted).toBe(`${'x'.repeat(22)}" ▸"next": "${'y'.repeat(15)}`);
  });

  it('starts where it is told, counting lines from the start of the text', () => {
    expect(describeJsonError('\u00a0\n{"a":}', 1)).toBe(
      'line 2, column 6: expected a value (an object, array, string in double quotes, number, true, false or null), found } ({"a":▸})',
    );
  });

  it('is null exactly when JSON.parse accepts the text', () => {
    const parses = (t: string) => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    // Valid JSON, and valid JSON with one character deleted, inserted or replaced: mostly near misses.
    const nearJson = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('del', 'ins', 'rep', 'none'),
        fc.constantFrom(...',:[]{}"\\ 0-e.tx\n\u201c'),
      )
      .map(([json, n, op, c]) => {
        const i = json.length === 0 ? 0 : n % json.length;
        if (op === 'del') return json.slice(0, i) + json.slice(i + 1);
        if (op === 'ins') return json.slice(0, i) + c + json.slice(i);
        if (op === 'rep') return json.slice(0, i) + c + json.slice(i + 1);
        return json;
      });
    fc.assert(
      fc.property(fc.oneof(nearJson, fc.string()), (text) => {
        expect(describeJsonError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('describes 2 MB of open brackets without deep recursion', () => {
    expect(describeJsonError('['.repeat(2_000_000))).toMatch(/^line 1, column 2000001: expected a value/);
  });
});
