import type { CookieRecord } from '../core/cookie/cookie-record';
import { chipClass, flagChips } from '../ui/flag-chip-list';

/**
 * The Flags cell of the panel's one-line rows: each flag a letter or two, named for screen readers by its label
 * (`role="img"` with `aria-label`: "no Secure") and explained by its tooltip; an unpartitioned cookie shows no mark
 * at all. One element per flag and nothing else: every filter keystroke lays out and paints the drawn rows' flags
 * again. A hidden span of the labels beside the letters, as the cell had, was a positioned, clipped box in every
 * row: about a tenth of a keystroke's rendering work in traces.
 *
 * A plain function returning the cell, called by the row (no component instance per row).
 */
export function FlagLetters({ cookie }: { cookie: CookieRecord }) {
  const list = flagChips(cookie).filter((c) => c.short !== '');
  return (
    <td class="col-flags" data-testid="cookie-flags">
      {list.map((c) => (
        <span
          key={c.flag}
          class={chipClass(c)}
          data-flag={c.flag}
          data-on={String(c.on)}
          role="img"
          aria-label={c.label}
          title={c.title}
        >
          {c.short}
        </span>
      ))}
    </td>
  );
}
