/** The keys that move through a list, in both views (WAI-ARIA's listbox and grid keyboard patterns). */
const LIST_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);
/** Keys that move by a screenful: only where the list knows its page size (the panel's scrolling table). */
const PAGE_KEYS = new Set(['PageDown', 'PageUp']);

/** Whether `key` moves through the list; PageUp/PageDown only when `paged` (the list passes a page size). */
export function isListKey(key: string, paged = false): boolean {
  return LIST_KEYS.has(key) || (paged && PAGE_KEYS.has(key));
}

/**
 * Where `key` moves from `index` in a list of `length` items: one step (or, given `page`, one page with
 * PageDown/PageUp) down or up, clamped, or to an end. `index` -1 means nothing is current yet: down starts at the
 * top, up at the bottom. Null for any other key or an empty list.
 */
export function listTarget(key: string, index: number, length: number, page?: number): number | null {
  if (length === 0 || !isListKey(key, page !== undefined)) return null;
  const last = length - 1;
  const step = key.startsWith('Page') ? Math.max(1, page ?? 1) : 1;
  switch (key) {
    case 'ArrowDown':
    case 'PageDown':
      return index === -1 ? 0 : Math.min(last, index + step);
    case 'ArrowUp':
    case 'PageUp':
      return index === -1 ? last : Math.max(0, index - step);
    case 'Home':
      return 0;
    default:
      return last;
  }
}

/** The popup's form: the element among `container`'s `selector` matches to focus when `key` is pressed on `from`. */
export function focusTarget(container: ParentNode, selector: string, from: Element, key: string): HTMLElement | null {
  const items = Array.from(container.querySelectorAll<HTMLElement>(selector));
  const i = items.indexOf(from as HTMLElement);
  if (i === -1) return null;
  const to = listTarget(key, i, items.length);
  return to === null ? null : (items[to] ?? null);
}
