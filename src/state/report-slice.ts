import { signal } from '@preact/signals';

/**
 * The report export's choices. "Include cookie values" is consent for one site: it goes back to off whenever
 * another site is shown, so a report of the next site never carries its values unasked.
 */
export function createReportSlice() {
  const includeValues = signal(false);
  return {
    includeValues,
    reset(): void {
      includeValues.value = false;
    },
  };
}

export type ReportSlice = ReturnType<typeof createReportSlice>;
