import type { TabStore } from '../protocol/messages';

/**
 * Which cookie jar the view shows, in words, when it is not the browser's default one (null then: nothing to say).
 * A container's name is the user's own text: the caller renders it as text.
 */
export function storeLabel(store: TabStore | null): string | null {
  if (store === null || store.kind === 'default') return null;
  if (store.kind === 'private') return 'Private window';
  return store.name === undefined ? `Container ${store.id}` : `Container: ${store.name}`;
}

/** The longer explanation, for the label's tooltip. */
export const STORE_HINT =
  'This tab has its own cookie jar: every cookie, finding and change shown here is of that jar, not the default one.';
