import { useState } from 'preact/hooks';
import type { CookieView } from '../core/analyze-site';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { LazyCookieEditor } from './LazyCookieEditor';
import { counted } from './counted';
import { checkedDeleteLabel, deleteRows } from './delete-rows';
import { EditOutcome } from './EditOutcome';
import { useEdit, useStore } from './store-context';

export interface SiteEditBarProps {
  /**
   * The cookies "Delete shown" removes (the panel's filtered rows, as the filter gives them: this bar re-renders
   * on every filter keystroke, and reads only their count until a button is pressed); absent in the popup.
   */
  shown?: readonly CookieView[];
}

/** A new cookie for the inspected host: host-only, on "/", Secure, Lax, for a day. */
function template(host: string, now: number, storeId: string): CookieRecord {
  return {
    name: '',
    value: '',
    domain: host,
    path: '/',
    hostOnly: true,
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    browserSession: false,
    expirationDate: Math.floor(now / 1000) + 86400,
    storeId,
  };
}

/** Add a cookie, delete the checked, the shown or all of the site's cookies, and what the last action did, with Undo. */
export function SiteEditBar({ shown }: SiteEditBarProps) {
  const edit = useEdit();
  const store = useStore();
  const [adding, setAdding] = useState(false);
  if (!edit) return null;
  const all = store.site.cookies.value;
  const elsewhere = store.site.elsewhere.value.length;
  const busy = edit.writer.busy.value;
  const removeAll = (list: readonly CookieView[], label: string): void => {
    if (list.length > 0) void deleteRows(edit.writer, list, label);
  };
  /** A button that deletes every cookie of `list`; `label` names the write in the undo history. */
  const deleteButton = (testId: string, list: readonly CookieView[], text: string, label: string, title?: string) => (
    <button
      type="button"
      data-testid={testId}
      disabled={busy || list.length === 0}
      onClick={() => removeAll(list, label)}
      {...(title ? { title } : {})}
    >
      {text}
    </button>
  );
  const subset = shown && shown.length < all.length ? shown : undefined;
  const marked = store.selection.markedCookies.value;
  return (
    <section class="site-edit" aria-label="Change cookies" data-testid="site-edit">
      <div class="site-edit-buttons">
        <button type="button" data-testid="cookie-add" disabled={busy} onClick={() => setAdding(true)}>
          Add cookie
        </button>
        {marked.length > 0 && (
          <>
            <button
              type="button"
              data-testid="delete-selected"
              disabled={busy}
              onClick={() => {
                removeAll(marked, checkedDeleteLabel(marked.length));
                // What was checked is gone; Undo brings the cookies back, not the checks.
                store.selection.clearMarks();
              }}
            >
              {`Delete selected (${marked.length})`}
            </button>
            <button type="button" data-testid="clear-selection" disabled={busy} onClick={store.selection.clearMarks}>
              Clear selection
            </button>
          </>
        )}
        {subset &&
          deleteButton(
            'delete-shown',
            subset,
            `Delete shown (${subset.length})`,
            `delete of ${subset.length} shown cookies`,
          )}
        {deleteButton(
          'delete-all',
          all,
          `Delete all of this site (${all.length})`,
          `delete of all ${all.length} cookies of ${store.site.host.value}`,
          elsewhere === 0
            ? undefined
            : `Deletes the cookies this page receives. ${counted(elsewhere, 'cookie', 'cookies')} kept for this ` +
                `site under other sites ${elsewhere === 1 ? 'is' : 'are'} not included: the panel lists ` +
                `${elsewhere === 1 ? 'it' : 'them'} apart.`,
        )}
      </div>
      {adding && (
        <LazyCookieEditor
          initial={template(store.site.host.value, store.site.now.value, store.site.storeId.value ?? '0')}
          isNew
          now={store.site.now.value}
          busy={busy}
          onCancel={() => setAdding(false)}
          onSave={(cookie) => {
            void edit.writer.write([{ kind: 'set', cookie }], `add of ${cookie.name}`);
            setAdding(false);
          }}
        />
      )}
      <EditOutcome />
    </section>
  );
}
