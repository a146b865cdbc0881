import { describe, expect, it } from 'vitest';
import { hasFieldTypes, isJsonObject, jsonText, layerJson, shownText } from '../../../src/core/decode/json';

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
