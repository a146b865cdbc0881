import type { NotRotated } from '../core/session/login-rotation';
import { DROP_REASONS, type DropReason } from '../core/timeline/log-layout';
import { timelineRows } from '../core/timeline/timeline-rows';
import type { ChangeLogEntry, DroppedBy } from '../protocol/messages';
import { formatClock } from '../ui/format-date';
import { FindingItem } from '../ui/FindingItem';
import { useStore, useTimeline } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';

/** What happened, in words: `cookies.onChanged` reports an overwrite as a removal with cause "overwrite". */
function action(e: ChangeLogEntry): string {
  // Not an event: a difference a restarted background found between the jar and what it had recorded.
  if (e.cause === 'unobserved') return e.removed ? 'gone, unseen' : 'set, unseen';
  // SessionScope's own reactions, each after the browser's event that caused it.
  if (e.cause === 'protected') return 'put back by SessionScope (protected)';
  if (e.cause === 'blocked') return 'removed by SessionScope (block rule)';
  if (e.cause === 'edited') return e.removed ? 'deleted in SessionScope' : 'written in SessionScope';
  if (!e.removed) return 'set';
  switch (e.cause) {
    case 'overwrite':
      return 'replaced';
    case 'expired':
      return 'expired';
    case 'evicted':
      return 'evicted';
    case 'expired_overwrite':
      return 'expired (overwritten with a past date)';
    default:
      return 'deleted';
  }
}

const DROP_WORDS: Record<DropReason, string> = {
  bound: "beyond the log's entry bound",
  bytes: 'to keep the log within its storage budget',
  quota: 'when browser storage was full',
  refused: 'because storage refused to write them',
};

/** How many entries are missing and, where the background said, why: every loss is shown with its reason. */
export function droppedText(dropped: number, droppedBy: DroppedBy): string {
  const head =
    dropped === 1 ? '1 older entry was dropped' : `${dropped.toLocaleString('en')} older entries were dropped`;
  const parts = DROP_REASONS.filter((r) => (droppedBy[r] ?? 0) > 0).map(
    (r) => `${(droppedBy[r] ?? 0).toLocaleString('en')} ${DROP_WORDS[r]}`,
  );
  if (parts.length === 0) return `${head}.`;
  const rest = dropped - DROP_REASONS.reduce((n, r) => n + (droppedBy[r] ?? 0), 0);
  if (rest > 0) parts.push(`${rest.toLocaleString('en')} beyond this panel's limit`);
  return `${head}: ${parts.join(', ')}.`;
}

const entryId = (seq: number) => `timeline-entry-${seq}`;

/** Brings a timeline entry into view and focus, when it is shown (a filter or a Clear may hide it). */
function showEntry(seq: number): void {
  const el = document.getElementById(entryId(seq));
  el?.scrollIntoView({ block: 'nearest' });
  el?.focus();
}

/** A session id kept across a login, with the two timeline entries that show it. */
function NotRotatedItem({ item }: { item: NotRotated }) {
  const evidence = (seq: number, text: string, testId: string) => (
    <button type="button" class="link" data-testid={testId} data-seq={String(seq)} onClick={() => showEntry(seq)}>
      {text}
    </button>
  );
  return (
    <div data-testid="timeline-finding" data-rule={item.finding.ruleId} data-key={item.finding.cookieKey}>
      <ul class="findings">
        <FindingItem finding={item.finding} />
      </ul>
      <p class="evidence">
        Evidence: {evidence(item.setSeq, `the value set at #${item.setSeq}`, 'timeline-evidence-set')}
        {', then the login: '}
        {item.login.seq !== undefined ? (
          evidence(item.login.seq, `#${item.login.seq}`, 'timeline-evidence-login')
        ) : (
          <span data-testid="timeline-evidence-login">
            <ValueText value={item.login.what} max={200} class="prose" /> at {formatClock(item.login.time)}
          </span>
        )}
      </p>
    </div>
  );
}

/**
 * Newest first, bounded: the store keeps a bounded list and counts what it dropped. Each set shows the value it
 * replaced; a session cookie's new value is marked as a rotation. Pause holds the view still, Clear empties it
 * (the background's log keeps everything), the filter narrows it by name, domain or path.
 */
