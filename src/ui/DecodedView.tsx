import { formatRelative } from '../core/cookie/expiry';
import type { DecodedValue } from '../core/decode/decoded-value';
import { formatDate } from './format-date';
import { shownText } from '../core/decode/json';
import { JwtView } from './JwtView';
import { ValueText } from './ValueText';

const MAX_OUTPUT = 8192;

/**
 * Whatever the decoders return, shown generically: the format, the JWT (at the top or inside the chain),
 * the readable data, each decoding step, notes and the error that stopped decoding.
 */
export function DecodedView({ decoded: d, now }: { decoded: DecodedValue; now: number }) {
  return (
    <section class="decoded" data-testid="decoded" data-format={d.format ?? 'none'}>
      <h4 class="decoded-label">
        <ValueText value={d.label} max={200} />
      </h4>
      {d.error !== undefined && d.error !== '' && (
        <p class="decode-error" role="note" data-testid="decode-error">
          Decoding stopped: <ValueText value={d.error} max={400} />
        </p>
      )}
      {(d.clientReadable || d.hmacSigned) && (
        <ul class="decode-facts">
          {d.clientReadable && <li>Client-side session: anyone holding the cookie can read this data.</li>}
          {d.hmacSigned && <li>HMAC-signed: a weak or default secret would let anyone forge it.</li>}
        </ul>
      )}
      {d.issuedAt !== undefined && Number.isFinite(d.issuedAt) && (
        <p class="issued" data-testid="decoded-issued">
          Issued {formatDate(d.issuedAt * 1000)} ({formatRelative(d.issuedAt * 1000, now, '')})
        </p>
      )}
      {d.entropyBits !== undefined && Number.isFinite(d.entropyBits) && (
        <p class="entropy" data-testid="entropy">
          About {Math.round(d.entropyBits)} bits of entropy
        </p>
      )}
      {d.jwt && <JwtView jwt={d.jwt} now={now} />}
      {!d.jwt && d.data !== undefined && (
        <pre class="value-box" data-testid="decoded-data">
          <ValueText value={shownText(d.data)} max={MAX_OUTPUT * 2} multiline={typeof d.data !== 'string'} />
        </pre>
      )}
      {d.notes.length > 0 && (
        <ul class="decode-notes">
          {d.notes.map((n, i) => (
            <li key={i} data-testid="decode-note">
              <ValueText value={n} max={400} />
            </li>
          ))}
        </ul>
      )}
      {d.layers.length > 0 && (
        <details class="decode-layers" open={!d.jwt && d.data === undefined}>
          <summary>Decoding steps ({d.layers.length})</summary>
          <ol>
            {d.layers.map((l, i) => (
              <li key={i} data-testid="decode-layer" data-kind={l.kind}>
                <ValueText class="layer-label" value={l.label} max={200} />
                <pre class="value-box">
                  <ValueText value={l.output} max={MAX_OUTPUT} />
                </pre>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
