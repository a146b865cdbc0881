import type { CutLengths } from './change-log-entry';

const KEYS: readonly (keyof CutLengths)[] = ['valueLength', 'nameLength', 'pathLength', 'domainLength'];

/**
 * Just the cut lengths of a change, entry or stored value, each kept only when it is a real length: a typed
 * change and data read back from storage go through the same check, and absent lengths stay absent.
 */
export function pickCutLengths(from: Readonly<Partial<Record<keyof CutLengths, unknown>>>): CutLengths {
  const out: CutLengths = {};
  for (const key of KEYS) {
    const v = from[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) out[key] = v;
  }
  return out;
}
