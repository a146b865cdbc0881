import type { DecodeLayer } from '../core/decode/decoded-value';
import { ValueText } from './ValueText';

/** Decoding steps in order, each label and output as text. */
export function LayerList({ layers, testId, max }: { layers: readonly DecodeLayer[]; testId: string; max: number }) {
  return (
    <ol>
      {layers.map((l, i) => (
        <li key={i} data-testid={testId} data-kind={l.kind}>
          <ValueText class="layer-label" value={l.label} max={200} />
          <pre class="value-box">
            <ValueText value={l.output} max={max} />
          </pre>
        </li>
      ))}
    </ol>
  );
}
