/**
 * The linear-time rewrites (table base64, the unquoting scan, bracket pre-check, split limits, the JWS-shape gate,
 * paths built only for hits, copies made only where needed) against the straightforward versions they replaced:
 * same answers on every input, hostile or not.
 */
import fc from 'fast-check';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64urlToBytes, codeUnitsToString, withoutPadding } from '../../../src/core/decode/bytes';
import { boundDepth, MAX_JSON_DEPTH, parseJson, TOO_DEEP } from '../../../src/core/decode/json';
import { untagFlask } from '../../../src/core/decode/flask';
import { decodeJwt } from '../../../src/core/decode/jwt';
import { findNestedJwt } from '../../../src/core/decode/nested-token';
import { unquoteCookieValue } from '../../../src/core/decode/quoted-value';
import { estimateEntropyBits } from '../../../src/core/detect/entropy';
import { isIdShaped } from '../../../src/core/detect/opaque-id';
import { parseExpressSession } from '../../../src/core/decode/express-session';
import {
  findSensitiveKeys,
  SENSITIVE_PAIRS as PAIRS,
  SENSITIVE_WORDS as SENSITIVE,
} from '../../../src/core/audit/sensitive-keys';
import { base64url, makeJwt } from '../../fakes/make-jwt';

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

/** JSON.parse, then cut to the depth kept: what the one-pass parser must give. */
function referenceBounded(text: string): unknown {
  const v = referenceParseJson(text);
  return v === undefined ? undefined : boundDepth(v);
}

const asArray = (b: Uint8Array | null) => (b === null ? null : [...b]);
/** Strings over a small alphabet hit the edge cases (padding, mixed alphabets, escapes) far more often. */
const over = (chars: string, maxLength = 40) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));
const RUNS = { numRuns: 3000 };
/** `check` holds for every value `arbitrary` draws, over RUNS runs. */
const forAll = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void) =>
  fc.assert(fc.property(arbitrary, check), RUNS);

describe('base64 by table', () => {
  it('decodes exactly as the regex-and-atob version did, in both alphabets', () => {
    forAll(fc.oneof(over('AQgw+/-_=z9 .'), fc.string(), fc.base64String()), (s) => {
      expect(asArray(base64ToBytes(s))).toEqual(referenceBase64(s, false));
      expect(asArray(base64urlToBytes(s))).toEqual(referenceBase64(s, true));
    });
  });

  it('strips padding as the regex did', () => {
    forAll(over('=a'), (s) => {
      expect(withoutPadding(s)).toBe(s.replace(/=+$/, ''));
    });
  });
});

describe('unquoting by scan', () => {
  it('unescapes exactly as the regex did', () => {
    forAll(fc.oneof(over('"\\0137a8\n'), fc.string()), (s) => {
      for (const v of [s, `"${s}"`]) expect(unquoteCookieValue(v)).toBe(referenceUnquote(v));
    });
  });

  it('keeps lone surrogates and long values whole', () => {
    const long = `"${'\\054\ud800'.repeat(5000)}"`;
    expect(unquoteCookieValue(long)).toBe(referenceUnquote(long));
    expect(codeUnitsToString(new Uint16Array([0xd800, 0x41]))).toBe('\ud800A');
  });
});

describe('JSON bracket pre-check', () => {
  it('turns away only what JSON.parse rejects', () => {
    forAll(fc.oneof(over('[]{}"\\:,1a '), fc.json(), fc.string()), (s) => {
      const ours = parseJson(s);
      if (referenceParseJson(s) === undefined) expect(ours).toBeUndefined();
      else expect(ours).not.toBeUndefined();
    });
  });
});

describe('JSON nested past the depth kept', () => {
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
          expect(parseJson(text)).toEqual(referenceBounded(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads 1,500 nested arrays as JSON cut at the depth kept', () => {
    const text = ` ${'['.repeat(1500)}${']'.repeat(1500)} `;
    expect(parseJson(text)).toEqual(referenceBounded(text));
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
    forAll(
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
    );
  });
});

