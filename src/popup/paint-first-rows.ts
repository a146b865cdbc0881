import type { RowView } from '../core/row-view';
import { hostOf } from '../core/cookie/host';
import { formatBytes, isNearSizeLimit } from '../core/cookie/size';
import type { TabStore } from '../protocol/messages';
import { cookieRowAttrs } from '../ui/cookie-row-attrs';
import { chipClass, flagChips } from '../ui/flag-chip-list';
import { formatDate } from '../ui/format-date';
import { STORE_HINT, storeLabel } from '../ui/store-label';
import { omittedLabel, shorten, visibleSegments } from '../ui/visible-text';
import { keepOneTabStop } from '../ui/row-tab-stop';

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
  views: readonly RowView[];
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

/**
 * The parts of a whole row that every row has, built once per list and cloned per row with their attributes in
 * place (cloning is several times cheaper than building the same elements and attributes again); each row then
 * sets only what is its own. Attributes are created in the order the row's own elements list them, so the markup
 * is PopupApp's to the letter.
 */
interface RowTemplates {
  head: HTMLElement;
  /**
   * A whole light row (its first line, then empty lines at full height), without and with a session reason's line:
   * a light row is one deep clone, and most rows of a long list are light.
   */
  light: HTMLElement;
  lightWithReason: HTMLElement;
  chips: HTMLElement;
  /** One flag chip, its attributes in place, empty. */
  chip: HTMLElement;
  session: HTMLElement;
  expires: HTMLElement;
  value: HTMLElement;
  reason: HTMLElement;
}

/** A light row with no attribute yet (each row sets its own, in PopupApp's order), its first line empty. */
function lightRowTemplate(head: HTMLElement, lines: number): HTMLElement {
  const li = el('li', {});
  li.append(head.cloneNode(true));
  for (let i = 0; i < lines; i++) li.append(el('div', { class: 'line' }));
  return li;
}

function rowTemplates(checkbox: boolean): RowTemplates {
  const head = rowHeadTemplate(checkbox);
  return {
    head,
    light: lightRowTemplate(head, 3),
    lightWithReason: lightRowTemplate(head, 4),
    chips: el('ul', { class: 'chips line', 'data-testid': 'cookie-flags', 'aria-label': 'Flags' }),
    chip: el('li', { class: '', 'data-flag': '', 'data-on': '', title: '' }),
    session: el(
      'span',
      { class: 'expiry session line', 'data-testid': 'cookie-expiry', 'data-kind': 'session' },
      'session',
    ),
    expires: el(
      'span',
      { class: '', 'data-testid': 'cookie-expiry', 'data-kind': 'expires', 'data-expired': '' },
      el('time', { datetime: '' }),
      ' ',
      el('span', { class: 'relative' }),
    ),
    value: el(
      'div',
      { class: 'line row-value' },
      el('span', { class: '', 'data-testid': 'cookie-value' }),
      el(
        'button',
        {
          type: 'button',
          class: 'copy-button',
          'data-testid': 'copy-value',
          'data-outcome': 'idle',
          'aria-label': '',
        },
        'Copy',
      ),
      el('span', { class: 'copy-outcome idle', role: 'status', 'data-testid': 'copy-outcome' }),
    ),
    reason: el(
      'div',
      { class: 'line row-reason' },
      el(
        'span',
        { class: 'session-reason', 'data-testid': 'session-reason', 'data-kind': '' },
        'Session cookie: ',
        el('span', { class: '' }),
      ),
    ),
  };
}

function clone(template: HTMLElement): HTMLElement {
  return template.cloneNode(true) as HTMLElement;
}

function flagChipList(view: RowView, t: RowTemplates): HTMLElement {
  const list = clone(t.chips);
  for (const c of flagChips(view.cookie)) {
    const li = t.chip.cloneNode() as HTMLElement;
    li.setAttribute('class', chipClass(c));
    li.setAttribute('data-flag', c.flag);
    li.setAttribute('data-on', String(c.on));
    li.setAttribute('title', c.title);
    li.append(c.label);
    list.append(li);
  }
  return list;
}

function expiryText(view: RowView, t: RowTemplates): HTMLElement {
  const info = view.expiry;
  if (info.kind === 'session') return clone(t.session);
  const span = clone(t.expires);
  span.setAttribute('class', `expiry${info.expired ? ' expired' : ''} line`);
  span.setAttribute('data-expired', String(info.expired));
  const time = span.firstElementChild!;
  time.setAttribute('datetime', info.iso);
  time.append(formatDate(view.cookie.expirationDate! * 1000));
  span.lastElementChild!.append(`(${info.relative})`);
  return span;
}

/** Fills a row's first line (a clone of the head template, in the row): checkbox label, name, size. */
function fillHead(first: Element, view: RowView): void {
  const name = view.cookie.name;
  const toggle = first.querySelector('button')!;
  toggle.previousElementSibling?.setAttribute('aria-label', `Select ${name}`);
  fillValueText(toggle.firstElementChild!, name, 120, 'name');
  fillSizeText(first.lastElementChild!, view.size);
}

/** CookieRow, collapsed, with no findings yet; `light`: its first line only, the others empty at full height. */
function cookieRow(view: RowView, light: boolean, t: RowTemplates): HTMLElement {
  const c = view.cookie;
  const reason = view.sessionReason;
  const li = light ? clone(reason ? t.lightWithReason : t.light) : document.createElement('li');
  li.setAttribute('class', `cookie-row${reason ? ' with-reason' : ''}`);
  for (const [name, value] of Object.entries(cookieRowAttrs(view))) li.setAttribute(name, value);
  if (light) {
    fillHead(li.firstElementChild!, view);
    return li;
  }
  const first = clone(t.head);
  fillHead(first, view);
  li.append(first);
  const value = clone(t.value);
  fillValueText(value.firstElementChild!, c.value, 72, 'short-value');
  value.children[1]!.setAttribute('aria-label', `Copy value of ${c.name}`);
  li.append(flagChipList(view, t), expiryText(view, t), value);
  if (reason) {
    const line = clone(t.reason);
    const span = line.firstElementChild!;
    span.setAttribute('data-kind', reason.kind);
    fillValueText(span.lastElementChild!, reason.detail, 200);
    li.append(line);
  }
  return li;
}

function heading(id: string | undefined, text: string, count: number): HTMLElement {
  return el('h2', { id }, `${text} `, el('span', { class: 'count' }, `(${count})`));
}

function cookieList(views: readonly RowView[], label: string, eager: number, checkboxes: boolean): HTMLElement {
  const templates = rowTemplates(checkboxes);
  const list = el('ul', { class: 'cookie-list', 'aria-label': label });
  for (let i = 0; i < views.length; i++) list.append(cookieRow(views[i]!, i >= eager, templates));
  // One Tab stop for the list, as CookieList leaves it (set last, as its layout effect does, on a list not yet shown).
  keepOneTabStop(list);
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
      { class: 'top-findings compact', 'data-testid': 'top-findings', 'aria-label': 'Findings' },
      el('h2', {}, 'Findings '),
      el(
        'div',
        { class: 'findings-box' },
        el('p', { class: 'muted', 'data-testid': 'findings-pending' }, 'Checking these cookies…'),
      ),
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
