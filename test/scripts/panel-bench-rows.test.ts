import { describe, expect, it } from 'vitest';
import { redrewRows, rowsBroughtIn } from '../../bench/panel-bench';

const drawn = (...keys: string[]) => JSON.stringify({ count: `${keys.length} shown`, keys });

describe('the panel bench: what a key did to the drawn rows', () => {
  it('counts the rows drawn after a key whose cookie was not drawn before it', () => {
    expect(rowsBroughtIn(drawn('a', 'b', 'c', 'd'), drawn('b', 'c', 'e', 'f'))).toEqual({ brought: 2, drawn: 4 });
    expect(rowsBroughtIn(drawn('a', 'b'), drawn('a', 'b'))).toEqual({ brought: 0, drawn: 2 });
    // Typing on narrows the list: fewer rows, none new.
    expect(rowsBroughtIn(drawn('a', 'b', 'c'), drawn('c'))).toEqual({ brought: 0, drawn: 1 });
  });

  it('counts a cookie by its key, wherever it moved among the drawn rows, and keys with commas whole', () => {
    expect(rowsBroughtIn(drawn('x,1', 'y'), drawn('y', 'x,1'))).toEqual({ brought: 0, drawn: 2 });
    expect(rowsBroughtIn(drawn('x', '1'), drawn('x,1'))).toEqual({ brought: 1, drawn: 1 });
  });

  it('says a key redrew the table when it brought in more than half of the rows it drew', () => {
    expect(redrewRows({ brought: 15, drawn: 28 })).toBe(true);
    expect(redrewRows({ brought: 14, drawn: 28 })).toBe(false);
    expect(redrewRows({ brought: 0, drawn: 0 })).toBe(false);
    expect(redrewRows(rowsBroughtIn(drawn(), drawn('a')))).toBe(true);
  });
});