describe('the JWS-shape gate before the header is parsed', () => {
  /** The check without the gate: jose reads any header, and only a JSON object with `alg` or `typ` is a JWS. */
  function referenceKind(value: string): string {
    try {
      const h: unknown = decodeProtectedHeader(value);
      if (typeof h !== 'object' || h === null || Array.isArray(h)) return 'not-jwt';
      return 'alg' in h || 'typ' in h ? 'jws' : 'not-jwt';
    } catch {
      return 'not-jwt';
    }
  }
  const space = fc.constantFrom('', ' ', '\n\t', '\r\n  ', '\uFEFF', '\uFEFF ', ' \uFEFF');
  const header = fc.oneof(
    fc.json(),
    fc.constantFrom('{"alg":"HS256","typ":"JWT"}', '{"typ":"JWT"}', '["alg"]', '"{"', '{', '{"alg":"none"} x'),
    fc.record({ alg: fc.constantFrom('HS256', 'RS256', 'none'), kid: fc.string() }).map((h) => JSON.stringify(h)),
  );

  it('turns away only what jose would have turned away: whitespace, a BOM, arrays, strings, broken JSON', () => {
    fc.assert(
      fc.property(space, header, space, (before, text, after) => {
        const value = `${base64url(before + text + after)}.${base64url('{"sub":"1"}')}.c2ln`;
        expect(decodeJwt(value).kind).toBe(referenceKind(value));
      }),
      RUNS,
    );
  });

  it('still reads real tokens, and a Flask session is not taken for one', () => {
    const jwt = makeJwt({ sub: 'alice', exp: 2_000_000_000 });
    expect(decodeJwt(jwt)).toMatchObject({ kind: 'jws', alg: 'HS256', claims: { sub: 'alice' } });
    const jwe = `${base64url('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y3Q.dGFn`;
    expect(decodeJwt(jwe)).toMatchObject({ kind: 'jwe', alg: 'dir', enc: 'A256GCM' });
    expect(decodeJwt(`${base64url('{"alg":"dir"}')}..aXY.Y3Q.dGFn`)).toMatchObject({ kind: 'not-jwt' });
    expect(decodeJwt(`${base64url('{"enc":"A256GCM","x":1}')}.e30.c2ln`)).toMatchObject({ kind: 'not-jwt' });
    const flask = `${base64url('["a","b"]')}.ZmQAAA.${'A'.repeat(27)}`;
    expect(decodeJwt(flask)).toEqual({ kind: 'not-jwt', reason: 'the header is not a JSON object' });
  });
});

describe('JSON parsed without a second copy', () => {
  it('is exactly what JSON.parse and boundDepth give, own "__proto__" keys included', () => {
    forAll(fc.oneof(fc.json(), fc.constantFrom('{"__proto__":{"a":1}}', '[{"__proto__":[]}]')), (s) => {
      expect(parseJson(s)).toStrictEqual(referenceBounded(s));
    });
    const parsed = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__']);
  });
});

