import { DROP_REASONS, type DropReason } from '../core/timeline/log-layout';
import type { ChangeLogEntry, DroppedBy } from '../protocol/messages';
import { formatClock } from '../ui/format-date';
import { useTimeline } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';

/** What happened, in words: `cookies.onChanged` reports an overwrite as a removal with cause "overwrite". */
function action(e: ChangeLogEntry): string {
  // Not an event: a difference a restarted background found between the jar and what it had recorded.
  if (e.cause === 'unobserved') return e.removed ? 'gone, unseen' : 'set, unseen';
  // SessionScope's own reactions, each after the browser's event that caused it.
  if (e.cause === 'protected') return 'put back by SessionScope (protected)';
  if (e.cause === 'blocked') return 'removed by SessionScope (block rule)';
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

/** Newest first, bounded: the store keeps a bounded list and counts what it dropped. */
export function Timeline() {
  const timeline = useTimeline();
  const entries = timeline.entries.value;
  const dropped = timeline.dropped.value;
  const droppedBy = timeline.droppedBy.value;
  return (
    <section class="timeline" data-testid="timeline" aria-label="Change timeline">
      <h2>
        Changes <span class="count">({entries.length})</span>
      </h2>
      {dropped > 0 && (
        <p class="dropped" data-testid="timeline-dropped">
          {droppedText(dropped, droppedBy)}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="muted">No changes recorded for this site yet. Changes appear here as they happen.</p>
      ) : (
        <ol class="timeline-list" reversed>
          {entries
            .slice()
            .reverse()
            .map((e) => (
              <li
                key={e.seq}
                class={`timeline-entry ${e.removed ? 'removed' : 'set'}`}
                data-testid="timeline-entry"
                data-seq={String(e.seq)}
                data-cause={e.cause}
                data-removed={String(e.removed)}
                data-name={e.cookie.name}
              >
                <time dateTime={new Date(e.time).toISOString()}>{formatClock(e.time)}</time>
                <span class="action">{action(e)}</span>
                <ValueText class="name" value={e.cookie.name} max={80} />
                <ValueText class="where" value={`${e.cookie.domain}${e.cookie.path}`} max={120} />
                {!e.removed && <ValueText class="short-value" value={e.cookie.value} max={60} />}
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
