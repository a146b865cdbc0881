/** ASCII upper-case letters folded to lower case; every other code unit as it is. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The one text order of SessionScope's lists (cookies, findings, the panel's sorted columns): code units with ASCII
 * letter case ignored, then, between texts equal but for case, lower case first ("a" < "A" < "b"). The same on every
 * machine, whatever the user's locale, so a report lists the same findings in the same order everywhere; and no
 * collator: `localeCompare` builds the locale's ICU collator on its first call in a process (23 ms in the first page
 * of a fresh Chromium extension process, paid by the popup's first paint when it opens in one), and compares slower
 * after. No allocation; linear in the common prefix.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let tie = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const fx = fold(x);
    const fy = fold(y);
    if (fx !== fy) return fx < fy ? -1 : 1;
    // The same letter in another case: lower case (the larger code unit) first, unless a later letter decides.
    if (tie === 0) tie = x > y ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return tie;
}
