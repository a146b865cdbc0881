import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILTER_HELP, filterHelpText } from '../../../src/core/filter/filter-help';
import { MAX_FILTER_CHARS, MAX_FILTER_TERMS, parseDuration, parseFilter } from '../../../src/core/filter/parse-filter';

/** The terms without their positions, for readable expectations. */
function bodies(text: string) {
  return parseFilter(text).query.terms.map(({ start: _s, end: _e, ...rest }) => rest);
}

describe('parseFilter', () => {
  it('reads every kind of term', () => {
    expect(
      bodies(
        'name:sid domain:example value:abc path:/api flag:httponly -flag:secure samesite:none partitioned:yes ' +
          'session:no has:finding severity>=high rule:samesite-none expires<1d free',
      ),
    ).toEqual([
      { kind: 'text', field: 'name', needle: 'sid', negate: false },
      { kind: 'text', field: 'domain', needle: 'example', negate: false },
      { kind: 'text', field: 'value', needle: 'abc', negate: false },
      { kind: 'text', field: 'path', needle: '/api', negate: false },
      { kind: 'flag', flag: 'httponly', negate: false },
      { kind: 'flag', flag: 'secure', negate: true },
      { kind: 'samesite', value: 'none', negate: false },
      { kind: 'partitioned', yes: true, negate: false },
      { kind: 'session', yes: false, negate: false },
      { kind: 'has', what: 'finding', negate: false },
      { kind: 'severity', op: '>=', severity: 'high', negate: false },
      { kind: 'rule', id: 'samesite-none', negate: false },
      { kind: 'expires', op: '<', ms: 86_400_000, negate: false },
      { kind: 'text', field: 'any', needle: 'free', negate: false },
    ]);
    expect(parseFilter('name:sid flag:secure').errors).toEqual([]);
  });

  it('keeps spaces and colons in quoted values, with \\" escapes', () => {
    expect(bodies('name:"a b" "x:y" value:"say \\"hi\\""')).toEqual([
      { kind: 'text', field: 'name', needle: 'a b', negate: false },
      { kind: 'text', field: 'any', needle: 'x:y', negate: false },
      { kind: 'text', field: 'value', needle: 'say "hi"', negate: false },
    ]);
  });

  it('reports each wrong term with its position and keeps the valid ones', () => {
    const text = 'sid flag:bogus expires:1d foo:bar severity>=huge name:"open';
    const { query, errors } = parseFilter(text);
    expect(query.terms.map((t) => t.kind)).toEqual(['text']);
    expect(errors.map((e) => text.slice(e.start, e.end))).toEqual([
      'flag:bogus',
      'expires:1d',
      'foo:bar',
      'severity>=huge',
      'name:"open',
    ]);
    expect(errors[0]!.message).toMatch(/httponly/);
    expect(errors[1]!.message).toMatch(/expires</);
    expect(errors[2]!.message).toMatch(/unknown field "foo"/);
    expect(errors[4]!.message).toMatch(/closing quote/);
  });

  it('records term positions, negation included', () => {
    const text = '  -name:sid  x';
    const [a, b] = parseFilter(text).query.terms;
    expect(text.slice(a!.start, a!.end)).toBe('-name:sid');
    expect(text.slice(b!.start, b!.end)).toBe('x');
  });

  it('takes only < and > for expires and only : for text fields', () => {
    expect(parseFilter('name>x').errors).toHaveLength(1);
    expect(bodies('expires>=2w')).toEqual([{ kind: 'expires', op: '>=', ms: 2 * 604_800_000, negate: false }]);
    expect(bodies('severity:low')).toEqual([{ kind: 'severity', op: '=', severity: 'low', negate: false }]);
  });

  it('a lone "-" is text, and an empty key is an error', () => {
    expect(bodies('-')).toEqual([{ kind: 'text', field: 'any', needle: '-', negate: false }]);
    expect(parseFilter('name:').errors[0]!.message).toMatch(/needs a value/);
  });

  it('bounds the text and the number of terms', () => {
    const long = 'a '.repeat(MAX_FILTER_CHARS);
    const r = parseFilter(long);
    expect(r.query.terms).toHaveLength(MAX_FILTER_TERMS);
    expect(r.errors.map((e) => e.message)).toEqual([
      `the filter is cut at ${MAX_FILTER_CHARS} characters`,
      `only the first ${MAX_FILTER_TERMS} terms are used`,
    ]);
  });

  it('parses durations in s, m, h, d, w', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('2W')).toBe(1_209_600_000);
    expect(parseDuration('1y')).toBeNull();
    expect(parseDuration('d')).toBeNull();
  });

  it('never throws, and every error and term lies inside the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'n', ':', '"', '\\', '-', ' ', '<', '=', '>', '1', 'd', 'é') }),
        (text) => {
          const { query, errors } = parseFilter(text);
          for (const x of [...query.terms, ...errors]) {
            expect(x.start).toBeGreaterThanOrEqual(0);
            expect(x.end).toBeGreaterThan(x.start);
            expect(x.end).toBeLessThanOrEqual(text.length);
          }
          // Terms and errors never overlap and come in text order.
          const spans = [...query.terms, ...errors.filter((e) => e.start < MAX_FILTER_CHARS)].sort(
            (p, q) => p.start - q.start,
          );
          for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
        },
      ),
    );
  });

  it('takes linear time on hostile input', () => {
    const hostile = ['"'.repeat(MAX_FILTER_CHARS), 'name:'.repeat(200), '\\"'.repeat(500), '-'.repeat(1000)];
    for (const text of hostile) {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) parseFilter(text);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});

describe('filter help', () => {
  it.each(FILTER_HELP)('$syntax parses without errors', ({ syntax }) => {
    const r = parseFilter(syntax);
    expect(r.errors).toEqual([]);
    expect(r.query.terms.length).toBeGreaterThan(0);
  });

  it('lists every field of the language', () => {
    const text = filterHelpText();
    for (const key of ['name:', 'domain:', 'value:', 'path:', 'flag:', 'samesite:', 'partitioned:', 'session:']) {
      expect(text).toContain(key);
    }
    for (const key of ['has:', 'severity>=', 'rule:', 'expires<']) expect(text).toContain(key);
  });
});
