import { describe, expect, it } from 'vitest';
import { isJsonObject, jsonText, layerJson, shownText } from '../../../src/core/decode/json';

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
