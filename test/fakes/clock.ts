/** The fixed clock of the unit tests: 2026-01-01T00:00:00Z, in ms. */
export const NOW = Date.UTC(2026, 0, 1);
/** One day in ms. */
export const DAY = 86_400_000;
