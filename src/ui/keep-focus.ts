/**
 * Keeps the keyboard focus in a view when the element holding it leaves the DOM: a row deleted, a rule taken away,
 * a list emptied by Undo. The browser then moves focus to the document's body, and the next Tab starts again from
 * the top of the view. Here focus goes instead to what took the element's place (WAI-ARIA's advice for an item
 * removed from a list): the same control of the next item (its Delete, for a run of deletes), else the item's own
 * stop, else its first control; the item before it when none follows; the nearest control around it when the whole
 * list went. The browsers also drop the focus from a control once it is disabled, as every write disables the
 * views' buttons while it runs: such a control gets the focus back when the write enables it again.
 */

/** What can take focus from a script (disabled controls, and controls in a closed `<details>`, are passed over). */
const FOCUSABLE = 'button, input:not([type="hidden"]), select, textarea, a[href], summary, [tabindex]';

export interface KeepFocusOptions {
  /**
   * The view's own place for focus when an element went from `from` (the element it was taken from, still in the
   * DOM), tried before what took its place (the panel: the table's row, for the detail pane's deleted cookie). Null
   * to go on as for any element.
   */
  instead?: (from: Element) => HTMLElement | null;
  /** An item's own stop, preferred over its first control (the popup's row toggle). */
  stop?: string;
}

/**
 * A control that deletes gets focus only where the lost element was the same control (a run of deletes down a list):
 * never in passing, where a second Enter would delete what the user did not aim at.
 */
const DELETES = /delete/;

const isDisabled = (el: Node): boolean => (el as HTMLButtonElement).disabled === true;

/** Takes a control that is to have the focus once it is enabled again. */
type Wait = (el: HTMLElement) => void;

/** Whether `el` can take focus from a script, or could once enabled (`evenDisabled`). */
function canTakeFocus(el: Element, evenDisabled = false): el is HTMLElement {
  if (!el.matches(FOCUSABLE) || (!evenDisabled && isDisabled(el))) return false;
  if (el.closest('[hidden], [inert]')) return false;
  // Inside a closed <details> only its summary is shown.
  const closed = el.parentElement?.closest('details:not([open])');
  return !closed || (el.matches('summary') && el.parentElement === closed);
}

/** Focuses `el` if the browser takes it there (a control hidden by CSS does not). */
function tryFocus(el: HTMLElement | null | undefined): boolean {
  if (!el || !el.isConnected || !canTakeFocus(el)) return false;
  el.focus({ preventScroll: false });
  return el.ownerDocument.activeElement === el;
}

/**
 * Within `region`: the lost element's own kind of control, then the item's stop, then any control in order. True once
 * one has the focus, or once a kind has none that takes it but one that would once enabled (a write under way
 * disables them): that one is handed to `wait`, to have the focus when the write enables it again.
 */
function focusIn(region: Element, testId: string | null, stop: string | undefined, wait: Wait): boolean {
  const kinds = [testId === null ? null : `[data-testid="${CSS.escape(testId)}"]`, stop ?? null, FOCUSABLE];
  for (const kind of kinds) {
    if (kind === null) continue;
    const found = [...(region.matches(kind) ? [region] : []), ...region.querySelectorAll(kind)].filter(
      (c) => kind !== FOCUSABLE || !DELETES.test(c.getAttribute('data-testid') ?? ''),
    );
    if (found.some((c) => tryFocus(c as HTMLElement))) return true;
    const later = found.find((c) => isDisabled(c) && canTakeFocus(c, true));
    if (later) {
      wait(later as HTMLElement);
      return true;
    }
  }
  return false;
}

/** The record that took `node` (or an element holding it) out of the DOM. */
function removalOf(records: readonly MutationRecord[], node: Node): MutationRecord | undefined {
  return records.find((r) => Array.from(r.removedNodes).some((n) => n === node || n.contains(node)));
}

/** Where an element was: its parent (in the DOM), and its siblings then. */
interface Place {
  parent: Node;
  next: Node | null;
  previous: Node | null;
}

