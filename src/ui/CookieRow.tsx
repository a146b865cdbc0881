import { useId } from 'preact/hooks';
import type { CookieView } from '../core/analyze-site';
import { worstSeverity } from '../core/audit/summary';
import { CookieDetail } from './CookieDetail';
import { CopyButton } from './CopyButton';
import { ExpiryText } from './ExpiryText';
import { FlagChips } from './FlagChips';
import { cookieRowAttrs } from './cookie-row-attrs';
import { SessionReasonText } from './SessionReasonText';
import { SizeText } from './SizeText';
import { ValueText } from './ValueText';
import { counted } from './counted';

export interface CookieRowProps {
  view: CookieView;
  now: number;
  expanded: boolean;
  onToggle: (key: string) => void;
  /** Checked for the actions on several cookies (delete selected, export); no checkbox without `onMark`. */
  marked?: boolean;
  /** Check or uncheck this row; `extend` (shift-click) checks the run from the last row checked. */
  onMark?: (key: string, extend: boolean) => void;
  /**
   * The popup's first frame, for a row below the first screenful: the row with its data attributes and its first
   * line (checkbox, toggle, name, size), and its other lines empty at their full height. Rows out of view skip
   * rendering (content-visibility in popup.css), so nothing on screen differs; the whole row follows right after
   * that frame has painted (src/popup/PopupApp.tsx).
   */
  light?: boolean;
}

/**
 * One cookie in the popup's list: the summary always, the detail when expanded. The popup renders up to 180 of
 * these at once, so the hook-free pieces this file owns (ValueText, FlagChips, ExpiryText) are called as plain
 * functions: the same elements, without a component instance each (about 700 fewer at 180 cookies).
 */
export function CookieRow({ view, now, expanded, onToggle, marked = false, onMark, light = false }: CookieRowProps) {
  const detailId = useId();
  const c = view.cookie;
  const n = view.findings.length;
  const worst = worstSeverity(view.findings);
  return (
    <li
      class={`cookie-row${expanded ? ' open' : ''}${marked ? ' marked' : ''}${view.sessionReason ? ' with-reason' : ''}`}
      {...cookieRowAttrs(view)}
      onClick={(e) => {
        // A row below the fold skips rendering (content-visibility: auto in popup.css) until the frame after it
        // is scrolled into view; a click in that frame (automation scrolls and clicks at once) hits the row's
        // own box, not its toggle. So a click on the row box itself (also its padding and indent) toggles it.
        // https://developer.mozilla.org/en-US/docs/Web/CSS/content-visibility
        if (e.target === e.currentTarget) onToggle(view.key);
      }}
    >
      <div class="line row-head">
        {onMark && (
          <input
            type="checkbox"
            class="row-check"
            data-testid="cookie-check"
            aria-label={`Select ${c.name}`}
            checked={marked}
            onClick={(e) => onMark(view.key, e.shiftKey)}
          />
        )}
        <button
          type="button"
          class="toggle"
          data-testid="cookie-toggle"
          aria-expanded={expanded}
          // The detail exists only when expanded: pointing at a missing id would be wrong.
          aria-controls={expanded ? detailId : undefined}
          onClick={() => onToggle(view.key)}
        >
          {ValueText({ class: 'name', testId: 'cookie-name', value: c.name, max: 120 })}
        </button>
        {worst !== null && (
          <span
            class={`finding-count sev-${worst}`}
            title={`${counted(n, 'finding', 'findings')}, worst: ${worst}`}
          >{`${n} ${worst}`}</span>
        )}
        <SizeText size={view.size} />
      </div>
      {light && !expanded ? (
        <>
          <div class="line" />
          <div class="line" />
          <div class="line" />
          {view.sessionReason && <div class="line" />}
        </>
      ) : (
        <>
          {FlagChips({ cookie: c, class: 'line' })}
          {ExpiryText({ cookie: c, now, class: 'line' })}
          <div class="line row-value">
            {ValueText({ class: 'short-value', testId: 'cookie-value', value: c.value, max: 72 })}
            <CopyButton text={c.value} what={`value of ${c.name}`} />
          </div>
          {view.sessionReason && (
            <div class="line row-reason">
              <SessionReasonText reason={view.sessionReason} />
            </div>
          )}
          {expanded && <CookieDetail view={view} now={now} id={detailId} />}
        </>
      )}
    </li>
  );
}
