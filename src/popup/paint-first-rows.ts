import type { CookieView } from '../core/cookie-views';
import { hostOf } from '../core/cookie/host';
import { formatBytes, isNearSizeLimit } from '../core/cookie/size';
import type { TabStore } from '../protocol/messages';
import { cookieRowAttrs } from '../ui/cookie-row-attrs';
import { chipClass, flagChips } from '../ui/flag-chip-list';
import { formatDate } from '../ui/format-date';
import { STORE_HINT, storeLabel } from '../ui/store-label';
import { omittedLabel, shorten, visibleSegments } from '../ui/visible-text';

/**
 * The popup's first frame as plain DOM, before Preact and the rest of the popup's code have loaded: the same
 * elements, attributes and text PopupApp renders for rows awaiting their analysis (the header with the pending
 * grade, the folded session card, the pending findings, the session and other cookies with their rows, those past
 * the first screenful light). PopupApp then renders into the same root and takes these elements over: nothing moves.
 * A second spelling of that markup, on purpose (the first paint cannot wait for Preact); test/popup/
 * paint-first-rows.test.tsx holds the two equal, element for element, for every kind of row.
 *
 * Every page-controlled string goes into text nodes and attribute values only, never into markup.
 */
export interface FirstRowsPaint {
  url: string;
  /** In the final order (cookieRows): session cookies first. */
  views: readonly CookieView[];
  /** The clock the rows were worked out at. */
  now: number;
  store?: TabStore;
  /** Rows rendered whole; the rest are light. */
  eager: number;
  /** A checkbox on each row: the popup can act on cookies (it has the edit path). */
  checkboxes: boolean;
}

type Child = Node | string | null | false;

function el(tag: string, attrs: Record<string, string | undefined>, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) e.setAttribute(name, value);
  for (const c of children) if (c !== null && c !== false) e.append(c);
  return e;
}

/** Fills `span` (made with its class and test id) as ValueText: hidden characters shown, cut at `max` with a count. */
function fillValueText(span: Element, value: string, max: number, cls?: string): Element {
  const { text, omitted } = shorten(value, max);
  span.setAttribute('class', `value${value === '' ? ' empty' : ''}${cls ? ' ' + cls : ''}`);
  if (omitted > 0) span.setAttribute('data-omitted', String(omitted));
  for (const s of visibleSegments(text)) {
    span.append(typeof s === 'string' ? s : el('abbr', { class: 'hidden-char', title: s.code }, s.shown));
  }
  if (omitted > 0) span.append(el('span', { class: 'omitted' }, omittedLabel(omitted)));
  return span;
}

function valueText(value: string, max: number, cls?: string, testId?: string): Element {
  return fillValueText(el('span', { class: '', 'data-testid': testId }), value, max, cls);
}

/** Fills a clone of the size template (its class and test id set) as SizeText. */
function fillSizeText(span: Element, size: number): void {
  span.setAttribute('class', `size${isNearSizeLimit(size) ? ' large' : ''}`);
  span.setAttribute('data-bytes', String(size));
  span.setAttribute('title', `${size} bytes (name + value)`);
  span.append(formatBytes(size));
}

/**
 * A row's first line with what every row has in common; cloned per row (cloning is several times cheaper than
 * building the same elements and attributes again, and there are up to 180 rows before the first paint).
 */
function rowHeadTemplate(checkbox: boolean): HTMLElement {
  return el(
    'div',
    { class: 'line row-head' },
    checkbox && el('input', { type: 'checkbox', class: 'row-check', 'data-testid': 'cookie-check' }),
    el(
      'button',
      { type: 'button', class: 'toggle', 'data-testid': 'cookie-toggle', 'aria-expanded': 'false' },
      el('span', { class: '', 'data-testid': 'cookie-name' }),
    ),
    el('span', { class: '', 'data-testid': 'cookie-size' }),
  );
}

function flagChipList(view: CookieView): HTMLElement {
  return el(
    'ul',
    { class: 'chips line', 'data-testid': 'cookie-flags', 'aria-label': 'Flags' },
    ...flagChips(view.cookie).map((c) =>
      el('li', { class: chipClass(c), 'data-flag': c.flag, 'data-on': String(c.on), title: c.title }, c.label),
    ),
  );
}

function expiryText(view: CookieView): HTMLElement {
  const info = view.expiry;
  if (info.kind === 'session') {
    return el(
      'span',
      { class: 'expiry session line', 'data-testid': 'cookie-expiry', 'data-kind': 'session' },
      'session',
    );
  }
  return el(
    'span',
    {
      class: `expiry${info.expired ? ' expired' : ''} line`,
      'data-testid': 'cookie-expiry',
      'data-kind': 'expires',
      'data-expired': String(info.expired),
    },
    el('time', { datetime: info.iso }, formatDate(view.cookie.expirationDate! * 1000)),
    ' ',
    el('span', { class: 'relative' }, `(${info.relative})`),
  );
}

