import type { ClaimChange } from '../core/snapshot/token-claims';
import type { SnapshotDiff } from '../core/snapshot/diff-snapshots';
import { storedDomain } from '../core/cookie/stored-domain';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { ValueText } from './ValueText';

/** Names, keys and cookie identities are cut at this length; claim values at SHOWN_MAX. Both from the page. */
const NAME_MAX = 256;
const SHOWN_MAX = 120;

/** A claim's value as text: a string as itself, anything else as its JSON (ValueText cuts and shows it). */
function claimText(v: unknown): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

function Shown({ value }: { value: unknown }) {
  return <ValueText value={claimText(value)} max={SHOWN_MAX} />;
}

function Claims({ claims }: { claims: readonly ClaimChange[] | undefined }) {
  if (!claims || claims.length === 0) return null;
  return (
    <ul class="diff-claims">
      {claims.map((c) => (
        <li key={c.name} data-testid="diff-claim" data-claim={c.name} data-kind={c.kind}>
          <ValueText value={c.name} max={NAME_MAX} /> {c.kind}
          {c.kind === 'changed' && (
            <>
              : <Shown value={c.before} /> → <Shown value={c.after} />
            </>
          )}
          {c.kind === 'added' && (
            <>
              : <Shown value={c.after} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The cookie's name, where it is stored, and whether it is partitioned: all but the last word from the page. */
function CookieLabel({ c }: { c: CookieRecord }) {
  return (
    <>
      <ValueText value={c.name} max={NAME_MAX} />{' '}
      <ValueText value={`${storedDomain(c.domain, c.hostOnly)}${c.path}`} max={NAME_MAX} />
      {c.partitionKey ? ' (partitioned)' : ''}
    </>
  );
}

/** A web-storage entry's key and origin. */
function StorageLabel({ e }: { e: { key: string; origin: string } }) {
  return (
    <>
      <ValueText value={e.key} max={NAME_MAX} /> (<ValueText value={e.origin} max={NAME_MAX} class="prose" />)
    </>
  );
}

/** Added, removed and changed cookies and web-storage entries between two states, with the token claims that changed. */
export function SnapshotDiffView({ diff, from, to }: { diff: SnapshotDiff; from: string; to: string }) {
  const { cookies, storage } = diff;
  const total =
    cookies.added.length +
    cookies.removed.length +
    cookies.changed.length +
    storage.added.length +
    storage.removed.length +
    storage.changed.length;
  return (
    <div class="snapshot-diff" data-testid="snapshot-diff" data-changes={total}>
      <p class="small">
        From {from} to {to}: {total === 0 ? 'no difference.' : `${total} change${total === 1 ? '' : 's'}.`}
      </p>
      <ul>
        {cookies.added.map((c, i) => (
          <li key={`ca${i}`} data-testid="diff-cookie" data-change="added" data-name={c.name}>
            + cookie <CookieLabel c={c} />
          </li>
        ))}
        {cookies.removed.map((c, i) => (
          <li key={`cr${i}`} data-testid="diff-cookie" data-change="removed" data-name={c.name}>
            − cookie <CookieLabel c={c} />
          </li>
        ))}
        {cookies.changed.map((c, i) => (
          <li key={`cc${i}`} data-testid="diff-cookie" data-change="changed" data-name={c.after.name}>
            ~ cookie <CookieLabel c={c.after} />: {c.attributes.join(', ')}
            <Claims claims={c.tokenClaims} />
          </li>
        ))}
        {storage.added.map((e, i) => (
          <li key={`sa${i}`} data-testid="diff-storage" data-change="added" data-key={e.key}>
            + {e.area} <StorageLabel e={e} />
          </li>
        ))}
        {storage.removed.map((e, i) => (
          <li key={`sr${i}`} data-testid="diff-storage" data-change="removed" data-key={e.key}>
            − {e.area} <StorageLabel e={e} />
          </li>
        ))}
        {storage.changed.map((e, i) => (
          <li key={`sc${i}`} data-testid="diff-storage" data-change="changed" data-key={e.after.key}>
            ~ {e.after.area} <StorageLabel e={e.after} />: value
            <Claims claims={e.tokenClaims} />
          </li>
        ))}
      </ul>
    </div>
  );
}
