import { useState } from 'preact/hooks';
import type { CookieBase, CookieFlags, CookieRecord, SameSite } from '../core/cookie/cookie-record';
import { bareDomain } from '../core/cookie/match';
import { storedDomain } from '../core/cookie/stored-domain';
import { validateCookie } from '../core/cookie/validate-cookie';
import { ValueText } from './ValueText';

export interface CookieEditorProps {
  /** The cookie being edited, or the template of a new one. */
  initial: CookieRecord;
  isNew: boolean;
  now: number;
  busy: boolean;
  onSave: (cookie: CookieRecord) => void;
  onCancel: () => void;
}

/** The draft's free-text fields and its on/off fields. */
type TextKey = 'name' | 'domain' | 'path' | 'topLevelSite' | 'storeId';
type CheckKey = 'hostOnly' | 'session' | 'secure' | 'httpOnly' | 'partitioned';

/** The form's own fields: what the user typed, before it becomes a CookieRecord. */
interface Draft extends CookieBase, CookieFlags {
  session: boolean;
  /** `YYYY-MM-DDTHH:MM:SS` in local time, as `<input type="datetime-local">` holds it. */
  expires: string;
  partitioned: boolean;
  topLevelSite: string;
  storeId: string;
}

const SAME_SITE: [SameSite, string][] = [
  ['unspecified', 'Not set (browser default)'],
  ['lax', 'Lax'],
  ['strict', 'Strict'],
  ['no_restriction', 'None'],
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function localInput(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function toDraft(c: CookieRecord, now: number): Draft {
  const expiry = c.expirationDate ?? now / 1000 + 86400;
  return {
    name: c.name,
    value: c.value,
    domain: bareDomain(c.domain),
    hostOnly: c.hostOnly,
    path: c.path,
    session: c.browserSession || c.expirationDate === undefined,
    expires: localInput(expiry),
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    partitioned: c.partitionKey !== undefined,
    topLevelSite: c.partitionKey?.topLevelSite ?? '',
    storeId: c.storeId,
  };
}

/**
 * The record the draft stands for. An expiry the user did not touch keeps its exact (fractional) value, so
 * saving an edit of the value alone does not move the expiry by a fraction of a second.
 */
export function fromDraft(d: Draft, initial: CookieRecord, now: number): CookieRecord {
  const c: CookieRecord = {
    name: d.name,
    value: d.value,
    domain: storedDomain(d.domain.trim(), d.hostOnly),
    path: d.path,
    hostOnly: d.hostOnly,
    secure: d.secure,
    httpOnly: d.httpOnly,
    sameSite: d.sameSite,
    browserSession: d.session,
    storeId: d.storeId,
  };
  if (!d.session) {
    const untouched = initial.expirationDate !== undefined && d.expires === localInput(initial.expirationDate);
    const parsed = Date.parse(d.expires);
    c.expirationDate = untouched
      ? initial.expirationDate!
      : Number.isFinite(parsed)
        ? Math.floor(parsed / 1000)
        : Math.floor(now / 1000);
  }
  if (d.partitioned) {
    c.partitionKey = { ...(initial.partitionKey ?? {}), topLevelSite: d.topLevelSite.trim() };
  }
  return c;
}

/**
 * Every attribute of a cookie as a labelled form. What the browser would refuse is listed, with the reason,
 * as the user types (RFC 6265bis checks in core/cookie/validate-cookie); Save stays available, because the
 * browser is the judge and its answer is reported after the save.
 */
export function CookieEditor({ initial, isNew, now, busy, onSave, onCancel }: CookieEditorProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial, now));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  /** A labelled text input bound to one string field of the draft. */
  const text = (key: TextKey, label: string, testId: string, extra: { placeholder?: string } = {}) => (
    <>
      <label for={id(key)}>{label}</label>
      <input
        id={id(key)}
        data-testid={testId}
        value={draft[key]}
        {...extra}
        onInput={(e) => set(key, e.currentTarget.value)}
      />
    </>
  );
  /** A checkbox bound to one boolean field of the draft. */
  const check = (key: CheckKey, label: string, testId: string) => (
    <label class="check">
      <input
        type="checkbox"
        data-testid={testId}
        checked={draft[key]}
        onChange={(e) => set(key, e.currentTarget.checked)}
      />
      {label}
    </label>
  );
  const cookie = fromDraft(draft, initial, now);
  const problems = validateCookie(cookie, { nowMs: now });
  const id = (f: string): string => `edit-${f}`;
  return (
    <form
      class="cookie-editor"
      data-testid="cookie-editor"
      aria-label={isNew ? 'Add a cookie' : 'Edit cookie'}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(cookie);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div class="field">{text('name', 'Name', 'edit-name')}</div>
      <div class="field">
        <label for={id('value')}>Value</label>
        <textarea
          id={id('value')}
          data-testid="edit-value"
          rows={3}
          value={draft.value}
          onInput={(e) => set('value', e.currentTarget.value)}
        />
      </div>
      <div class="field">
        {text('domain', 'Domain', 'edit-domain')}
        {check('hostOnly', 'This host only (no Domain attribute)', 'edit-host-only')}
      </div>
      <div class="field">{text('path', 'Path', 'edit-path')}</div>
      <div class="field">
        {check('session', 'Session cookie (ends with the browser session)', 'edit-session')}
        {!draft.session && (
          <>
            <label for={id('expires')}>Expires (local time)</label>
            <input
              id={id('expires')}
              data-testid="edit-expires"
              type="datetime-local"
              step={1}
              value={draft.expires}
              onInput={(e) => set('expires', e.currentTarget.value)}
            />
          </>
        )}
      </div>
      <fieldset class="field flags">
        <legend>Flags</legend>
        {check('secure', 'Secure', 'edit-secure')}
        {check('httpOnly', 'HttpOnly', 'edit-httponly')}
        <label for={id('samesite')}>SameSite</label>
        <select
          id={id('samesite')}
          data-testid="edit-samesite"
          value={draft.sameSite}
          onChange={(e) => set('sameSite', e.currentTarget.value as SameSite)}
        >
          {SAME_SITE.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </fieldset>
      <div class="field">
        {check('partitioned', 'Partitioned (CHIPS)', 'edit-partitioned')}
        {draft.partitioned &&
          text('topLevelSite', 'Partition: top-level site', 'edit-partition', { placeholder: 'https://example.com' })}
      </div>
      <div class="field">{text('storeId', 'Cookie store', 'edit-store')}</div>
      {problems.length > 0 && (
        <div class="edit-problems" role="status" data-testid="edit-problems">
          <p>The browser would refuse or change this cookie:</p>
          <ul>
            {problems.map((p) => (
              <li key={p.code} data-code={p.code}>
                {/* A reason may quote a domain or site as typed or pasted: what hides in it is shown. */}
                <ValueText value={p.reason} max={400} class="prose" />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="edit-buttons">
        <button type="submit" data-testid="edit-save" disabled={busy}>
          {isNew ? 'Add cookie' : 'Save'}
        </button>
        <button type="button" data-testid="edit-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
