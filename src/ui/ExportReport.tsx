import type { SiteAnalysis } from '../core/analyze-site';
import { downloadText } from '../state/download-text';
import { useStore } from './store-context';
import './export-report.css';
import { writeClipboard } from '../state/write-clipboard';
import { OutcomeLine } from './OutcomeLine';
import { useDelivery, type Delivery, type Destination } from './use-delivery';

export interface ExportReportDeps {
  /** Saves the file; throws (or rejects) when it cannot. */
  save: (fileName: string, text: string) => void | Promise<void>;
  copy: (text: string) => Promise<void>;
  /** The extension's version for `generator.version`. */
  version: () => string | Promise<string>;
  now: () => number;
}

const defaultDeps: ExportReportDeps = {
  save: (fileName, text) => downloadText(fileName, text),
  copy: writeClipboard,
  // The entries pass the installed version; a view without one (the bench, component tests) reports this.
  version: () => 'unknown',
  now: () => Date.now(),
};

function outcomeText(o: Delivery<ReportFile>): string {
  switch (o.kind) {
    case 'saved':
      return `Saved ${o.output.fileName}`;
    case 'copied':
      return 'Copied';
    case 'failed':
      return `${o.to === 'file' ? 'Export' : 'Copy'} failed: ${o.reason}`;
    case 'working':
      return 'Preparing the report…';
    default:
      return '';
  }
}

interface ReportFile {
  text: string;
  fileName: string;
}

async function reportText(analysis: SiteAnalysis, deps: ExportReportDeps, includeValues: boolean): Promise<ReportFile> {
  const generatedAtMs = deps.now();
  // A version that cannot be read must not stop the export.
  const version = await Promise.resolve()
    .then(deps.version)
    .catch(() => 'unknown');
  // Loaded on the first export: the report's writer (and the Public Suffix List it names files with) is not
  // part of the views' first paint.
  const { buildReport, reportFileName, serializeReport } = await import('../core/export/report');
  const report = buildReport(analysis, { generatedAtMs, version, includeValues });
  return { text: serializeReport(report), fileName: reportFileName(analysis.pageUrl, generatedAtMs) };
}

export interface ExportReportProps {
  /** Replaces the browser parts (file, clipboard, version, clock); tests pass fakes. */
  deps?: Partial<ExportReportDeps>;
  /** One line, for a toolbar (the panel's header) rather than a block under the cookies (the popup). */
  inline?: boolean;
}

/**
 * "Export report" and "Copy JSON" for the analysis on screen (docs/report.md). Values stay out unless the user
 * turns the switch on, and every action says what really happened.
 */
export function ExportReport({ deps: given, inline = false }: ExportReportProps) {
  const store = useStore();
  const deps: ExportReportDeps = { ...defaultDeps, ...given };
  // In the store, not the component: it must go back to off when the panel follows its tab to another site.
  const includeValues = store.report.includeValues.value;
  const [outcome, deliver] = useDelivery<ReportFile>();
  const analysis = store.site.analysis.value;

  const run = (to: Destination): Promise<void> =>
    deliver(to, async () => {
      if (!analysis) throw new Error('there is no analysis to report yet');
      const file = await reportText(analysis, deps, includeValues);
      if (to === 'file') await deps.save(file.fileName, file.text);
      else await deps.copy(file.text);
      return file;
    });

  return (
    <section class={inline ? 'export-report inline' : 'export-report'} aria-label="Report">
      <div class="export-actions">
        <button type="button" class="primary" data-testid="export-report" onClick={() => void run('file')}>
          Export report
        </button>
        <button type="button" class="copy-button" data-testid="copy-report" onClick={() => void run('clipboard')}>
          Copy JSON
        </button>
        <label class="include-values">
          <input
            type="checkbox"
            role="switch"
            data-testid="include-values"
            checked={includeValues}
            onChange={(e) => (store.report.includeValues.value = e.currentTarget.checked)}
          />{' '}
          Include cookie values
        </label>
      </div>
      {includeValues && (
        <p class="notice" data-testid="values-warning">
          The report will hold the cookie values: anyone who gets it can use these sessions.
        </p>
      )}
      <OutcomeLine
        testId="export-outcome"
        outcome={outcome.kind}
        data={outcome.kind === 'saved' ? { 'data-file': outcome.output.fileName } : undefined}
      >
        {outcomeText(outcome)}
      </OutcomeLine>
    </section>
  );
}
