import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../core/error-text';
import type { CookieEditorProps } from './CookieEditor';

type Editor = ComponentType<CookieEditorProps>;

let loaded: Editor | undefined;
const load = () => import('./CookieEditor').then((m) => (loaded = m.CookieEditor));

/**
 * The cookie editor, fetched when first opened: its checks need the Public Suffix List (a Domain may not be a
 * public suffix), which the views' first paint does not load. Loading says so; a chunk that fails to load says why.
 */
export function LazyCookieEditor(props: CookieEditorProps) {
  const [view, setView] = useState<{ Editor: Editor } | { error: string } | null>(() =>
    loaded ? { Editor: loaded } : null,
  );
  useEffect(() => {
    if (view !== null) return;
    load().then(
      (Editor) => setView({ Editor }),
      (e: unknown) => setView({ error: errorText(e) }),
    );
  }, [view]);
  if (view === null) return <p class="muted">Loading the editor…</p>;
  if ('error' in view) {
    return (
      <p class="notice" data-testid="cookie-editor-load-error">
        The editor could not be loaded ({view.error}). Reopen the view to try again.
      </p>
    );
  }
  return <view.Editor {...props} />;
}
