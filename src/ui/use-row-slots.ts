import { useEffect, useReducer, useRef } from 'preact/hooks';
import { NO_SLOTS, outOfOrder, placeRows, type RowSlots } from './row-slots';

/** How long typing has to pause before the rows it moved on screen are put back in DOM order. */
export const SETTLE_MS = 400;

/**
 * The drawn rows' slots (row-slots.ts) for a list that a text box filters. At a render caused by typing (the text
 * changed), a row still drawn keeps its element, moved on screen only, so the keystroke rewrites only the rows it
 * brings in. Every other render (a scroll, a sort, a selection) puts the elements in list order, and so does one
 * once typing pauses for SETTLE_MS: what reads the DOM (a screen reader, find in page, a copied selection) then
 * meets the rows in the order they are shown.
 */
export function useRowSlots(keys: readonly string[], text: string): RowSlots {
  const slots = useRef<RowSlots>(NO_SLOTS);
  const lastText = useRef(text);
  const [, settle] = useReducer((n: number) => n + 1, 0);
  const typing = lastText.current !== text;
  lastText.current = text;
  slots.current = placeRows(slots.current, keys, !typing);
  const shifted = outOfOrder(slots.current);
  useEffect(() => {
    if (!shifted) return undefined;
    const timer = setTimeout(() => settle(0), SETTLE_MS);
    return () => clearTimeout(timer);
  });
  return slots.current;
}
