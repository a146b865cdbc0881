import { useState } from 'preact/hooks';
import type { SiteAnalysis } from '../core/analyze-site';
import { downloadText } from '../state/download-text';
import { useStore } from './store-context';
import './export-report.css';
import { errorText } from '../core/error-text';
import { writeClipboard } from '../state/write-clipboard';
import { OutcomeLine } from './OutcomeLine';

export interface ExportReportDeps {
  /** Saves the file; throws (or rejects) when it cannot. */
  save: (fileName: string, text: string) => void | Promise<void>;
  copy: (text: string) => Promise<void>;
  /** The extension's version for `generator.version`. */
  version: () => string | Promise<string>;
  now: () => number;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'saved'; fileName: string }
  | { kind: 'copied' }
  | { kind: 'failed'; action: 'Export' | 'Copy'; reason: string };

const defaultDeps: ExportReportDeps = {
  save: (fileName, text) => downloadText(fileName, text),
  copy: writeClipboard,
  // The entries pass the installed version; a view without one (the bench, component tests) reports this.
  version: () => 'unknown',
  now: () => Date.now(),
};

function outcomeText(o: Outcome): string {
  switch (o.kind) {
    case 'saved':
      return `Saved ${o.fileName}`;
    case 'copied':
      return 'Copied';
    case 'failed':
      return `${o.action} failed: ${o.reason}`;
    case 'working':
      return 'Preparing the report…';
    default:
      return '';
  }
}

async function reportText(
  analysis: SiteAnalysis,
  deps: ExportReportDeps,
  includeValues: boolean,
): Promise<{ text: string; fileName: string }> {
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
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const analysis = store.site.analysis.value;

  const run = async (action: 'Export' | 'Copy'): Promise<void> => {
    if (!analysis) {
      setOutcome({ kind: 'failed', action, reason: 'there is no analysis to report yet' });
      return;
    }
    setOutcome({ kind: 'working' });
    try {
      const { text, fileName } = await reportText(analysis, deps, includeValues);
      if (action === 'Export') {
        await deps.save(fileName, text);
        setOutcome({ kind: 'saved', fileName });
      } else {
        await deps.copy(text);
        setOutcome({ kind: 'copied' });
      }
    } catch (e) {
      setOutcome({ kind: 'failed', action, reason: errorText(e) });
    }
  };

  return (
    <section class={inline ? 'export-report inline' : 'export-report'} aria-label="Report">
      <div class="export-actions">
        <button type="button" class="primary" data-testid="export-report" onClick={() => void run('Export')}>
          Export report
        </button>
        <button type="button" class="copy-button" data-testid="copy-report" onClick={() => void run('Copy')}>
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
        data={outcome.kind === 'saved' ? { 'data-file': outcome.fileName } : undefined}
      >
        {outcomeText(outcome)}
      </OutcomeLine>
    </section>
  );
}
