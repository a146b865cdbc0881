import { expect } from 'vitest';

/** The meta-test of every table-driven rule test: each rule id has a case that triggers it and a near miss. */
export function expectTriggerAndNearMiss(
  cases: ReadonlyArray<{ rule: string; expect: unknown }>,
  ids: Iterable<string>,
): void {
  for (const id of ids) {
    expect(
      cases.some((c) => c.rule === id && c.expect !== null),
      `${id} triggers`,
    ).toBe(true);
    expect(
      cases.some((c) => c.rule === id && c.expect === null),
      `${id} near miss`,
    ).toBe(true);
  }
}
