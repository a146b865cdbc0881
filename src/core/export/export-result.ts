/** An export's text and what the format could not carry, said to the user next to the download. */
export interface ExportResult {
  text: string;
  /** Sentences: what was dropped or changed, e.g. "SameSite of 3 cookies: cookies.txt has no column for it". */
  notRepresented: string[];
  /** How many cookies the text holds. */
  count: number;
}

/** "1 cookie" / "3 cookies". */
export function cookiesCount(n: number): string {
  return `${n} cookie${n === 1 ? '' : 's'}`;
}
