import { describe, expect, it } from 'vitest';
import { keyPhaseMs } from '../../bench/panel-bench';

describe('the panel bench: where in a frame each key is sent', () => {
  const KEYS = 12;

  it('sends the 12 keys of a round at 12 different points of the frame, 0 to 15 ms after it starts', () => {
    for (const round of [0, 1, 7]) {
      const points = Array.from({ length: KEYS }, (_, k) => keyPhaseMs(k, round));
      expect(new Set(points).size).toBe(KEYS);
      expect(Math.min(...points)).toBe(0);
      expect(Math.max(...points)).toBe(15);
    }
  });

  it('sends each key at every point over 12 rounds, not at one point in every round', () => {
    for (let k = 0; k < KEYS; k++) {
      const points = Array.from({ length: 12 }, (_, round) => keyPhaseMs(k, round));
      expect(new Set(points).size).toBe(12);
    }
  });
});
