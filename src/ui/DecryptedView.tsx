import { shownText } from '../core/decode/json';
import type { DecryptedContent } from '../core/verify/verify-result';
import { LayerList } from './LayerList';
import { NoteList } from './NoteList';
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
      <NoteList notes={c.notes} testId="decrypted-note" />
      <details class="decode-layers">
        <summary>Plaintext and decoding steps ({c.layers.length})</summary>
        <pre class="value-box" data-testid="decrypted-text">
          <ValueText value={c.text} max={MAX_OUTPUT} />
        </pre>
        {c.layers.length > 0 && <LayerList layers={c.layers} testId="decrypted-layer" max={MAX_OUTPUT} />}
      </details>
    </section>
  );
}
