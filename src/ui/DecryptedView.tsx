import { shownText } from '../core/decode/json';
import type { DecryptedContent } from '../core/verify/verify-result';
import { ValueText } from './ValueText';

const MAX_OUTPUT = 16384;

/**
 * What the user's secret decrypted (a Rails encrypted or Laravel cookie): the readable data, what it is, and
 * the plaintext and decoding steps behind it. The plaintext is the page's data: text only, like any value.
 */
export function DecryptedView({ content: c }: { content: DecryptedContent }) {
  const data = c.data === undefined ? c.text : c.data;
  return (
    <section class="decrypted" data-testid="decrypted" aria-label="Decrypted content">
      <h5 class="decrypted-label">Decrypted: {c.label}</h5>
      <pre class="value-box" data-testid="decrypted-data">
        <ValueText value={shownText(data)} max={MAX_OUTPUT} multiline={typeof data !== 'string'} />
      </pre>
      {c.notes.length > 0 && (
        <ul class="decode-notes">
          {c.notes.map((n, i) => (
            <li key={i} data-testid="decrypted-note">
              <ValueText value={n} max={400} />
            </li>
          ))}
        </ul>
      )}
      <details class="decode-layers">
        <summary>Plaintext and decoding steps ({c.layers.length})</summary>
        <pre class="value-box" data-testid="decrypted-text">
          <ValueText value={c.text} max={MAX_OUTPUT} />
        </pre>
        {c.layers.length > 0 && (
          <ol>
            {c.layers.map((l, i) => (
              <li key={i} data-testid="decrypted-layer" data-kind={l.kind}>
                <span class="layer-label">{l.label}</span>
                <pre class="value-box">
                  <ValueText value={l.output} max={MAX_OUTPUT} />
                </pre>
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