/** CookieRow, collapsed, with no findings yet; `light`: its first line only, the others empty at full height. */
function cookieRow(view: CookieView, light: boolean, head: HTMLElement, line: HTMLElement): HTMLElement {
  const c = view.cookie;
  const reason = view.sessionReason;
  const li = document.createElement('li');
  li.setAttribute('class', `cookie-row${reason ? ' with-reason' : ''}`);
  for (const [name, value] of Object.entries(cookieRowAttrs(view))) li.setAttribute(name, value);
  const first = head.cloneNode(true) as HTMLElement;
  const check = first.querySelector('input');
  check?.setAttribute('aria-label', `Select ${c.name}`);
  fillValueText(first.querySelector('button')!.firstElementChild!, c.name, 120, 'name');
  fillSizeText(first.lastElementChild!, view.size);
  li.append(first);
  if (light) {
    for (let i = reason ? 4 : 3; i > 0; i--) li.append(line.cloneNode());
    return li;
  }
  li.append(
    flagChipList(view),
    expiryText(view),
    el(
      'div',
      { class: 'line row-value' },
      valueText(c.value, 72, 'short-value', 'cookie-value'),
      el(
        'button',
        {
          type: 'button',
          class: 'copy-button',
          'data-testid': 'copy-value',
          'data-outcome': 'idle',
          'aria-label': `Copy value of ${c.name}`,
        },
        'Copy',
      ),
      el('span', { class: 'copy-outcome idle', role: 'status', 'data-testid': 'copy-outcome' }),
    ),
  );
  if (reason) {
    li.append(
      el(
        'div',
        { class: 'line row-reason' },
        el(
          'span',
          { class: 'session-reason', 'data-testid': 'session-reason', 'data-kind': reason.kind },
          'Session cookie: ',
          valueText(reason.detail, 200),
        ),
      ),
    );
  }
  return li;
}

function heading(id: string | undefined, text: string, count: number): HTMLElement {
  return el('h2', { id }, `${text} `, el('span', { class: 'count' }, `(${count})`));
}

function cookieList(views: readonly CookieView[], label: string, eager: number, checkboxes: boolean): HTMLElement {
  const head = rowHeadTemplate(checkboxes);
  const line = el('div', { class: 'line' });
  const list = el('ul', { class: 'cookie-list', 'aria-label': label });
  for (let i = 0; i < views.length; i++) list.append(cookieRow(views[i]!, i >= eager, head, line));
  return list;
}

/** Builds the first frame's `<main>` and puts it in `root` (which must be empty); returns it. */
export function paintFirstRows(root: Element, p: FirstRowsPaint): HTMLElement {
  const session = p.views.filter((v) => v.sessionReason !== null);
  const other = p.views.filter((v) => v.sessionReason === null);
  const store = storeLabel(p.store ?? null);
  const host = hostOf(p.url) ?? '';
  const main = el(
    'main',
    {
      class: 'popup',
      'data-testid': 'popup',
      'data-state': 'ready',
      'data-analysis': 'pending',
      'aria-busy': 'true',
      // Until PopupApp takes these elements over (it renders no such attribute): nothing here answers a click yet.
      'data-first-paint': '',
    },
    el(
      'header',
      { class: 'top' },
      el(
        'div',
        { class: 'site' },
        el('h1', {}, 'SessionScope'),
        el('p', { class: 'host', 'data-testid': 'site-host', title: host }, host),
        store !== null && el('p', { class: 'store', 'data-testid': 'site-store', title: STORE_HINT }, store),
      ),
      el(
        'div',
        { class: 'grade grade-pending', 'data-testid': 'grade-pending', title: 'Grading these cookies…' },
        el('span', { class: 'grade-letter', 'aria-hidden': 'true' }, '…'),
        el('span', { class: 'grade-score' }, 'grading'),
      ),
    ),
    // Folded in the popup: only its summary shows, so its body can wait for PopupApp.
    el(
      'details',
      { class: 'session-card', 'data-testid': 'session-card' },
      el(
        'summary',
        {}, // explainSession tells one mechanism per session cookie, and the page's tokens are not read yet.
        heading(undefined, 'How this session works', session.length),
      ),
    ),
    el(
      'section',
      { class: 'top-findings', 'data-testid': 'top-findings', 'aria-label': 'Findings' },
      el('h2', {}, 'Findings '),
      el('p', { class: 'muted', 'data-testid': 'findings-pending' }, 'Checking these cookies…'),
    ),
    el(
      'section',
      { class: 'group', 'aria-labelledby': 'session-heading' },
      heading('session-heading', 'Session cookies', session.length),
      session.length > 0
        ? cookieList(session, 'Session cookies', p.eager, p.checkboxes)
        : el('p', { class: 'muted' }, 'No cookie here looks like a session identifier.'),
    ),
    other.length > 0 &&
      el(
        'section',
        { class: 'group', 'aria-labelledby': 'other-heading' },
        heading('other-heading', 'Other cookies', other.length),
        cookieList(other, 'Other cookies', Math.max(0, p.eager - session.length), p.checkboxes),
      ),
  );
  root.append(main);
  return main;
}
