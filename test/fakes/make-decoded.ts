import { opaque, type DecodedValue } from '../../src/core/decode/decoded-value';

/** What the decoder says of a Flask session cookie (itsdangerous): readable by the client. `over` adds the rest. */
export function flaskDecoded(over: Partial<DecodedValue> = {}): DecodedValue {
  return { ...opaque(), format: 'flask', label: 'Flask session (itsdangerous)', clientReadable: true, ...over };
}
