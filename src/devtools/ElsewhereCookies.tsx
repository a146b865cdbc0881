import { useState } from 'preact/hooks';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { storedDomain } from '../core/cookie/stored-domain';
import { CopyButton } from '../ui/CopyButton';
import { counted } from '../ui/counted';
import { ExpiryText } from '../ui/ExpiryText';
import { FlagChips } from '../ui/FlagChips';
import { useEdit, useStore } from '../ui/store-context';
import { ValueText } from '../ui/ValueText';

/** A site embedded in many others can have a cookie under each: the first ones are listed, all are counted. */
export const ELSEWHERE_LISTED = 50;

const partitionOf = (c: CookieRecord): string => c.partitionKey?.topLevelSite ?? '';

/** By the partition's site, then name: each embedding site's cookies together. */
function byPartitionThenName(a: CookieRecord, b: CookieRecord): number {
  const pa = partitionOf(a);
  const pb = partitionOf(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The site's cookies kept in other top-level sites' partitions (CHIPS, or Firefox's Total Cookie Protection): set
 * while the site was embedded there, they go only with its frames under that site. They are not this page's, so
 * the table and the grade leave them out; this says they exist, and what they are.
 */
export function ElsewhereCookies() {
  const store = useStore();
  const edit = useEdit();
  // Open from the start where it is all the panel has to show of the site (set once: the user's folding is kept).
  const [openAtFirst] = useState(() => store.site.state.peek() === 'no-cookies');
  const all = store.site.elsewhere.value;
  if (all.length === 0) return null;
  const listed = [...all].sort(byPartitionThenName).slice(0, ELSEWHERE_LISTED);
  const more = all.length - listed.length;
  const now = store.site.now.value;
  const one = all.length === 1;
  return (
    <details class="elsewhere" data-testid="elsewhere" data-count={all.length} open={openAtFirst}>
      <summary>{`Kept for this site under other sites (${all.length.toLocaleString('en')})`}</summary>
      <p class="muted">
        {`${counted(all.length, 'cookie', 'cookies')} of this site ${one ? 'is' : 'are'} partitioned under another ` +
          `top-level site: set while the site was embedded there, ${one ? 'it goes' : 'they go'} only with its ` +
          `frames under that site, never with this page. The table and the grade leave ${one ? 'it' : 'them'} out; ` +
          `Would it be sent? answers for ${one ? 'it' : 'them'} given that site as the top-level site.`}
      </p>
      <ul>
        {listed.map((c) => (
          <li key={cookieKey(c)} data-testid="elsewhere-cookie" data-name={c.name} data-partition={partitionOf(c)}>
            <ValueText value={c.name} max={80} class="name" />
            {' under '}
            <ValueText value={partitionOf(c) || '(no site named)'} max={120} class="prose" testId="elsewhere-site" />
            {' · '}
            <ValueText value={`${storedDomain(c.domain, c.hostOnly)}${c.path}`} max={160} class="prose" />
            {' · '}
            <ExpiryText cookie={c} now={now} />
            <FlagChips cookie={c} />
            <span class="elsewhere-value">
              <ValueText value={c.value} max={80} testId="elsewhere-value" />{' '}
              <CopyButton text={c.value} what={`value of ${c.name}`} />
              {edit && (
                // Through the write path as any delete: read back, and undone by the views' Undo.
                <button
                  type="button"
                  data-testid="elsewhere-delete"
                  aria-label={`Delete ${c.name} kept under ${partitionOf(c) || 'another site'}`}
                  disabled={edit.writer.busy.value}
                  onClick={() => void edit.writer.write([{ kind: 'remove', cookie: c }], `delete of ${c.name}`)}
                >
                  Delete
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="small">{`and ${more.toLocaleString('en')} more.`}</p>}
      {edit && !one && (
        // Every one of them, the unlisted too: past the first 50 this is the only way to them.
        <p>
          <button
            type="button"
            data-testid="elsewhere-delete-all"
            disabled={edit.writer.busy.value}
            onClick={() =>
              void edit.writer.write(
                all.map((cookie) => ({ kind: 'remove', cookie })),
                `delete of ${all.length} cookies of ${store.site.host.peek()} kept under other sites`,
              )
            }
          >
            {`Delete all ${all.length.toLocaleString('en')} kept under other sites`}
          </button>
        </p>
      )}
    </details>
  );
}
