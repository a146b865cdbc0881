/**
 * Ruby's Marshal format starts with its version, 4.8, as two bytes. SessionScope does not parse it (a Marshal
 * payload is only safe to load in Ruby itself, and loading untrusted Marshal is how Rails sessions get
 * exploited); it recognises it and shows the strings inside.
 */
export function isRubyMarshal(bytes: Uint8Array): boolean {
  return bytes[0] === 0x04 && bytes[1] === 0x08;
}

/** Printable ASCII runs of four or more characters: what a person can learn from a Marshal blob. */
export function marshalStrings(bytes: Uint8Array, max = 64): string[] {
  const out: string[] = [];
  let run = '';
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f) {
      run += String.fromCharCode(b);
      continue;
    }
    if (run.length >= 4) out.push(run);
    run = '';
    if (out.length >= max) return out;
  }
  if (run.length >= 4 && out.length < max) out.push(run);
  return out;
}
