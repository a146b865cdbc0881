import type { CookieRecord } from '../core/cookie/cookie-record';
import { chipClass, flagChips } from './flag-chip-list';

/**
 * Hook-free on purpose: CookieRow calls it as a plain function (one fewer component instance per row).
 * `compact` (the panel's one-line rows): each flag as a letter or two, its full label as hidden text for screen
 * readers and its explanation as the tooltip; an unpartitioned cookie shows no mark at all.
 */
export function FlagChips({
  cookie,
  class: cls,
  compact = false,
}: {
  cookie: CookieRecord;
  class?: string;
  compact?: boolean;
}) {
  const list = flagChips(cookie).filter((c) => !compact || c.short !== '');
  return (
    <ul
      class={`chips${compact ? ' compact' : ''}${cls ? ` ${cls}` : ''}`}
      data-testid="cookie-flags"
      aria-label="Flags"
    >
      {list.map((c) => (
        <li
          key={c.flag}
          class={chipClass(c)}
          data-flag={c.flag}
          data-on={String(c.on)}
          title={compact ? `${c.label}: ${c.title}` : c.title}
        >
          {compact ? (
            <>
              <span aria-hidden="true">{c.short}</span>
              <span class="visually-hidden">{c.label}</span>
            </>
          ) : (
            c.label
          )}
        </li>
      ))}
    </ul>
  );
}
