import { useState } from 'preact/hooks';
import { cookiesCount } from '../core/export/export-result';
import { buildCookieExport, type ExportFormat, type ExportOutput, type ExportScope } from '../state/export-cookies';
import type { TransferDeps } from '../state/transfer-deps';
import { ChoiceSelect, type Choices } from './ChoiceSelect';
import { useStore } from './store-context';
import { OutcomeLine } from './OutcomeLine';
import { useDelivery, type Delivery, type Destination } from './use-delivery';

const FORMATS: Choices<ExportFormat> = [
  { id: 'json', label: 'SessionScope JSON (every attribute)' },
  { id: 'netscape', label: 'cookies.txt (curl, wget, yt-dlp)' },
  { id: 'header', label: 'Cookie header' },
  { id: 'curl', label: 'curl command' },
  { id: 'storage-state', label: 'Playwright storageState' },
];

const SCOPES: Choices<ExportScope> = [
  { id: 'selected', label: 'Selected cookies' },
  { id: 'site', label: 'This site' },
  { id: 'all', label: 'All sites' },
];

function outcomeText(o: Delivery<ExportOutput>): string {
  switch (o.kind) {
    case 'working':
      return 'Exporting…';
    case 'saved':
      return `Saved ${o.output.fileName}: ${cookiesCount(o.output.count)}`;
    case 'copied':
      return `Copied ${cookiesCount(o.output.count)}`;
    case 'failed':
      return `Nothing exported: ${o.reason}`;
    default:
      return '';
  }
}

export interface ExportDialogProps {
  deps: TransferDeps;
}

/**
 * Export of the cookies in a chosen format and scope, to a file or the clipboard. Says how many cookies went
 * out and what the format could not carry (docs/export.md), and exports nothing when there is nothing to export.
 */
export function ExportDialog({ deps }: ExportDialogProps) {
  const store = useStore();
  const [format, setFormat] = useState<ExportFormat>('json');
  const [scope, setScope] = useState<ExportScope>('site');
  const [outcome, deliver] = useDelivery<ExportOutput>();
  // The checked rows; without any, the ones opened (expanded in the popup, selected in the panel).
  const marked = store.selection.marked.value;
  const selected = new Set(marked.size > 0 ? marked : store.selection.expanded.value);
  const selectedKey = store.selection.selectedKey.value;
  if (marked.size === 0 && selectedKey !== null) selected.add(selectedKey);

  const run = (to: Destination): Promise<void> =>
    deliver(to, async () => {
      const r = await buildCookieExport(
        {
          format,
          scope,
          pageUrl: store.site.url.value ?? '',
          host: store.site.host.value,
          shown: store.site.cookies.value,
          selected,
        },
        deps,
      );
      if (!r.ok) throw new Error(r.reason);
      if (to === 'file') await deps.save(r.output.fileName, r.output.text, r.output.mimeType);
      else await deps.copy(r.output.text);
      return r.output;
    });

  const output = outcome.kind === 'saved' || outcome.kind === 'copied' ? outcome.output : undefined;
  return (
    <section class="transfer export-cookies" data-testid="export-cookies" aria-label="Export cookies">
      <div class="transfer-row">
        <ChoiceSelect label="Format" testId="export-format" value={format} options={FORMATS} onChange={setFormat} />
        <ChoiceSelect
          label="Scope"
          testId="export-scope"
          value={scope}
          options={SCOPES.map((o) => (o.id === 'selected' ? { ...o, label: `${o.label} (${selected.size})` } : o))}
          onChange={setScope}
        />
      </div>
      <div class="transfer-row">
        <button
          type="button"
          class="primary"
          data-testid="export-download"
          disabled={outcome.kind === 'working'}
          onClick={() => void run('file')}
        >
          Download
        </button>
        <button
          type="button"
          data-testid="export-copy"
          disabled={outcome.kind === 'working'}
          onClick={() => void run('clipboard')}
        >
          Copy
        </button>
      </div>
      <OutcomeLine
        testId="export-cookies-outcome"
        outcome={outcome.kind}
        data={output ? { 'data-count': String(output.count), 'data-file': output.fileName } : undefined}
      >
        {outcomeText(outcome)}
      </OutcomeLine>
      {output && output.notes.length > 0 && (
        <ul class="transfer-notes" data-testid="export-notes">
          {output.notes.map((n) => (
            <li key={n} data-testid="export-note">
              {n}
            </li>
          ))}
        </ul>
      )}
      <p class="muted small">
        Every format holds the cookie values: anyone who gets the export can use these sessions.
      </p>
    </section>
  );
}
