import { describe, expect, it } from 'vitest';
import { pickCutLengths } from '../../../src/core/timeline/cut-lengths';

describe('pickCutLengths', () => {
  it('keeps the four lengths that are present and nothing else', () => {
    expect(pickCutLengths({ valueLength: 5000, domainLength: 300, time: 1 } as never)).toEqual({
      valueLength: 5000,
      domainLength: 300,
    });
  });

  it('drops what is not a length (stored data read back)', () => {
    expect(pickCutLengths({ valueLength: -1, nameLength: 1.5, pathLength: '9', domainLength: Infinity })).toEqual({});
  });
});
