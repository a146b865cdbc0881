import type { ClaimChange } from '../core/snapshot/token-claims';
import type { SnapshotDiff } from '../core/snapshot/diff-snapshots';
import { storedDomain } from '../core/cookie/stored-domain';
import type { CookieRecord } from '../core/cookie/cookie-record';

function show(v: unknown): string {
  if (v === undefined) return '—';
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

function Claims({ claims }: { claims: readonly ClaimChange[] | undefined }) {
  if (!claims || claims.length === 0) return null;
  return (
    <ul class="diff-claims">
      {claims.map((c) => (
        <li key={c.name} data-testid="diff-claim" data-claim={c.name} data-kind={c.kind}>
          <span class="mono">{c.name}</span> {c.kind}
          {c.kind === 'changed'
            ? `: ${show(c.before)} → ${show(c.after)}`
            : c.kind === 'added'
              ? `: ${show(c.after)}`
              : ''}
        </li>
      ))}
    </ul>
  );
}

function cookieLabel(c: CookieRecord): string {
  return `${c.name} ${storedDomain(c.domain, c.hostOnly)}${c.path}${c.partitionKey ? ' (partitioned)' : ''}`;
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
            + cookie <span class="mono">{cookieLabel(c)}</span>
          </li>
        ))}
        {cookies.removed.map((c, i) => (
          <li key={`cr${i}`} data-testid="diff-cookie" data-change="removed" data-name={c.name}>
            − cookie <span class="mono">{cookieLabel(c)}</span>
          </li>
        ))}
        {cookies.changed.map((c, i) => (
          <li key={`cc${i}`} data-testid="diff-cookie" data-change="changed" data-name={c.after.name}>
            ~ cookie <span class="mono">{cookieLabel(c.after)}</span>: {c.attributes.join(', ')}
            <Claims claims={c.tokenClaims} />
          </li>
        ))}
        {storage.added.map((e, i) => (
          <li key={`sa${i}`} data-testid="diff-storage" data-change="added" data-key={e.key}>
            + {e.area} <span class="mono">{e.key}</span> ({e.origin})
          </li>
        ))}
        {storage.removed.map((e, i) => (
          <li key={`sr${i}`} data-testid="diff-storage" data-change="removed" data-key={e.key}>
            − {e.area} <span class="mono">{e.key}</span> ({e.origin})
          </li>
        ))}
        {storage.changed.map((e, i) => (
          <li key={`sc${i}`} data-testid="diff-storage" data-change="changed" data-key={e.after.key}>
            ~ {e.after.area} <span class="mono">{e.after.key}</span> ({e.after.origin}): value
            <Claims claims={e.tokenClaims} />
          </li>
        ))}
      </ul>
    </div>
  );
}
