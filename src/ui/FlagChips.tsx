import type { CookieRecord } from '../core/cookie/cookie-record';
import { chipClass, flagChips } from './flag-chip-list';

/**
 * Hook-free on purpose: CookieRow calls it as a plain function (one fewer component instance per row). The panel's
 * one-line rows show the same flags as letters (src/devtools/FlagLetters.tsx).
 */
export function FlagChips({ cookie, class: cls }: { cookie: CookieRecord; class?: string }) {
  return (
    <ul class={`chips${cls ? ` ${cls}` : ''}`} data-testid="cookie-flags" aria-label="Flags">
      {flagChips(cookie).map((c) => (
        <li key={c.flag} class={chipClass(c)} data-flag={c.flag} data-on={String(c.on)} title={c.title}>
          {c.label}
        </li>
      ))}
    </ul>
  );
}
