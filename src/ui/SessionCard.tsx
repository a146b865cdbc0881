import type { SessionMechanism } from '../core/session/explain-session';
import { useStore } from './store-context';
import { ValueText } from './ValueText';

/** Page-controlled parts (names, domains, a token's alg) reach these strings: shown through ValueText. */
const MAX_TEXT = 300;

const KIND_WORDS: Record<SessionMechanism['kind'], string> = {
  'server-session-id': 'Server-side session',
  'client-session': 'Client-side session',
  jwt: 'Token session',
  'opaque-token': 'Token',
};

function readableText(m: SessionMechanism): string {
  if (m.scriptReadable === null) return 'sent in a request header: readable wherever the page keeps it';
  return m.scriptReadable ? 'page scripts can read it (no HttpOnly)' : 'hidden from page scripts (HttpOnly)';
}

export interface SessionCardProps {
  /** Shows the cookie behind a line (the popup expands its row, the panel opens it in the detail pane). */
  onShowCookie: (key: string) => void;
  /** Open at first (the panel); the popup starts folded to its heading, to keep its findings in sight. */
  open?: boolean;
}

/**
 * How this site's session works, in the terms sessions are taught in: for each mechanism, where it is stored,
 * whether scripts can read it, whether it is signed or encrypted, how long it lives and whether it goes
 * cross-site. Each line leads to the cookie (and so its findings) behind it.
 */

export function SessionCard({ onShowCookie, open = false }: SessionCardProps) {
  const store = useStore();
  const mechanisms = store.site.mechanisms.value;
  const count = store.site.mechanismCount.value;
  const link = (key: string, text: string, testId: string) => (
    <button type="button" class="link" data-testid={testId} onClick={() => onShowCookie(key)}>
      {ValueText({ value: text, max: MAX_TEXT, class: 'prose' })}
    </button>
  );
  return (
    <details class="session-card" data-testid="session-card" open={open}>
      <summary>
        <h2>
          How this session works <span class="count">({count})</span>
        </h2>
      </summary>
      {mechanisms.length === 0 ? (
        <p class="muted" data-testid="session-card-empty">
          No cookie here looks like a login session. Log in, then reopen this view to see how the site keeps you signed
          in.
        </p>
      ) : (
        <ul class="mechanisms">
          {mechanisms.map((m, i) => (
            <li
              key={m.ref.cookieKey ?? `${m.location}|${m.where}|${i}`}
              data-testid="session-mechanism"
              data-kind={m.kind}
              data-location={m.location}
              data-key={m.ref.cookieKey}
              data-protection={m.protection}
              data-cross-site={m.crossSite}
              data-script-readable={m.scriptReadable === null ? 'unknown' : String(m.scriptReadable)}
            >
              <p class="mechanism-title">
                <strong>{KIND_WORDS[m.kind]}</strong>
                {': '}
                {ValueText({ value: m.label, max: MAX_TEXT, class: 'prose' })}
              </p>
              <dl class="mechanism-facts">
                <dt>Stored</dt>
                <dd>
                  {m.ref.cookieKey !== undefined
                    ? link(m.ref.cookieKey, m.where, 'session-mechanism-link')
                    : ValueText({ value: m.where, max: MAX_TEXT, class: 'prose' })}
                </dd>
                <dt>Scripts</dt>
                <dd>{readableText(m)}</dd>
                <dt>Protected</dt>
                <dd>{ValueText({ value: m.protectionDetail, max: MAX_TEXT, class: 'prose' })}</dd>
                <dt>Lifetime</dt>
                <dd>{ValueText({ value: m.lifetime, max: MAX_TEXT, class: 'prose' })}</dd>
                <dt>Cross-site</dt>
                <dd>{m.crossSiteDetail}</dd>
                {m.ref.findingIds.length > 0 && (
                  <>
                    <dt>Findings</dt>
                    <dd class="finding-links" data-testid="session-mechanism-findings">
                      {m.ref.findingIds.map((id) =>
                        m.ref.cookieKey !== undefined ? (
                          <span key={id}>{link(m.ref.cookieKey, id, 'session-mechanism-finding')}</span>
                        ) : (
                          <span key={id}>{id}</span>
                        ),
                      )}
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {count > mechanisms.length && (
        <p class="muted" data-testid="session-card-more">
          {`${count - mechanisms.length} more not shown here.`}
          {store.filter ? ' Filter the table with session:yes to list every session cookie.' : ''}
        </p>
      )}
    </details>
  );
}
