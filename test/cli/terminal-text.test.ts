import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/terminal-text';

describe('terminalText', () => {
  it('turns escape sequences, newlines and bidi controls into ? and bounds the length', () => {
    expect(terminalText('sid\u001b[31mred\u001b[0m\nnext\u202eevil')).toBe('sid?[31mred?[0m?next?evil');
    const long = terminalText('x'.repeat(1000), 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
