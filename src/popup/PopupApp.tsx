import type { TargetedKeyboardEvent } from 'preact';
import type { CookieView } from '../core/cookie-views';
import { useLayoutEffect, useState } from 'preact/hooks';
import { focusTarget } from '../ui/list-navigation';
import { rowToggleOf, TOGGLE, withinRow } from '../ui/row-tab-stop';
import { CookieList } from '../ui/CookieList';
import { ElsewhereNote } from '../ui/ElsewhereNote';
import { ExportReport } from '../ui/ExportReport';
import { GradeBadge, GradePending } from '../ui/GradeBadge';
import { NotReadyView } from '../ui/NotReadyView';
import { SessionCard } from '../ui/SessionCard';
import { SiteEditBar } from '../ui/SiteEditBar';
import { SiteHeading } from '../ui/SiteHeading';
import { useStore } from '../ui/store-context';
import { TokenList } from '../ui/TokenItem';
import type { ViewAppProps } from '../ui/view-app-props';
import { TopFindings } from '../ui/TopFindings';
import { TransferTools } from '../ui/TransferTools';
import { WeakSecretProgress } from '../ui/WeakSecretProgress';
import { firstScreenRows } from './first-screen-rows';
import { afterNextPaint, whenIdle } from '../ui/frame-timing';

/**
 * Up, Down, Home and End move between the cookie toggles of both lists, from a row's toggle, checkbox or copy
 * button; Left and Right move within a row, from the toggle to its checkbox and to its copy button and back. Each
 * list is one Tab stop (src/ui/row-tab-stop.ts); Tab, Enter and Space are the controls' own.
 */
function onKeyDown(e: TargetedKeyboardEvent<HTMLElement>): void {
  const from = e.target as Element;
  const toggle = rowToggleOf(from);
  if (!toggle) return;
  const to =
    e.key === 'ArrowLeft' || e.key === 'ArrowRight'
      ? withinRow(from, e.key)
      : focusTarget(e.currentTarget, TOGGLE, toggle, e.key);
  if (!to) return;
  e.preventDefault();
  to.focus();
}

/** The session card's links: expand the cookie's row and bring its toggle into view and focus. */
function showCookie(reveal: (key: string) => void, key: string): void {
  reveal(key);
  // After the expanded row has rendered.
  requestAnimationFrame(() => {
    const toggle = document.querySelector<HTMLElement>(
      `[data-testid="cookie-row"][data-key="${CSS.escape(key)}"] ${TOGGLE}`,
    );
    toggle?.scrollIntoView?.({ block: 'nearest' });
    toggle?.focus();
  });
}

/** Tokens the page keeps in localStorage or sessionStorage; said only when there are some, or the read failed. */
function StorageTokens() {
  const page = useStore().page;
  const tokens = page.storageTokens.value;
  const problem = page.storageProblem.value;
  if (problem) {
    return (
      <p class="muted" data-testid="storage-problem">
        This page's web storage could not be read ({problem.detail}): tokens it keeps there are not shown.
      </p>
    );
  }
  if (tokens.length === 0) return null;
  return (
    <section class="group" data-testid="storage-tokens" aria-labelledby="storage-heading">
      <h2 id="storage-heading">
        Tokens in web storage <span class="count">({tokens.length})</span>
      </h2>
      <TokenList tokens={tokens} empty="" />
    </section>
  );
}

/**
 * False until the frame that first shows the rows has painted. Building every row whole is most of the first
 * frame's work at 180 cookies, and the rows below the first screenful are not drawn in it (content-visibility): they
 * come light in that frame (CookieRow's `light`) and whole once it has painted and the page is idle (at most 100 ms
 * later), or with the analysis if that comes first: never after the analysis is marked done.
 */
function useRowsPainted(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useLayoutEffect(() => {
    if (!ready || painted) return undefined;
    let live = true;
    // Idle first: the rest of the rows is not urgent, and input or the analysis may come first.
    void afterNextPaint()
      .then(() => whenIdle(100))
      .then(() => {
        if (live) setPainted(true);
      });
    return () => {
      live = false;
    };
  }, [ready, painted]);
  return painted;
}

/**
 * One group of cookie rows under its heading and count; `empty` is said in place of the list when there are none.
 * `eager`: how many of its rows are rendered in full at once (see CookieList).
 */
function CookieGroup(props: {
  id: string;
  label: string;
  cookies: readonly CookieView[];
  eager: number | undefined;
  empty?: string;
}) {
  const { id, label, cookies, eager } = props;
  return (
    <section class="group" aria-labelledby={id}>
      <h2 id={id}>
        {`${label} `}
        <span class="count">({cookies.length})</span>
      </h2>
      {cookies.length > 0 ? (
        <CookieList cookies={cookies} label={label} {...(eager === undefined ? {} : { eager })} />
      ) : (
        <p class="muted">{props.empty}</p>
      )}
    </section>
  );
}

export function PopupApp({ onRequestPermission, exportDeps, transferDeps }: ViewAppProps) {
  const store = useStore();
  const state = store.site.state.value;
  const analysis = store.site.analysis.value;
  // The rows paint before their analysis (findings, grade, badges), which fills them in without moving them.
  const analysing = store.site.analysing.value;
  const rowsPainted = useRowsPainted(state === 'ready');
  // Only while the analysis is pending: once it is in (data-analysis="done"), every row is whole.
  const eager = !rowsPainted && analysing ? firstScreenRows() : undefined;
  const sessionCount = store.site.sessionCookies.value.length;
  return (
    <main
      class="popup"
      data-testid="popup"
      data-state={state}
      data-analysis={analysing ? 'pending' : 'done'}
      aria-busy={analysing}
      onKeyDown={onKeyDown}
    >
      <header class="top">
        <SiteHeading />
        {state === 'ready' && analysis && <GradeBadge audit={analysis.audit} />}
        {state === 'ready' && analysing && <GradePending />}
      </header>
      {state !== 'ready' ? (
        <>
          <NotReadyView view="popup" onRequestPermission={onRequestPermission} />
          {/* Deleting every cookie leaves the site empty: Add and Undo must stay. */}
          {state === 'no-cookies' && <SiteEditBar />}
          {state === 'no-cookies' && <ElsewhereNote />}
        </>
      ) : (
        <>
          <SessionCard onShowCookie={(key) => showCookie(store.selection.reveal, key)} />
          <TopFindings limit={3} compact />
          <CookieGroup
            id="session-heading"
            label="Session cookies"
            cookies={store.site.sessionCookies.value}
            eager={eager}
            empty="No cookie here looks like a session identifier."
          />
          {store.site.otherCookies.value.length > 0 && (
            <CookieGroup
              id="other-heading"
              label="Other cookies"
              cookies={store.site.otherCookies.value}
              eager={eager === undefined ? undefined : Math.max(0, eager - sessionCount)}
            />
          )}
          {/* Under the rows: it comes after the first paint, and above them it would move them down. */}
          <WeakSecretProgress />
          <StorageTokens />
          <ElsewhereNote />
          <SiteEditBar />
          <ExportReport {...(exportDeps ? { deps: exportDeps } : {})} />
        </>
      )}
      {transferDeps && (state === 'ready' || state === 'no-cookies') && <TransferTools deps={transferDeps} />}
    </main>
  );
}
