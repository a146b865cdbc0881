import { useState } from 'preact/hooks';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { LazyCookieEditor } from './LazyCookieEditor';
import { useEdit } from './store-context';

/** Edit, delete and protect one cookie. Hidden where the page has no write path. */
export function CookieActions({ cookie, now }: { cookie: CookieRecord; now: number }) {
  const edit = useEdit();
  const [editing, setEditing] = useState(false);
  if (!edit) return null;
  const key = cookieKey(cookie);
  const isProtected = edit.guards.value.protected.some((c) => cookieKey(c) === key);
  const busy = edit.writer.busy.value;
  if (editing) {
    return (
      <LazyCookieEditor
        initial={cookie}
        isNew={false}
        now={now}
        busy={busy}
        onCancel={() => setEditing(false)}
        onSave={(next) => {
          void edit.writer.write([{ kind: 'set', cookie: next, replaces: cookie }], `edit of ${cookie.name}`);
          setEditing(false);
        }}
      />
    );
  }
  return (
    <div class="cookie-actions" role="group" aria-label={`Actions for cookie ${cookie.name}`}>
      <button type="button" data-testid="cookie-edit" disabled={busy} onClick={() => setEditing(true)}>
        Edit
      </button>
      <button
        type="button"
        data-testid="cookie-delete"
        disabled={busy}
        onClick={() => void edit.writer.write([{ kind: 'remove', cookie }], `delete of ${cookie.name}`)}
      >
        Delete
      </button>
      <label class="check" title="SessionScope puts this cookie back whenever anything else changes or deletes it">
        <input
          type="checkbox"
          data-testid="cookie-protect"
          checked={isProtected}
          onChange={(e) => void edit.protect(cookie, e.currentTarget.checked)}
        />
        Protect (read-only)
      </label>
    </div>
  );
}
