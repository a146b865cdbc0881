/**
 * Arrow-key movement between focusable rows: returns the element to focus for `key`, or null when the key
 * is not a movement key or there is nowhere to go.
 */
export function arrowTarget(container: ParentNode, selector: string, from: Element, key: string): HTMLElement | null {
  const items = Array.from(container.querySelectorAll<HTMLElement>(selector));
  const i = items.indexOf(from as HTMLElement);
  if (i === -1 || items.length === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return items[Math.min(items.length - 1, i + 1)] ?? null;
    case 'ArrowUp':
      return items[Math.max(0, i - 1)] ?? null;
    case 'Home':
      return items[0] ?? null;
    case 'End':
      return items[items.length - 1] ?? null;
    default:
      return null;
  }
}
