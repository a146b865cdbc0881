import { useEffect, useRef } from 'preact/hooks';
import { ExportReport } from '../ui/ExportReport';
import { GradeBadge } from '../ui/GradeBadge';
import { NotReadyView } from '../ui/NotReadyView';
import { SessionCard } from '../ui/SessionCard';
import { BlockRules } from '../ui/BlockRules';
import { SiteEditBar } from '../ui/SiteEditBar';
import { SiteHeading } from '../ui/SiteHeading';
import { useFilter, useStore } from '../ui/store-context';
import type { ViewAppProps } from '../ui/view-app-props';
import { TopFindings } from '../ui/TopFindings';
import { TransferTools } from '../ui/TransferTools';
import { WeakSecretProgress } from '../ui/WeakSecretProgress';
import { CookieScopeSwitch } from './CookieScopeSwitch';
import { ElsewhereCookies } from './ElsewhereCookies';
import { CookieTable } from './CookieTable';
import { DetailPane } from './DetailPane';
import { FilterBar } from './FilterBar';
import { PageDataView } from './PageDataView';
import { Timeline } from './Timeline';
import { WouldSendTool } from './WouldSendTool';

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT';
}

/**
 * The edit bar over the filtered rows. Its own component so that only it, not the whole panel, re-renders when a
 * keystroke changes the rows (PanelApp reading `visible` re-rendered every section on every key).
 */
function ShownEditBar() {
  const filter = useFilter();
  return <SiteEditBar shown={filter.visible.value} />;
}

/**
 * How the site's session works: beside the table while no cookie's detail is open (the table comes first, in sight
 * when the panel opens), in place of the detail's empty space.
 */
function SiteOverview() {
  const store = useStore();
  if (store.selection.detail.value) return null;
  return (
    <section class="site-overview" data-testid="site-overview" aria-label="The site's session">
      <SessionCard open onShowCookie={store.selection.reveal} />
    </section>
  );
}

export function PanelApp({ onRequestPermission, exportDeps, transferDeps }: ViewAppProps) {
  const store = useStore();
  const filter = useRef<HTMLInputElement>(null);
  const state = store.site.state.value;
  const analysis = store.site.analysis.value;

  useEffect(() => {
    // "/" focuses the filter, as in DevTools' own panels, unless the user is typing somewhere.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (!filter.current) return;
      e.preventDefault();
      filter.current.focus();
      filter.current.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const showTimeline = state === 'ready' || state === 'no-cookies';
  // A page with no cookie of its own can still talk to third parties that keep some: their table stays reachable.
  const thirdPartiesOnly = state === 'no-cookies' && (store.filter?.scopeCounts.value['third-parties'] ?? 0) > 0;
  return (
    <main class="panel" data-testid="panel" data-state={state}>
      <header class="top">
        <SiteHeading />
        {state === 'ready' && <FilterBar inputRef={filter} />}
        {state === 'ready' && <ExportReport inline {...(exportDeps ? { deps: exportDeps } : {})} />}
        {state === 'ready' && analysis && <GradeBadge audit={analysis.audit} />}
      </header>
      {state !== 'ready' ? (
        <>
          <NotReadyView view="panel" onRequestPermission={onRequestPermission} />
          {state === 'no-cookies' && <SiteEditBar />}
          {/* A site visited directly that keeps cookies only as an embed elsewhere: they are its, and worth saying. */}
          {state === 'no-cookies' && <ElsewhereCookies />}
          {/* A rule that removed every cookie of the site leaves it here: it must stay in reach, with what it did. */}
          {state === 'no-cookies' && <BlockRules />}
          {thirdPartiesOnly && (
            <div class="workspace" data-testid="third-parties-only">
              <div class="table-side">
                <CookieScopeSwitch />
                <CookieTable />
              </div>
              <div class="side-pane">
                <DetailPane />
              </div>
            </div>
          )}
        </>
      ) : (
        <div class="workspace">
          <div class="table-side">
            <CookieScopeSwitch />
            <CookieTable />
            <ShownEditBar />
            <ElsewhereCookies />
            <BlockRules />
            <details class="site-findings">
              <summary>Site findings ({store.site.topFindings.value.length})</summary>
              <TopFindings limit={10} />
            </details>
            <WouldSendTool />
            <PageDataView />
          </div>
          <div class="side-pane">
            {/* A status line that stays, detail open or not: the check's progress, then what it found. */}
            <WeakSecretProgress />
            <DetailPane />
            <SiteOverview />
          </div>
        </div>
      )}
      {state === 'no-cookies' && <PageDataView />}
      {transferDeps && showTimeline && <TransferTools deps={transferDeps} />}
      {showTimeline && <Timeline />}
    </main>
  );
}