describe('sensitive-key paths built only for hits', () => {
  const isSensitiveKeyRef = (key: string) => findSensitiveKeys({ [key]: 'x' }).length > 0;
  const isSensitiveValueRef = (value: string) => findSensitiveKeys({ k: value }).length > 0;
  const holdsData = (v: unknown) =>
    typeof v === 'string' ? v !== '' : typeof v === 'number' || (typeof v === 'object' && v !== null);
  /** The walk as it was, a path string built for every node, with the same bounds (depth 8, 2,000 nodes). */
  function reference(data: unknown): string[] {
    const found: string[] = [];
    let nodes = 0;
    const walk = (value: unknown, path: string, depth: number): void => {
      if (++nodes > 2000 || depth > 8) return;
      if (typeof value === 'string') {
        if (path !== '' && isSensitiveValueRef(value)) found.push(path);
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
        return;
      }
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (isSensitiveKeyRef(key) && holdsData(child)) found.push(childPath);
        else walk(child, childPath, depth + 1);
      }
    };
    walk(data, '', 0);
    return [...new Set(found)];
  }
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('a@b.cc', 'x', '', '078-05-1120', 7, null, true),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('', 'a', 'email', 'user', 'x.y', '0', 'apiKey', 'email_verified'), tie('node'), {
        maxKeys: 4,
      }),
    ),
  })).node;

  it('reads values as the three patterns did, the cheap first-character test before them', () => {
    const luhn = (digits: string) =>
      [...digits].reverse().reduce((sum, c, i) => {
        const d = Number(c) * (i % 2 ? 2 : 1);
        return sum + (d > 9 ? d - 9 : d);
      }, 0) %
        10 ===
      0;
    const referenceValue = (value: string) => {
      const v = value.trim();
      if (v.length < 6 || v.length > 320) return false;
      if (/^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,}$/i.test(v) || /^\d{3}-\d{2}-\d{4}$/.test(v)) return true;
      return /^(?:\d[ -]?){12,18}\d$/.test(v) && luhn(v.replace(/[ -]/g, ''));
    };
    forAll(fc.oneof(over(' 0123456789-@a.co', 24), fc.string()), (v) => {
      expect(findSensitiveKeys({ k: v }).length > 0).toBe(referenceValue(v));
    });
    for (const v of [' a@b.cc', '4111 1111 1111 1111', '078-05-1120'])
      expect(findSensitiveKeys({ k: v })).toEqual(['k']);
  });

  it('finds the same paths as the walk that built every path', () => {
    forAll(tree, (data) => {
      expect(findSensitiveKeys(data)).toEqual(reference(data));
    });
    const wide = { list: Array.from({ length: 3000 }, (_, i) => (i % 700 === 5 ? 'a@b.cc' : 'x')) };
    expect(findSensitiveKeys(wide)).toEqual(reference(wide));
    expect(findSensitiveKeys(wide)).toEqual(['list[5]', 'list[705]', 'list[1405]']);
  });
});

describe('nested-token paths built only for the token found', () => {
  it('names the token where it is, breadth-first', () => {
    const jwt = makeJwt({ sub: 'alice' });
    const data = { a: ['x', { 'b.c': [0, 'y', `Bearer ${jwt}`] }], later: jwt };
    expect(findNestedJwt(data)?.path).toBe('$.later');
    expect(findNestedJwt({ a: ['x', { 'b.c': [0, 'y', `Bearer ${jwt}`] }] })?.path).toBe('$.a[1].b.c[2]');
    expect(findNestedJwt([Array.from({ length: 2000 }, () => 'eyJ'), jwt])?.path).toBe('$[1]');
    expect(findNestedJwt({ list: Array.from({ length: 2000 }, () => 'x') })).toBeNull();
  });
});

describe('nested tokens found in the order a queue of every value reads them', () => {
  /** The scan as it was: every value queued with its path, strings read when their turn comes. */
  function reference(data: unknown): { path: string; kind: string } | null {
    const queue: Array<{ v: unknown; path: string }> = [{ v: data, path: '$' }];
    for (let at = 0; at < queue.length && at < 10_000; at++) {
      const { v, path } = queue[at]!;
      if (typeof v === 'string') {
        const candidate = v.replace(/^Bearer\s+/i, '');
        if (!candidate.startsWith('eyJ')) continue;
        const jwt = decodeJwt(candidate);
        if (jwt.kind !== 'not-jwt') return { path, kind: jwt.kind };
      } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length && queue.length < 10_000; i++) queue.push({ v: v[i], path: `${path}[${i}]` });
      } else if (typeof v === 'object' && v !== null) {
        for (const k in v) {
          if (queue.length >= 10_000) break;
          queue.push({ v: (v as Record<string, unknown>)[k], path: `${path}.${k}` });
        }
      }
    }
    return null;
  }
  const token = makeJwt({ sub: 'a' });
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(token, `Bearer ${token}`, 'eyJ', 'x', 1, null),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('a', 'b.c', '0', 't'), tie('node'), { maxKeys: 3 }),
    ),
  })).node;

  it('finds the same token at the same path, and stops after the same number of values', () => {
    forAll(tree, (data) => {
      const found = findNestedJwt(data);
      expect(found && { path: found.path, kind: found.jwt.kind }).toEqual(reference(data));
    });
    for (const at of [9_998, 9_999, 10_000]) {
      const list = Array.from({ length: 10_050 }, (_, i) => (i === at ? token : 'x'));
      expect(findNestedJwt(list)?.path ?? null).toBe(reference(list)?.path ?? null);
      const nested = { a: 1, list };
      expect(findNestedJwt(nested)?.path ?? null).toBe(reference(nested)?.path ?? null);
    }
  });
});

