import { MAX_WALK_DEPTH, MAX_WALK_NODES } from '../decode/json';

/**
 * Finds keys in decoded session data or JWT claims that look like personal or secret data (docs/rules.md,
 * `client-session-sensitive`). Returns key paths only: the values themselves never leave this function.
 * Bounded in depth and size, and never throws, because the data is attacker-controlled.
 */

/** Words that mark a key as sensitive, matched against the key's words (camelCase, snake_case, kebab-case). */
export const SENSITIVE_WORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'secret',
  'ssn',
  'card',
  'cardnumber',
  'creditcard',
  'cvv',
  'cvc',
  'email',
  'mail',
  'phone',
  'mobile',
  'address',
  'dob',
  'birthdate',
  'apikey',
  'privatekey',
  'accesskey',
]);

/** Two-word spellings of the same things: `api_key`, `private-key`, `access_key`, `card_number`. */
export const SENSITIVE_PAIRS: ReadonlySet<string> = new Set([
  'api key',
  'private key',
  'access key',
  'card number',
  'date birth',
  'social security',
]);

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,}$/i;
const US_SSN = /^\d{3}-\d{2}-\d{4}$/;
const CARD_DIGITS = /^(?:\d[ -]?){12,18}\d$/;

const isLowerOrDigit = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** The lengths a word must have to spell one of SENSITIVE_WORDS, or either half of SENSITIVE_PAIRS. */
const HALVES = [...SENSITIVE_PAIRS].map((p) => p.split(' ') as [string, string]);
const SPELLINGS = [...SENSITIVE_WORDS, ...HALVES.flat()];
const MIN_WORD = Math.min(...SPELLINGS.map((w) => w.length));
const MAX_WORD = Math.max(...SPELLINGS.map((w) => w.length));
/** The longest that all of a key's words joined can be and still spell one of SENSITIVE_WORDS. */
const MAX_JOINED = Math.max(...[...SENSITIVE_WORDS].map((w) => w.length));
const PAIR_FIRSTS: ReadonlySet<string> = new Set(HALVES.map(([first]) => first));

/**
 * The key's words, lower-cased: split at camelCase humps and at every character other than a-z and 0-9 (a few
 * characters lower-case to ASCII letters: U+212A KELVIN SIGN to k, U+0130 to i + a combining dot). A word too
 * short or too long to spell anything is kept as '' (it still separates the words around it), so a key of
 * thousands of humps (`aAaA…`) builds no strings. `letters`: how many characters the words have in all.
 */
function keyWords(key: string): { words: string[]; letters: number } {
  const words: string[] = [];
  let letters = 0;
  let word = '';
  let runStart = -1;
  let length = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? key.charCodeAt(i) : 0x20;
    const upper = c >= 0x41 && c <= 0x5a;
    if (upper || isLowerOrDigit(c)) {
      if (upper && length > 0 && i > 0 && isLowerOrDigit(key.charCodeAt(i - 1))) {
        words.push(wordOf(key, word, runStart, i, length));
        word = '';
        runStart = -1;
        length = 0;
      }
      if (runStart < 0) runStart = i;
      length++;
      letters++;
      continue;
    }
    if (c >= 0x80) {
      // Each non-ASCII character on its own: what it lower-cases to joins the word if a-z or 0-9, else ends it.
      if (runStart >= 0 && length <= MAX_WORD) word += key.slice(runStart, i).toLowerCase();
      runStart = -1;
      for (const l of key[i]!.toLowerCase()) {
        if (isLowerOrDigit(l.charCodeAt(0))) {
          if (length < MAX_WORD) word += l;
          length++;
          letters++;
        } else if (length > 0) {
          words.push(wordOf(key, word, -1, i, length));
          word = '';
          length = 0;
        }
      }
      continue;
    }
    if (length > 0) words.push(wordOf(key, word, runStart, i, length));
    word = '';
    runStart = -1;
    length = 0;
  }
  return { words, letters };
}

/** A word's text (`head`, then the key's ASCII run from `runStart` to `end`), or '' when it cannot match. */
function wordOf(key: string, head: string, runStart: number, end: number, length: number): string {
  if (length < MIN_WORD || length > MAX_WORD) return '';
  return runStart < 0 ? head : head + key.slice(runStart, end).toLowerCase();
}

function isSensitiveKey(key: string): boolean {
  const { words, letters } = keyWords(key);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '') continue;
    if (SENSITIVE_WORDS.has(w)) return true;
    if (i > 0 && PAIR_FIRSTS.has(words[i - 1]!) && SENSITIVE_PAIRS.has(`${words[i - 1]} ${w}`)) return true;
  }
  // All the words joined (`a_p_i_k_e_y`): only a key of a few letters can spell a word that way.
  return letters <= MAX_JOINED && SENSITIVE_WORDS.has(key.toLowerCase().replace(/[^a-z0-9]+/g, ''));
}

/** Luhn check, so only card-shaped numbers that could really be card numbers count. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The shortest e-mail address (a@b.cc) has six characters, an SSN eleven, a card number thirteen digits. */
const MIN_SENSITIVE_VALUE = 6;

function isSensitiveValue(value: string): boolean {
  const v = value.trim();
  if (v.length < MIN_SENSITIVE_VALUE || v.length > 320) return false;
  // An e-mail address has an `@`; an SSN and a card number start with a digit: most values are neither.
  const first = v.charCodeAt(0);
  if ((first < 0x30 || first > 0x39) && !v.includes('@')) return false;
  if (EMAIL.test(v) || US_SSN.test(v)) return true;
  return CARD_DIGITS.test(v) && luhn(v.replace(/[ -]/g, ''));
}

/** Whether a value under a sensitive key holds something: flags like `email_verified: true` do not. */
function holdsData(value: unknown): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return true;
  return typeof value === 'object' && value !== null;
}

/**
 * A path as the walk below spells it from its keys: `[i]` for an array index, `.key` after anything but the
 * empty path. Built only for a hit, so a wide array costs no string per element.
 */
function pathText(keys: ReadonlyArray<string | number>): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path = path === '' ? key : `${path}.${key}`;
  }
  return path;
}

/** Paths (`user.email`, `cards[0]`) of keys or values in `data` that look sensitive. */
export function findSensitiveKeys(data: unknown): string[] {
  const found: string[] = [];
  let nodes = 0;
  // The keys from the root to the value being walked.
  const keys: Array<string | number> = [];
  const walk = (value: unknown, depth: number): void => {
    if (++nodes > MAX_WALK_NODES || depth > MAX_WALK_DEPTH) return;
    if (typeof value === 'string') {
      // Too short to be sensitive even before trimming (most strings of a wide array): no call for it.
      if (value.length >= MIN_SENSITIVE_VALUE && isSensitiveValue(value)) {
        const path = pathText(keys);
        if (path !== '') found.push(path);
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        keys.push(i);
        walk(value[i], depth + 1);
        keys.pop();
      }
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      keys.push(key);
      if (isSensitiveKey(key) && holdsData(child)) found.push(pathText(keys));
      else walk(child, depth + 1);
      keys.pop();
    }
  };
  try {
    walk(data, 0);
  } catch {
    // A getter or a proxy in decoded data must not break the audit; what was found so far stands.
  }
  return [...new Set(found)];
}
