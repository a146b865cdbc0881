// The part of the command that needs core (the rules, decoders, report formats): run-cli loads it with a dynamic
// import while the browser starts, so its module loading overlaps the launch instead of preceding it.
import { serializeReport } from '../core/export/report';
import { buildSarif, serializeSarif } from '../core/export/sarif';
import type { PageAudit } from '../headless/audit-page';
import { formatText } from './format-text';

export { findingsAtOrAbove } from '../core/audit/summary';
export { analyseObserved, observeSession } from '../headless/audit-page';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** The audit as the chosen format's text. */
export function output(audit: PageAudit, format: OutputFormat): string {
  if (format === 'json') return serializeReport(audit.report);
  if (format === 'sarif')
    return serializeSarif(buildSarif(audit.analysis, { version: audit.report.generator.version }));
  return formatText(audit);
}
