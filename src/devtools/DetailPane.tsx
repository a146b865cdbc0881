import { useEffect, useRef } from 'preact/hooks';
import { CookieDetail } from '../ui/CookieDetail';
import { CopyButton } from '../ui/CopyButton';
import { ExpiryText } from '../ui/ExpiryText';
import { FlagChips } from '../ui/FlagChips';
import { SessionReasonText } from '../ui/SessionReasonText';
import { SizeText } from '../ui/SizeText';
import { useEdit, useStore } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';
import { isNarrowPanel } from './panel-layout';

/** The selected cookie in full: the same detail components as the popup. */
export function DetailPane() {
  const store = useStore();
  const edit = useEdit();
  const view = store.selection.detail.value;
  const key = store.selection.detailKey.value;
  const now = store.site.now.value;
  const pane = useRef<HTMLElement>(null);
  const shown = view?.key ?? null;
  useEffect(() => {
    // In one column the detail opens under the table, often below the fold: bring it into sight.
    if (shown !== null && isNarrowPanel()) pane.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  if (!view) {
    return (
      <aside class="detail-pane empty" data-testid="detail" aria-label="Cookie detail">
        <p class="muted">
          {key !== null
            ? 'This cookie no longer exists: it was deleted or expired.'
            : 'Select a cookie (click it, or use the arrow keys and Enter) to see its decoded value and findings.'}
        </p>
        {edit && (
          <p class="muted" data-testid="table-keys">
            In the table, Space checks a row and Delete deletes the checked rows, else the focused one; Undo brings them
            back.
          </p>
        )}
      </aside>
    );
  }
  const c = view.cookie;
  return (
    <aside ref={pane} class="detail-pane" data-testid="detail" data-key={view.key} aria-label={`Cookie ${c.name}`}>
      <header class="detail-head">
        <h2>
          <ValueText class="name" testId="cookie-name" value={c.name} max={200} />
        </h2>
        <button type="button" class="close" aria-label="Close detail" onClick={store.selection.closeDetail}>
          ×
        </button>
      </header>
      <div class="row-meta">
        <FlagChips cookie={c} />
        <ExpiryText cookie={c} now={now} />
        <SizeText size={view.size} />
      </div>
      {view.sessionReason && <SessionReasonText reason={view.sessionReason} />}
      <div class="row-value">
        <ValueText class="short-value" testId="cookie-value" value={c.value} max={120} />
        <CopyButton text={c.value} what={`value of ${c.name}`} />
      </div>
      <CookieDetail view={view} now={now} />
    </aside>
  );
}
