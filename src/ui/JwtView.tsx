import { formatRelative } from '../core/cookie/expiry';
import { jwtValidity } from '../core/decode/jwt';
import type { ClaimTime, DecodedJwe, DecodedJws, JsonObject } from '../core/decode/jwt-types';
import { formatDate } from './format-date';
import { shownText } from '../core/decode/json';
import { ValueText } from './ValueText';

const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf']);
const MAX_CLAIM = 2000;

function TimeOf({ name, time, now }: { name: string; time: ClaimTime; now: number }) {
  const ms = time.seconds * 1000;
  // "expired … ago" only makes sense for exp; an issue time in the past is just "… ago".
  const relative = formatRelative(ms, now, name === 'exp' ? 'expired ' : '');
  return (
    <span class="claim-time">
      <time dateTime={time.iso}>{formatDate(ms)}</time> <span class="relative">({relative})</span>
    </span>
  );
}

function Params({ obj, testId, item, times, now }: ParamsProps) {
  return (
    <dl class="params" data-testid={testId}>
      {Object.keys(obj).map((k) => {
        const t = times?.[k as keyof DecodedJws['times']];
        return (
          <div key={k} class="param" data-testid={item} data-claim={item === 'claim' ? k : undefined}>
            <dt>
              <ValueText value={k} max={200} />
            </dt>
            <dd>
              <ValueText value={shownText(obj[k])} max={MAX_CLAIM} />
              {t && TIME_CLAIMS.has(k) && (
                <>
                  {' '}
                  <TimeOf name={k} time={t} now={now} />
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

interface ParamsProps {
  obj: JsonObject;
  testId: string;
  item: string;
  times?: DecodedJws['times'];
  now: number;
}

function Status({ jws, now }: { jws: DecodedJws; now: number }) {
  const { expired, notYetValid } = jwtValidity(jws, now);
  const status = expired ? 'expired' : notYetValid ? 'not-yet-valid' : 'valid';
  let text: string;
  if (expired) text = `Expired ${formatRelative(jws.times.exp!.seconds * 1000, now, '')}`;
  else if (notYetValid) text = `Not valid yet: valid from ${formatDate(jws.times.nbf!.seconds * 1000)}`;
  else if (jws.times.exp) text = `Valid, expires ${formatRelative(jws.times.exp.seconds * 1000, now)}`;
  else text = 'No expiry claim: valid until the server says otherwise';
  return (
    <p class={`jwt-status ${status}`} data-testid="jwt-status" data-status={status}>
      {text}
    </p>
  );
}

export function JwtView({ jwt, now }: { jwt: DecodedJws | DecodedJwe; now: number }) {
  if (jwt.kind === 'jwe') {
    return (
      <div class="jwt">
        <h4>Header (encrypted token: the claims need the key)</h4>
        <Params obj={jwt.header} testId="jwt-header" item="header-param" now={now} />
      </div>
    );
  }
  return (
    <div class="jwt">
      <Status jws={jwt} now={now} />
      {jwt.unsigned && (
        <p class="warn" data-testid="jwt-unsigned">
          Unsigned token (alg none): anyone can forge it.
        </p>
      )}
      <h4>Header</h4>
      <Params obj={jwt.header} testId="jwt-header" item="header-param" now={now} />
      <h4>Claims</h4>
      {jwt.claims ? (
        <Params obj={jwt.claims} testId="jwt-claims" item="claim" times={jwt.times} now={now} />
      ) : (
        <div data-testid="jwt-claims">
          <p class="muted">The payload is not a JSON object. Raw payload (base64url):</p>
          <pre class="value-box">
            <ValueText value={jwt.raw.payload} max={MAX_CLAIM} />
          </pre>
        </div>
      )}
    </div>
  );
}
