/**
 * The linear-time rewrites (table base64, the unquoting scan, bracket pre-check, split limits) against the
 * straightforward versions they replaced: same answers on every input, hostile or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64urlToBytes, codeUnitsToString, withoutPadding } from '../../../src/core/decode/bytes';
import { boundDepth, MAX_JSON_DEPTH, parseJson, TOO_DEEP } from '../../../src/core/decode/json';
import { decodeJwt } from '../../../src/core/decode/jwt';
import { unquoteCookieValue } from '../../../src/core/decode/quoted-value';
import { estimateEntropyBits } from '../../../src/core/detect/entropy';
import {
  findSensitiveKeys,
  SENSITIVE_PAIRS as PAIRS,
  SENSITIVE_WORDS as SENSITIVE,
} from '../../../src/core/audit/sensitive-keys';

/** The regex-and-atob decoder the table replaced. */
function referenceBase64(value: string, urlSafe: boolean): number[] | null {
  const alphabet = urlSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(value)) return null;
  let s = value.replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  if (urlSafe) s = s.replace(/-/g, '+').replace(/_/g, '/');
  s += '='.repeat((4 - (s.length % 4)) % 4);
  try {
    return [...atob(s)].map((c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The regex replace the scan replaced. */
function referenceUnquote(value: string): string | null {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return null;
  return value
    .slice(1, -1)
    .replace(/\\(?:([0-3][0-7]{2})|(.))/gs, (_m, octal: string | undefined, ch: string | undefined) =>
      octal !== undefined ? String.fromCharCode(parseInt(octal, 8)) : (ch ?? ''),
    );
}

function referenceParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const asArray = (b: Uint8Array | null) => (b === null ? null : [...b]);
/** Strings over a small alphabet hit the edge cases (padding, mixed alphabets, escapes) far more often. */
const over = (chars: string, maxLength = 40) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));
const RUNS = { numRuns: 3000 };

describe('base64 by table', () => {
  it('decodes exactly as the regex-and-atob version did, in both alphabets', () => {
    fc.assert(
      fc.property(fc.oneof(over('AQgw+/-_=z9 .'), fc.string(), fc.base64String()), (s) => {
        expect(asArray(base64ToBytes(s))).toEqual(referenceBase64(s, false));
        expect(asArray(base64urlToBytes(s))).toEqual(referenceBase64(s, true));
      }),
      RUNS,
    );
  });

  it('strips padding as the regex did', () => {
    fc.assert(
      fc.property(over('=a'), (s) => {
        expect(withoutPadding(s)).toBe(s.replace(/=+$/, ''));
      }),
      RUNS,
    );
  });
});

describe('unquoting by scan', () => {
  it('unescapes exactly as the regex did', () => {
    fc.assert(
      fc.property(fc.oneof(over('"\\0137a8\n'), fc.string()), (s) => {
        for (const v of [s, `"${s}"`]) expect(unquoteCookieValue(v)).toBe(referenceUnquote(v));
      }),
      RUNS,
    );
  });

  it('keeps lone surrogates and long values whole', () => {
    const long = `"${'\\054\ud800'.repeat(5000)}"`;
    expect(unquoteCookieValue(long)).toBe(referenceUnquote(long));
    expect(codeUnitsToString(new Uint16Array([0xd800, 0x41]))).toBe('\ud800A');
  });
});

describe('JSON bracket pre-check', () => {
  it('turns away only what JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.oneof(over('[]{}"\\:,1a '), fc.json(), fc.string()), (s) => {
        const ours = parseJson(s);
        if (referenceParseJson(s) === undefined) expect(ours).toBeUndefined();
        else expect(ours).not.toBeUndefined();
      }),
      RUNS,
    );
  });
});

describe('JSON nested past the depth kept', () => {
  const reference = (text: string) => {
    const v = referenceParseJson(text);
    return v === undefined ? undefined : boundDepth(v);
  };
  /** A JSON-ish element over the characters the grammar turns on, so near-misses are common. */
  const element = fc.oneof(
    fc.json(),
    over('[]{}"\\:,1a -.eE+tuфn\u0001', 8),
    fc.constantFrom('"\\u00zz"', '"\\x"', '01', '1.', '-', 'tru', 'nul', '{"a"}', '{1:2}', '[,]', '"a":1'),
  );

  it('gives exactly what JSON.parse and boundDepth give, valid or not, around the cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_JSON_DEPTH - 2, max: MAX_JSON_DEPTH + 6 }),
        fc.array(element, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('[', '{"k":', '[1,', '{"a":1,"b":'),
        (depth, middle, open) => {
          const close = open.startsWith('{') ? '}' : ']';
          const text = `${open.repeat(depth)}[${middle.join(',')}]${close.repeat(depth)}`;
          expect(parseJson(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads 1,500 nested arrays as JSON cut at the depth kept', () => {
    const text = ` ${'['.repeat(1500)}${']'.repeat(1500)} `;
    expect(parseJson(text)).toEqual(reference(text));
    expect(JSON.stringify(parseJson(text))).toContain(TOO_DEEP);
    expect(parseJson(`${'['.repeat(1500)}1 2${']'.repeat(1500)}`)).toBeUndefined();
  });
});

describe('split limits', () => {
  it('still counts every part in the JWT message', () => {
    expect(decodeJwt('a.b.c.d.e.f.g.h')).toEqual({
      kind: 'not-jwt',
      reason: 'a compact token has 3 or 5 dot-separated parts, this has 8',
    });
  });
});

describe('entropy of padded values', () => {
  it('leaves the padding out, as before', () => {
    expect(estimateEntropyBits('qUJd==')).toBe(4 * Math.log2(64));
    expect(estimateEntropyBits('='.repeat(4095) + 'a')).toBeGreaterThan(0);
  });
});

describe('sensitive key words by scan', () => {
  /** The regex pipeline the scan replaced, applied through findSensitiveKeys' key check. */
  function referenceWords(key: string): string[] {
    return key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '');
  }

  it('finds the same sensitive keys as the regex version', () => {
    const words = [
      'api',
      'Key',
      'e',
      'Mail',
      'pass',
      'word',
      '_',
      '-',
      '\u212A',
      '\u0130',
      'É',
      '9',
      ' ',
      'card',
      'Number',
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((a) => a.join('')),
          fc.string(),
        ),
        (key) => {
          const expected = referenceWords(key);
          const sensitive = findSensitiveKeys({ [key]: 'x' }).length > 0;
          const referenceSensitive =
            expected.some((w) => SENSITIVE.has(w)) ||
            SENSITIVE.has(expected.join('')) ||
            expected.some((w, i) => i + 1 < expected.length && PAIRS.has(`${w} ${expected[i + 1]}`));
          expect(sensitive).toBe(referenceSensitive);
        },
      ),
      RUNS,
    );
  });
});
