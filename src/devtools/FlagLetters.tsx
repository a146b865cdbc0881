import type { CookieRecord } from '../core/cookie/cookie-record';
import { chipClass, flagChips } from '../ui/flag-chip-list';

/**
 * The Flags cell of the panel's one-line rows: each flag a letter or two with its explanation as the tooltip, and
 * the full labels once, as hidden text for screen readers; an unpartitioned cookie shows no mark at all. One element
 * per flag and one for the labels (the popup's FlagChips list takes three per flag): every filter keystroke lays
 * out and paints the drawn rows' flags again.
 *
 * A plain function returning the cell, called by the row (no component instance per row).
 */
export function FlagLetters({ cookie }: { cookie: CookieRecord }) {
  const list = flagChips(cookie).filter((c) => c.short !== '');
  return (
    <td class="col-flags" data-testid="cookie-flags">
      {/* One flat array (the letters, then the labels): `{list.map(…)}<span>` made the letters a Fragment. */}
      {[
        ...list.map((c) => (
          <span
            key={c.flag}
            class={chipClass(c)}
            data-flag={c.flag}
            data-on={String(c.on)}
            title={`${c.label}: ${c.title}`}
            aria-hidden="true"
          >
            {c.short}
          </span>
        )),
        <span key="labels" class="visually-hidden">
          {list.map((c) => c.label).join(', ')}
        </span>,
      ]}
    </td>
  );
}
