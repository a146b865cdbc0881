/** A code point as Unicode writes it: `U+` and at least four upper-case hex digits (U+200B, U+1F600). */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