export function Timeline() {
  const store = useStore();
  const timeline = useTimeline();
  const all = timeline.entries.value;
  const dropped = timeline.dropped.value;
  const droppedBy = timeline.droppedBy.value;
  const paused = timeline.pausedAt.value !== null;
  const waiting = timeline.waiting.value;
  const rotation = store.rotation;
  const isSession = rotation?.isSessionId.value ?? (() => false);
  const notRotated = rotation?.notRotated.value ?? [];
  // Over every entry, then narrowed: what a shown entry replaced may lie before a Clear or outside the filter.
  const shownSeqs = new Set(timeline.shown.value.map((e) => e.seq));
  const rows = timelineRows(all, isSession).filter((r) => shownSeqs.has(r.entry.seq));
  const entries = rows.map((r) => r.entry);
  return (
    <section class="timeline" data-testid="timeline" aria-label="Change timeline">
      <div class="timeline-head">
        <h2>
          Changes{' '}
          <span class="count">
            ({entries.length}
            {entries.length !== all.length ? ` of ${all.length}` : ''})
          </span>
        </h2>
        <input
          type="search"
          class="timeline-filter"
          data-testid="timeline-filter"
          placeholder="Filter by name, domain or path"
          aria-label="Filter the changes by cookie name, domain or path"
          value={timeline.query.value}
          onInput={(e) => (timeline.query.value = e.currentTarget.value)}
        />
        <button
          type="button"
          data-testid="timeline-pause"
          aria-pressed={paused}
          onClick={timeline.togglePause}
          title={
            paused
              ? 'Show the changes that arrived while paused, and new ones as they come'
              : 'Hold the list still; new changes wait'
          }
        >
          {paused ? `Resume${waiting > 0 ? ` (${waiting} new)` : ''}` : 'Pause'}
        </button>
        <button
          type="button"
          data-testid="timeline-clear"
          onClick={timeline.clearView}
          disabled={entries.length === 0}
          title="Empty this list; the background's log keeps every change"
        >
          Clear
        </button>
      </div>
      {notRotated.length > 0 && (
        <div class="timeline-findings" role="group" aria-label="Findings from the timeline">
          {notRotated.map((n) => (
            <NotRotatedItem key={n.finding.cookieKey} item={n} />
          ))}
        </div>
      )}
      {dropped > 0 && (
        <p class="dropped" data-testid="timeline-dropped">
          {droppedText(dropped, droppedBy)}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="muted">
          {all.length === 0
            ? 'No changes recorded for this site yet. Changes appear here as they happen.'
            : 'No change matches: clear the filter, or resume, to see the rest.'}
        </p>
      ) : (
        <ol class="timeline-list" reversed>
          {rows
            .slice()
            .reverse()
            .map(({ entry: e, previousValue, rotated }) => (
              <li
                key={e.seq}
                class={`timeline-entry ${e.removed ? 'removed' : 'set'}`}
                data-testid="timeline-entry"
                data-seq={String(e.seq)}
                data-cause={e.cause}
                data-removed={String(e.removed)}
                data-name={e.cookie.name}
                data-rotated={String(rotated)}
                id={entryId(e.seq)}
                tabIndex={-1}
              >
                <time dateTime={new Date(e.time).toISOString()}>{formatClock(e.time)}</time>
                <span class="action">{action(e)}</span>
                <ValueText class="name" value={e.cookie.name} max={80} />
                <ValueText class="where" value={`${e.cookie.domain}${e.cookie.path}`} max={120} />
                {e.cookie.partitionKey && (
                  // A cookie of another site's partition is not the page's own, though its name and domain are.
                  <span class="muted" data-testid="timeline-partition">
                    {'partitioned under '}
                    <ValueText value={e.cookie.partitionKey.topLevelSite ?? 'no site named'} max={120} class="prose" />
                  </span>
                )}
                {previousValue !== undefined && (
                  <>
                    <ValueText class="short-value old" testId="timeline-old" value={previousValue} max={60} />
                    <span aria-label="replaced by">→</span>
                  </>
                )}
                {!e.removed && <ValueText class="short-value" testId="timeline-new" value={e.cookie.value} max={60} />}
                {rotated && (
                  <span class="chip rotated" data-testid="timeline-rotated" title="A session id got a new value">
                    session id rotated
                  </span>
                )}
                {e.cause === 'unobserved' && (
                  <span class="muted" title="This change happened while the background was not running.">
                    {' (found by comparing the cookie jar with the log when the background started; not seen happen)'}
                  </span>
                )}
                {e.valueLength !== undefined && (
                  <span class="muted">{` (value cut, was ${e.valueLength.toLocaleString('en')} characters)`}</span>
                )}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
