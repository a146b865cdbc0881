/** Pretty JSON for display; values JSON cannot express (BigInt, cycles) fall back to String(). */
export function jsonText(v: unknown, indent = 2): string {
  if (typeof v === 'string') return v;
  try {
    const s = JSON.stringify(v, null, indent);
    return s === undefined ? String(v) : s;
  } catch {
    return String(v);
  }
}
