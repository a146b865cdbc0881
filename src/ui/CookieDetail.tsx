import type { ComponentChildren } from 'preact';
import type { CookieView } from '../core/analyze-site';
import { useContext } from 'preact/hooks';
import { bareDomain } from '../core/cookie/match';
import { canVerify } from '../core/verify/can-verify';
import { CookieActions } from './CookieActions';
import { DecodedView } from './DecodedView';
import { FindingList } from './FindingList';
import { StoreContext } from './store-context';
import { ValueText } from './ValueText';
import { VerifyForm } from './VerifyForm';

const MAX_VALUE = 16384;

export interface CookieDetailProps {
  view: CookieView;
  now: number;
  id?: string;
}

/** One line of where the cookie lives: a page-controlled value, cut at `max` characters, and a note after it. */
function Meta({
  term,
  value,
  max,
  children,
}: {
  term: string;
  value: string;
  max: number;
  children?: ComponentChildren;
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <ValueText value={value} max={max} />
        {children}
      </dd>
    </div>
  );
}

/** What expanding a cookie shows: where it lives, the whole value, the decoded value and the findings. */
export function CookieDetail({ view, now, id }: CookieDetailProps) {
  const c = view.cookie;
  // Verifying feeds the analysis through the store; a detail rendered on its own (a row's test) shows no form.
  const store = useContext(StoreContext);
  return (
    <div class="cookie-detail" data-testid="cookie-detail" id={id}>
      <CookieActions key={view.key} cookie={c} now={now} />
      <dl class="meta">
        <Meta term="Domain" value={c.hostOnly ? bareDomain(c.domain) : c.domain} max={300}>
          {c.hostOnly ? ' (this host only)' : ' (and subdomains)'}
        </Meta>
        <Meta term="Path" value={c.path} max={300} />
        {c.partitionKey && (
          <Meta term="Partition" value={c.partitionKey.topLevelSite ?? '(unknown top-level site)'} max={300}>
            {c.partitionKey.hasCrossSiteAncestor ? ' (cross-site ancestor)' : ''}
          </Meta>
        )}
        <Meta term="Store" value={c.storeId} max={100} />
      </dl>
      <div class="full-value">
        <h4>Value ({c.value.length.toLocaleString('en')} characters)</h4>
        <pre class="value-box" data-testid="full-value">
          <ValueText value={c.value} max={MAX_VALUE} />
        </pre>
      </div>
      <DecodedView decoded={view.decoded} now={now} />
      {store && canVerify(view) && <VerifyForm key={view.key} view={view} />}
      <section class="cookie-findings">
        <h4>Findings</h4>
        <FindingList findings={view.findings} empty="No findings for this cookie." />
      </section>
    </div>
  );
}
