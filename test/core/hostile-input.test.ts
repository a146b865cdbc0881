/**
 * Hostile values cannot slow any view: every core entry point that reads page-controlled text costs at most 3×
 * on a hostile 4 KB value what it costs on an ordinary 4 KB value (random cookie-octets, or its own format with
 * random content), and the whole analysis of 180 hostile cookies at most 3× that of 180 random ones. Quadratic
 * behaviour costs 10–100× at this size, so it fails here; the bound leaves room for a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import {
  hostileNames,
  hostileValues,
  ordinaryValues,
  randomCookieValue,
  type HostileValue,
} from '../fakes/hostile-values';
import { makeCookie } from '../fakes/make-cookie';
import { ENTRY_POINTS } from './hostile-entry-points';
import { costOf, settledComparison } from './hostile-timing';

const BOUND = 3;
const hostile = [...hostileValues(), ...hostileNames()];
const ordinary = ordinaryValues();

/** Exported functions that read no page-controlled text (or only through an entry point listed), and why. */
const NOT_TEXT_READERS: Record<string, string> = {
  tokenLayer: 'formats an already decoded token',
  opaque: 'builds an empty result',
  concatBytes: 'joins decoded bytes',
  utf8ToBytes: 'encodes; covered by every bytes entry',
  codeUnitsToString: 'covered by unquoteCookieValue and bytesToBase64',
  withoutPadding: 'covered by the base64 decoders and the entropy estimate',
  setOwn: 'one property',
  isJsonObject: 'a type check',
  decodeSignedSession: 'reads parsed parts through readSignedPayload; covered by decodeDjangoSigned and decodeFlask',
  parseJsonUnbounded: 'JSON.parse without throwing; covered by parseJson and findStorageTokens',
  jwtValidity: 'compares two numbers',
  isRubyMarshal: 'reads two bytes',
  isOpaqueValue: 'reads the format id',
  sessionFormat: 'reads the format id',
  whichSecret: 'words two numbers',
  anySecret: 'words a number',
  matchedResult: 'builds a result',
  tokenRuleFindings: 'covered by auditToken',
  toFinding: 'copies rule text',
  scoreOf: 'sums severities',
  gradeOf: 'maps a number',
  seriousCount: 'counts severities',
  worstSeverity: 'reads severities',
  countBySeverity: 'counts severities',
  severityRank: 'reads a severity',
  findingsAtOrAbove: 'filters by severity',
  canVerify: 'reads the decoded format and the name suffix',
  sortFindings: 'sorts findings by rule and key; covered by runAudit',
  hmac: 'hashes bytes (one pass)',
  hmacVerify: 'hashes bytes (one pass)',
  equalBytes: 'compares bytes (one pass)',
  digest: 'hashes bytes (one pass)',
  pbkdf2: 'WebCrypto over bytes',
  aesGcmDecrypt: 'WebCrypto over bytes; covered by decryptRails and decryptLaravel',
  aesCbcDecrypt: 'WebCrypto over bytes; covered by decryptRails and decryptLaravel',
  Unzlib: 'fflate’s inflater, re-exported to be imported lazily; covered by inflate',
  isAesKey: 'reads a length',
  laravelKey: 'reads the key the user typed; covered by decryptLaravel',
  secretMatches: 'hashes bytes; covered by verifyCookie and findWeakSecret',
  toSignatureVerification: 'copies a result',
  measureSecretCheckRate: 'a benchmark of findWeakSecret',
  yieldToEventLoop: 'reads nothing: hands the event loop a task',
  severityOf: "picks one of a rule's severities",
  ruleInfo: 'looks a rule up in a fixed table',
  sessionCookieWithout: 'builds a rule; its check reads two booleans',
  hasFieldTypes: "checks a fixed list of fields' types on a parsed object",
  readStorageInPage: 'runs in the page, bounded by its arguments; what it answers is read by storageReadOf',
};

const modules = import.meta.glob('../../src/core/{decode,detect,audit,verify}/**/*.ts', { eager: true });

describe('the hostile-input table', () => {
  it('covers every exported function of decode, detect, audit and verify', () => {
    const covered = new Set(
      ENTRY_POINTS.flatMap((e) => e.name.replace(/\s*\(.*\)$/, '').split(/ \/ | \+ |\(|\)/)).map((n) => n.trim()),
    );
    const exported = Object.values(modules).flatMap((m) =>
      Object.entries(m as Record<string, unknown>)
        .filter(([, v]) => typeof v === 'function')
        .map(([k]) => k),
    );
    expect(exported.length).toBeGreaterThan(40);
    const missing = exported.filter((name) => !covered.has(name) && !(name in NOT_TEXT_READERS));
    expect(missing).toEqual([]);
  });

  it('holds well-formed 4 KB values and hostile ones of every family', () => {
    expect(ordinary.every((v) => v.value.length > 2500 && v.value.length <= 4096)).toBe(true);
    expect(
      hostileValues().every(
        (v) =>
          v.value.length === 4096 ||
          v.label.startsWith('jwt') ||
          v.label.startsWith('base64') ||
          v.label.startsWith('flask'),
      ),
    ).toBe(true);
    for (const c of ['=', '%', '.', '-', '_', '+', '/', '"', '\\']) {
      expect(hostile.some((h) => h.label === `run ${JSON.stringify(c)}`)).toBe(true);
    }
  });
});