describe('Flask tags copied only where there are tags', () => {
  it('returns a payload without tags as it is, and copies the way down to a tag, leaving the input alone', () => {
    const plain = { a: [1, { b: 'c' }], d: 'e' };
    expect(untagFlask(plain)).toBe(plain);
    const tagged = { a: [1, { b: { ' t': [1, 2] } }], d: 'e', __proto__x: 1 };
    const before = structuredClone(tagged);
    const out = untagFlask(tagged) as typeof tagged;
    expect(out).toEqual({ a: [1, { b: [1, 2] }], d: 'e', __proto__x: 1 });
    expect(Object.keys(out)).toEqual(['a', 'd', '__proto__x']);
    expect(tagged).toEqual(before);
    const proto = parseJson('{"__proto__":{" t":[1]},"z":1}');
    expect(Object.keys(untagFlask(proto) as object)).toEqual(['__proto__', 'z']);
    expect(Object.getPrototypeOf(untagFlask(proto))).toBe(Object.prototype);
  });
});

describe('express-session parts cut where the signature starts', () => {
  /** The pattern the cut replaced. */
  const reference = (decoded: string) => {
    const m = /^s:(.+)\.([A-Za-z0-9+/]{43})$/s.exec(decoded);
    return m ? { id: m[1]!, signature: m[2]! } : null;
  };
  const sig = 'A'.repeat(21) + 'b+/9'.repeat(5) + 'Zz';

  it('finds the same parts as the pattern for any value near the shape', () => {
    const piece = fc.constantFrom(
      's',
      ':',
      '.',
      'A',
      'z',
      '0',
      '+',
      '/',
      '=',
      '!',
      '%',
      '\n',
      '\u00e9',
      's:',
      sig,
      '.' + sig,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const value = pieces.join('');
        // No `%`: what urlDecode leaves as it is, so the pattern sees the same text.
        fc.pre(!value.includes('%'));
        expect(parseExpressSession(value)).toEqual(reference(value));
      }),
      { numRuns: 5000 },
    );
    expect(parseExpressSession(`s:x.${sig}`)).toEqual({ id: 'x', signature: sig });
    expect(parseExpressSession(`s:.${sig}`)).toBeNull();
    expect(parseExpressSession(`s:a.b.${sig}`)).toEqual({ id: 'a.b', signature: sig });
  });
});

describe('an id shaped value’s six different characters, searched past the first 64', () => {
  const reference = (value: string) =>
    value.length >= 16 && /^[A-Za-z0-9+/=_.~%-]+$/.test(value) && new Set(value).size >= 6;

  it('answers as counting them all does, for runs of any of the id characters at any length', () => {
    const run = fc.tuple(fc.constantFrom(...'Aa0+/=_.~%-]^\\z'.split('')), fc.integer({ min: 1, max: 90 }));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 10 }), (runs) => {
        const value = runs.map(([c, n]) => c.repeat(n)).join('');
        expect(isIdShaped(value)).toBe(reference(value));
      }),
      { numRuns: 5000 },
    );
  });
});
