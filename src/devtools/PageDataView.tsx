import { useComputed } from '@preact/signals';
import type { ComponentChildren, VNode } from 'preact';
import type { FoundToken } from '../core/audit/audit-input';
import { setCookieRows, type SetCookieRow } from '../core/network/set-cookie-rows';
import { useStore } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';
import { TokenList } from '../ui/TokenItem';
import { counted } from '../ui/counted';

/** One folding section of the view: a heading with its count, open at first when it has something to show. */
function Section(props: { testId: string; title: string; count: string; open: boolean; children: ComponentChildren }) {
  return (
    <details class="page-section" data-testid={props.testId} open={props.open}>
      <summary>
        <h2>
          {props.title} <span class="count">({props.count})</span>
        </h2>
      </summary>
      {props.children}
    </details>
  );
}

/** A section of found tokens, open at first when there are some; `instead` stands for the list while it cannot be shown. */
function TokenSection(props: {
  testId: string;
  title: string;
  tokens: readonly FoundToken[];
  /** Where the tokens were looked for, counted ("3 entries"). */
  within: string;
  empty: string;
  instead?: ComponentChildren;
}) {
  const { tokens } = props;
  return (
    <Section
      testId={props.testId}
      title={props.title}
      count={`${counted(tokens.length, 'token', 'tokens')} in ${props.within}`}
      open={tokens.length > 0}
    >
      {props.instead ?? <TokenList tokens={tokens} empty={props.empty} />}
    </Section>
  );
}

const OUTCOME_WORDS: Record<SetCookieRow['comparison']['outcome'], string> = {
  kept: 'stored as sent',
  changed: 'stored, changed',
  rejected: 'rejected',
  deleted: 'deletes the cookie',
  missing: 'not in the store',
};

/** A header's reasons or attribute changes, one item a line; nothing when there are none. */
function reasonList(items: VNode[]) {
  return items.length > 0 ? <ul class="reasons">{items}</ul> : null;
}

function SetCookieItem({ row }: { row: SetCookieRow }) {
  const c = row.comparison;
  let path = row.url;
  try {
    path = new URL(row.url).pathname;
  } catch {
    // Shown as it came.
  }
  return (
    <li
      class={`set-cookie-item ${c.outcome}`}
      data-testid="set-cookie"
      data-outcome={c.outcome}
      data-name={c.parsed.name}
    >
      <div class="set-cookie-head">
        <span class="chip outcome" data-testid="set-cookie-outcome">
          {OUTCOME_WORDS[c.outcome]}
        </span>
        {ValueText({ value: c.parsed.name, max: 120, class: 'name' })}
        <span class="muted">from</span>
        {ValueText({ value: path, max: 200, class: 'muted' })}
      </div>
      {ValueText({ value: row.header, max: 300, testId: 'set-cookie-header' })}
      {reasonList(
        c.reasons.map((r) => (
          <li key={r.id} data-testid="set-cookie-reason" data-reason={r.id}>
            <code>{r.id}</code>: {ValueText({ value: r.detail, max: 400, class: 'prose' })}
          </li>
        )),
      )}
      {reasonList(
        c.changes.map((ch) => (
          <li key={ch.attribute} data-testid="set-cookie-change" data-attribute={ch.attribute}>
            {ch.attribute}: sent {ValueText({ value: ch.sent, max: 120 })}, stored{' '}
            {ValueText({ value: ch.stored, max: 120 })}
            {ch.note && <span class="muted"> ({ch.note})</span>}
          </li>
        )),
      )}
    </li>
  );
}

/**
 * What the page holds and sends besides its cookies, as DevTools sees it: tokens in web storage, tokens in
 * request headers, and every Set-Cookie header of the site's responses with what the browser did with it.
 */
export function PageDataView() {
  const store = useStore();
  const page = store.page;
  const rows = useComputed(() =>
    page
      ? setCookieRows(
          page.requests.value,
          store.site.cookies.value.map((v) => v.cookie),
          store.site.host.value,
          store.site.now.peek(),
        )
      : [],
  );
  if (!page) return null;
  const problem = page.storageProblem.value;
  const storage = page.storage.value;
  const list = rows.value;
  const rejected = list.filter((r) => r.comparison.outcome === 'rejected').length;
  const entries = storage ? storage.local.length + storage.session.length : 0;
  return (
    <div class="page-data" data-testid="page-data">
      <TokenSection
        testId="storage-tokens"
        title="Web storage"
        tokens={page.storageTokens.value}
        within={counted(entries, 'entry', 'entries')}
        empty="No token in this page's localStorage or sessionStorage."
        instead={
          problem ? (
            <p class="notice" data-testid="storage-problem">
              The page's web storage could not be read ({problem.detail}). Reload the page with DevTools open to try
              again.
            </p>
          ) : storage === null ? (
            <p class="muted">Reading the page's localStorage and sessionStorage…</p>
          ) : null
        }
      />
      <TokenSection
        testId="header-tokens"
        title="Request headers"
        tokens={page.headerTokens.value}
        within={counted(page.requests.value.length, 'request', 'requests')}
        empty="No token in the requests recorded since DevTools opened. Reload the page, or use it, to record more."
      />
      <Section
        testId="set-cookies"
        title="Set-Cookie"
        count={`${counted(list.length, 'header', 'headers')}, ${rejected} rejected`}
        open={rejected > 0}
      >
        {list.length === 0 ? (
          <p class="muted">
            No Set-Cookie header in this site's responses since DevTools opened. Reload the page to record them.
          </p>
        ) : (
          <ul class="set-cookie-list">
            {list.map((r, i) => (
              <SetCookieItem key={i} row={r} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