describe('the timing itself', () => {
  it('finds a super-linear entry point out on every try, however often it measures again', async () => {
    const linear = (v: string): number => {
      let sum = 0;
      for (let i = 0; i < v.length; i++) sum += v.charCodeAt(i);
      return sum;
    };
    // Every pair of the first 1,024 characters compared, for a value that is one run: over 10× the linear read.
    const pairs = (v: string): number => {
      let same = 0;
      for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) if (v[i] === v[j]) same++;
      return same;
    };
    const slowOnRuns = (v: string): number =>
      /^(.)\1*$/s.test(v.slice(0, 64)) ? pairs(v.slice(0, 1024)) + linear(v) : linear(v);
    const runs = hostile.filter((h) => h.label.startsWith('run ')).slice(0, 2);
    expect(runs).toHaveLength(2);
    const r = await settledComparison(slowOnRuns, runs, ordinary.slice(0, 3), BOUND);
    // What the suite checks: over the bound, after every try.
    expect(r.ratio).toBeGreaterThan(BOUND);
  }, 120_000);
});

describe('a hostile 4 KB value costs at most 3× an ordinary one', () => {
  it.each(ENTRY_POINTS.map((e) => [e.name, e] as const))(
    '%s',
    async (_name, entry) => {
      const r = await settledComparison(entry.run, hostile, ordinary, BOUND);
      expect(
        r.ratio,
        `${r.worst.label}: ${r.worst.ms.toFixed(4)} ms against ${r.baseline.label}: ${r.baseline.ms.toFixed(4)} ms`,
      ).toBeLessThanOrEqual(BOUND);
    },
    120_000,
  );
});

describe('analyzeSite over 180 cookies', () => {
  const jar = (values: string[]): CookieRecord[] =>
    values.map((value, i) => makeCookie({ name: `c${i}`, value, httpOnly: i % 2 === 0 }));
  const analyse = (cookies: CookieRecord[]) => () => analyzeSite('https://app.example.com/', cookies, Date.now());
  // Name and value together within the 4,096 bytes a browser keeps: values of 4,090 for names `c0`–`c179`.
  const SIZE = 4090;
  const random = jar(Array.from({ length: 180 }, (_, i) => randomCookieValue(SIZE, i + 1)));
  const hostileJarValues = hostileValues(SIZE);
  const ordinaryJarValues = ordinaryValues(SIZE);

  /** Fastest of five interleaved runs each, so a burst of load on the machine hits both jars alike. */
  async function ratioTo(base: CookieRecord[], bad: CookieRecord[]): Promise<{ ratio: number; text: string }> {
    await analyse(base)();
    await analyse(bad)();
    let baseMs = Infinity;
    let badMs = Infinity;
    for (let i = 0; i < 5; i++) {
      baseMs = Math.min(baseMs, await costOf(analyse(base), '', 1, 1));
      badMs = Math.min(badMs, await costOf(analyse(bad), '', 1, 1));
    }
    return { ratio: badMs / baseMs, text: `${badMs.toFixed(1)} ms against ${baseMs.toFixed(1)} ms` };
  }

  /** The values whose two-cookie jar takes longest to analyse, costliest first (a rough pick: timed once). */
  async function costliest(values: readonly HostileValue[], count: number): Promise<HostileValue[]> {
    const ranked: Array<HostileValue & { ms: number }> = [];
    for (const h of values) {
      ranked.push({ ...h, ms: await costOf(analyse(jar([h.value, h.value])), '', 1, 2) });
    }
    return ranked.sort((a, b) => b.ms - a.ms).slice(0, count);
  }

  it('costs at most 3× as much for a mix of every hostile family as for random values', async () => {
    const step = hostileJarValues.length / 180;
    const bad = jar(Array.from({ length: 180 }, (_, i) => hostileJarValues[Math.floor(i * step)]!.value));
    const r = await ratioTo(random, bad);
    expect(r.ratio, r.text).toBeLessThanOrEqual(BOUND);
  }, 120_000);

  it('costs at most 3× as much for 180 copies of the costliest hostile value as for 180 ordinary values', async () => {
    // What an attacker would do: find the value that costs most and set it 180 times. The baseline is the
    // costlier of 180 random values and 180 copies of the costliest ordinary format (a compressed session
    // really does cost more to read than noise).
    const copies = (v: HostileValue) => jar(Array.from({ length: 180 }, () => v.value));
    // The rough pick of two-cookie jars can miss under load: the three likeliest ordinary formats are timed as
    // 180 copies, and the costliest of them (or the random jar, if none costs more) is the baseline.
    let base = random;
    let baseLabel = 'random';
    let baseRatio = 1;
    for (const ordinary of await costliest(ordinaryJarValues, 3)) {
      const vsRandom = await ratioTo(random, copies(ordinary));
      if (vsRandom.ratio > baseRatio) {
        base = copies(ordinary);
        baseLabel = ordinary.label;
        baseRatio = vsRandom.ratio;
      }
    }
    for (const worst of await costliest(hostileJarValues, 3)) {
      const r = await ratioTo(base, copies(worst));
      expect(r.ratio, `${worst.label}: ${r.text} (${baseLabel})`).toBeLessThanOrEqual(BOUND);
    }
  }, 120_000);
});
