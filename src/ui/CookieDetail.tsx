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

/** What expanding a cookie shows: where it lives, the whole value, the decoded value and the findings. */
export function CookieDetail({ view, now, id }: CookieDetailProps) {
  const c = view.cookie;
  // Verifying feeds the analysis through the store; a detail rendered on its own (a row's test) shows no form.
  const store = useContext(StoreContext);
  return (
    <div class="cookie-detail" data-testid="cookie-detail" id={id}>
      <CookieActions key={view.key} cookie={c} now={now} />
      <dl class="meta">
        <div>
          <dt>Domain</dt>
          <dd>
            <ValueText value={c.hostOnly ? bareDomain(c.domain) : c.domain} max={300} />
            {c.hostOnly ? ' (this host only)' : ' (and subdomains)'}
          </dd>
        </div>
        <div>
          <dt>Path</dt>
          <dd>
            <ValueText value={c.path} max={300} />
          </dd>
        </div>
        {c.partitionKey && (
          <div>
            <dt>Partition</dt>
            <dd>
              <ValueText value={c.partitionKey.topLevelSite ?? '(unknown top-level site)'} max={300} />
              {c.partitionKey.hasCrossSiteAncestor ? ' (cross-site ancestor)' : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>Store</dt>
          <dd>
            <ValueText value={c.storeId} max={100} />
          </dd>
        </div>
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