/**
 * Moves focus near `place`, where `lost` was: to what `added` (put in the same parent by the same change) holds, else
 * the siblings after it, then those before it, then the same around each ancestor up to `root`.
 */
function focusNear(
  root: Element,
  lost: Element,
  place: Place,
  added: readonly Node[],
  wait: Wait,
  stop?: string,
): void {
  const testId = lost.getAttribute('data-testid');
  const tried = (n: Node | null, step: (n: Node) => Node | null): boolean => {
    for (let at = n; at; at = step(at)) {
      if (at instanceof Element && at.isConnected && focusIn(at, testId, stop, wait)) return true;
    }
    return false;
  };
  if (added.some((n) => tried(n, () => null))) return;
  if (tried(place.next, (n) => n.nextSibling)) return;
  if (tried(place.previous, (n) => n.previousSibling)) return;
  // The whole list went: the controls around it, nearest first.
  for (let at: Element | null = place.parent as Element; at && root.contains(at); at = at.parentElement) {
    if (tried(at.nextSibling, (n) => n.nextSibling) || tried(at.previousSibling, (n) => n.previousSibling)) return;
    if (at === root) return;
  }
}

/**
 * Moves focus to what took the place of `lost`, which `records` took out of the DOM: what the same change put in the
 * removed node's parent (a form closed, its buttons back), else what is around the removed node.
 */
function refocus(
  root: Element,
  lost: Element,
  records: readonly MutationRecord[],
  options: KeepFocusOptions,
  wait: Wait,
): void {
  let record = removalOf(records, lost);
  // An ancestor of the removed node may have gone in a later record of the same change: start where the DOM holds.
  for (let hops = 0; record && !record.target.isConnected && hops < records.length; hops++) {
    record = removalOf(records, record.target);
  }
  if (!record) return;
  if (tryFocus(options.instead?.(record.target as Element))) return;
  const parent = record.target;
  const added = records.filter((r) => r.target === parent).flatMap((r) => Array.from(r.addedNodes));
  const place = { parent, next: record.nextSibling, previous: record.previousSibling };
  focusNear(root, lost, place, added, wait, options.stop);
}

/**
 * Watches `root` for the element holding focus leaving the DOM, and moves focus as the file's comment says. A focus
 * the user moved away (a click elsewhere, Tab) is left alone. Returns the function that stops watching.
 */
export function keepFocus(root: Element, options: KeepFocusOptions = {}): () => void {
  let holder: Element | null = null;
  // A control found disabled where the focus was to go holds the claim, as the focused control disabled by its write.
  const claim: Wait = (el) => {
    holder = el;
  };
  const onFocusIn = (e: Event): void => {
    holder = e.target instanceof Element ? e.target : null;
  };
  const onFocusOut = (e: Event): void => {
    const el = e.target;
    // Once this event's work is done: still in the DOM, the element was left by the user, not taken away. A control
    // disabled while its own action runs (the writes' busy state) may lose focus too: it keeps its claim.
    queueMicrotask(() => {
      const h = holder;
      if (h !== null && el === h && h.isConnected && !isDisabled(h)) holder = null;
    });
  };
  const observer = new MutationObserver((records) => {
    const lost = holder;
    if (!lost) return;
    const active = root.ownerDocument.activeElement;
    // Only when the browser dropped focus to the page: a view that moved focus itself knows best.
    const dropped = active === null || active === root.ownerDocument.body;
    if (!lost.isConnected) {
      holder = null;
      if (dropped) refocus(root, lost, records, options, claim);
      return;
    }
    // Still there, but the browser dropped focus from it when it was disabled (a write under way disables the
    // controls). Once a change enables controls again (the write done): back to it, or, if it stays disabled (Delete
    // all, with nothing left), to what is around it.
    if (!dropped || !records.some((r) => r.type === 'attributes' && !isDisabled(r.target))) return;
    holder = null;
    if (!isDisabled(lost)) {
      tryFocus(lost as HTMLElement);
      return;
    }
    const place = { parent: lost.parentNode ?? root, next: lost.nextSibling, previous: lost.previousSibling };
    focusNear(root, lost, place, [], claim, options.stop);
  });
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
  };
}
