/**
 * Which drawn row element shows which list item, kept from one render to the next so that an item still drawn stays
 * in the element that already shows it (its text, layout and paint kept as they are), wherever the list moved it:
 * the element is then only moved on screen (a transform), not rebuilt or rewritten. A filter keystroke that keeps
 * most of the rows in view (typing on narrows the list, erasing widens it again) then changes only the rows that
 * are new; elements freed by items that left take the new ones, in list order.
 */
export interface RowSlot {
  /** The element's identity (its render key): stable for as long as the slot is drawn. */
  id: number;
  /** The item it shows. */
  key: string;
  /** The item's place among the drawn items (0 for the first), which may differ from the slot's own place. */
  at: number;
}

export interface RowSlots {
  /** In element (DOM) order. */
  slots: RowSlot[];
  /** The next unused id. */
  nextId: number;
}

export const NO_SLOTS: RowSlots = { slots: [], nextId: 0 };

/**
 * The slots for `keys` (the drawn items' keys, in list order) given the previous render's: a key drawn before keeps
 * its slot; the other keys take, in list order, the slots whose items are gone, in element order; keys left over get
 * new slots at the end, and slots left over are dropped. `inOrder`: the slots are then put in list order too (their
 * elements moved, so that the DOM reads as the screen does). Linear in the number of slots and keys.
 */
export function placeRows(prev: RowSlots, keys: readonly string[], inOrder = false): RowSlots {
  const at = new Map<string, number>();
  keys.forEach((k, i) => at.set(k, i));
  const kept = new Set<string>();
  const slots: Array<RowSlot | null> = prev.slots.map((s) => {
    const i = at.get(s.key);
    if (i === undefined) return null;
    kept.add(s.key);
    return { id: s.id, key: s.key, at: i };
  });
  let nextId = prev.nextId;
  let free = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (kept.has(key)) continue;
    while (free < slots.length && slots[free] !== null) free++;
    if (free < slots.length) slots[free] = { id: prev.slots[free]!.id, key, at: i };
    else slots.push({ id: nextId++, key, at: i });
  }
  const placed = slots.filter((s): s is RowSlot => s !== null);
  if (!inOrder) return { slots: placed, nextId };
  // Every key has one slot, so the places are 0 … keys.length - 1, each once.
  const ordered = new Array<RowSlot>(placed.length);
  for (const s of placed) ordered[s.at] = s;
  return { slots: ordered, nextId };
}

/** True when some slot's element is not at its item's place: the rows are moved on screen, not in the DOM. */
export function outOfOrder(placed: RowSlots): boolean {
  return placed.slots.some((s, i) => s.at !== i);
}
