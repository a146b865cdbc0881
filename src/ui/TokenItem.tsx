import { useState } from 'preact/hooks';
import type { FoundToken } from '../core/audit/audit-input';
import type { Finding } from '../core/audit/finding';
import { decodeJwt } from '../core/decode/jwt';
import { CopyButton } from './CopyButton';
import { FindingList } from './FindingList';
import { JwtView } from './JwtView';
import { useStore } from './store-context';
import { ValueText } from './ValueText';

const KIND_WORDS = { jwt: 'JWT', jwe: 'JWE', opaque: 'opaque token' } as const;

export interface TokenItemProps {
  token: FoundToken;
  /** The site's findings about this token (by location and name). */
  findings: readonly Finding[];
  now: number;
}

/** One token found outside the cookie jar: where it is, what it is, its findings, and on request its claims. */
export function TokenItem({ token: t, findings, now }: TokenItemProps) {
  const [open, setOpen] = useState(false);
  const decoded = open && t.kind !== 'opaque' ? decodeJwt(t.token) : undefined;
  const where = t.location === 'header' ? `${t.name} header` : `${t.location}: ${t.name}`;
  return (
    <li
      class="token-item"
      data-testid="page-token"
      data-location={t.location}
      data-name={t.name}
      data-kind={t.kind ?? 'jwt'}
      data-findings={String(findings.length)}
    >
      <div class="token-head">
        <button
          type="button"
          class="toggle"
          aria-expanded={open}
          data-testid="page-token-toggle"
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        {ValueText({ value: where, max: 200, class: 'name', testId: 'page-token-where' })}
        <span class="chip">{KIND_WORDS[t.kind ?? 'jwt']}</span>
        {t.label && <span class="muted">{t.label}</span>}
        {t.origin && ValueText({ value: t.origin, max: 200, class: 'muted prose' })}
        <CopyButton text={t.token} what={`token ${t.name}`} testId="copy-token" />
      </div>
      {ValueText({ value: t.token, max: 120, testId: 'page-token-value' })}
      {open && (
        <div class="token-detail" data-testid="page-token-detail">
          {decoded && decoded.kind !== 'not-jwt' && <JwtView jwt={decoded} now={now} />}
          <FindingList findings={findings} empty="No findings for this token." />
        </div>
      )}
    </li>
  );
}

function findingsOf(t: FoundToken, site: readonly Finding[]): Finding[] {
  return site.filter((f) => f.location === t.location && f.tokenName === t.name);
}

/** The tokens found outside the cookie jar, each with the site's findings about it; `empty` when there are none. */
export function TokenList({ tokens, empty }: { tokens: readonly FoundToken[]; empty: string }) {
  const store = useStore();
  const site = store.site.analysis.value?.siteFindings ?? [];
  const now = store.site.now.value;
  if (tokens.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="token-list">
      {tokens.map((t, i) => (
        <TokenItem
          key={`${t.location}|${t.name}|${t.path ?? ''}|${i}`}
          token={t}
          findings={findingsOf(t, site)}
          now={now}
        />
      ))}
    </ul>
  );
}
