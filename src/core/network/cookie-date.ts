const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 6265bis §5.1.1 delimiters: HTAB, space to "/", ";" to "@", "[" to "`", "{" to "~". */
function isDelimiter(code: number): boolean {
  return (
    code === 0x09 ||
    (code >= 0x20 && code <= 0x2f) ||
    (code >= 0x3b && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

const TIME = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D[^]*)?$/;
const DAY = /^(\d{1,2})(?:\D[^]*)?$/;
const YEAR = /^(\d{2,4})(?:\D[^]*)?$/;

/**
 * The cookie-date algorithm of RFC 6265bis §5.1.1: forgiving (any order, extra words), as browsers parse
 * Expires. Returns milliseconds since the epoch, or null when the date is not valid. Linear in the input.
 */
export function parseCookieDate(text: string): number | null {
  let time: [number, number, number] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isDelimiter(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
    if (i === start) continue;
    const token = text.slice(start, i);
    let m: RegExpExecArray | null;
    if (time === undefined && (m = TIME.exec(token))) {
      time = [Number(m[1]), Number(m[2]), Number(m[3])];
    } else if (day === undefined && (m = DAY.exec(token))) {
      day = Number(m[1]);
    } else if (month === undefined && MONTHS.includes(token.slice(0, 3).toLowerCase())) {
      month = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    } else if (year === undefined && (m = YEAR.exec(token))) {
      year = Number(m[1]);
    }
  }
  if (time === undefined || day === undefined || month === undefined || year === undefined) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [h, min, s] = time;
  if (day < 1 || day > 31 || year < 1601 || h > 23 || min > 59 || s > 59) return null;
  const ms = Date.UTC(year, month, day, h, min, s);
  // A day the month does not have (30 February) is no date.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms;
}
