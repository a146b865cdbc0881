import { useState } from 'preact/hooks';
import { storedDomain } from '../core/cookie/stored-domain';
import { cookiesCount } from '../core/export/export-result';
import { WHOLE_INPUT, type ImportFormat } from '../core/export/import-result';
import type { PreviewItem } from '../core/export/import-preview';
import { errorText } from '../core/error-text';
import { prepareImport, runImport, toWrite, type ImportOutcome, type PreparedImport } from '../state/import-cookies';
import type { TransferDeps } from '../state/transfer-deps';
import { ChoiceSelect, type Choices } from './ChoiceSelect';
import { useStore } from './store-context';
import { OutcomeLine } from './OutcomeLine';
import { ValueText } from './ValueText';
import { counted } from './counted';

const FORMATS: Choices<ImportFormat | ''> = [
  { id: '', label: 'Detect from the content' },
  { id: 'sessionscope-json', label: 'SessionScope JSON' },
  { id: 'cookie-editor-json', label: 'Cookie-Editor JSON' },
  { id: 'netscape', label: 'cookies.txt (Netscape)' },
  { id: 'storage-state', label: 'Playwright storageState' },
  { id: 'cookie-header', label: 'Cookie header' },
];

/**
 * What the pasted text decides (a cookie's name, domain and path, and the problems that quote them) is shown as
 * visible text, cut at these lengths: a paste may come from any page.
 */
const NAME_MAX = 256;
const PROBLEM_MAX = 600;

const FORMAT_NAME: Record<ImportFormat, string> = {
  'sessionscope-json': 'SessionScope JSON',
  'cookie-editor-json': 'Cookie-Editor JSON',
  netscape: 'cookies.txt',
  'storage-state': 'Playwright storageState',
  'cookie-header': 'a Cookie header',
};

type Step =
  | { kind: 'edit' }
  | { kind: 'reading' }
  | { kind: 'preview'; prepared: PreparedImport }
  | { kind: 'writing'; prepared: PreparedImport }
  | { kind: 'done'; prepared: PreparedImport; outcome: ImportOutcome }
  | { kind: 'failed'; reason: string };

function where(c: PreviewItem['cookie']): string {
  const partition = c.partitionKey?.topLevelSite ? `, partitioned under ${c.partitionKey.topLevelSite}` : '';
  return `${storedDomain(c.domain, c.hostOnly)}${c.path} (store ${c.storeId}${partition})`;
}

function itemText(i: PreviewItem): string {
  switch (i.kind) {
    case 'new':
      return 'new';
    case 'overwrite':
      return `overwrite: ${i.changed.join(', ')} differ`;
    case 'unchanged':
      return 'unchanged';
    case 'invalid':
      return `invalid: ${i.problems.map((p) => p.reason).join('; ')}`;
  }
}

export interface ImportDialogProps {
  deps: TransferDeps;
}

/**
 * Import from pasted text or a file: the format detected (or chosen), a preview of what each cookie would do,
 * and only after the user confirms, the writes; the result of each cookie once every save has finished.
 */
export function ImportDialog({ deps }: ImportDialogProps) {
  const store = useStore();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [url, setUrl] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const pageUrl = store.site.url.value ?? '';
  const storeId = store.site.storeId.value ?? (deps.browser === 'firefox' ? 'firefox-default' : '0');

  const preview = async (): Promise<void> => {
    setStep({ kind: 'reading' });
    try {
      const prepared = await prepareImport(text, { ...(format ? { format } : {}), url: url || pageUrl, storeId }, deps);
      setStep({ kind: 'preview', prepared });
    } catch (e) {
      setStep({ kind: 'failed', reason: errorText(e) });
    }
  };

  const confirm = async (prepared: PreparedImport): Promise<void> => {
    setStep({ kind: 'writing', prepared });
    const outcome = await runImport(prepared.preview, deps);
    setStep({ kind: 'done', prepared, outcome });
    await deps.refresh?.().catch(() => undefined);
  };

  const onFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      setText(await file.text());
      setStep({ kind: 'edit' });
    } catch (e) {
      setStep({ kind: 'failed', reason: `the file could not be read: ${errorText(e)}` });
    }
  };

  const prepared = step.kind === 'preview' || step.kind === 'writing' || step.kind === 'done' ? step.prepared : null;
  const writes = prepared ? toWrite(prepared.preview).length : 0;
  const detected = prepared?.parsed.format ?? null;
  const results = step.kind === 'done' ? step.outcome.results : null;

  return (
    <section class="transfer import-cookies" data-testid="import-cookies" aria-label="Import cookies">
      <textarea
        data-testid="import-text"
        rows={4}
        spellcheck={false}
        placeholder="Paste SessionScope JSON, Cookie-Editor JSON, cookies.txt, a storageState or a Cookie header"
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setStep({ kind: 'edit' });
        }}
      />
      <div class="transfer-row">
        <label>
          or a file <input type="file" data-testid="import-file" onChange={(e) => void onFile(e.currentTarget)} />
        </label>
      </div>
      <div class="transfer-row">
        <ChoiceSelect
          label="Format"
          testId="import-format"
          value={format}
          options={FORMATS}
          onChange={(f) => {
            setFormat(f);
            setStep({ kind: 'edit' });
          }}
        />
        {(format === 'cookie-header' || detected === 'cookie-header') && (
          <label>
            sent to{' '}
            <input
              data-testid="import-url"
              value={url}
              placeholder={pageUrl}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </label>
        )}
        <button
          type="button"
          data-testid="import-preview"
          disabled={text.trim() === '' || step.kind === 'reading' || step.kind === 'writing'}
          onClick={() => void preview()}
        >
          Preview
        </button>
      </div>
      {step.kind === 'failed' && (
        <OutcomeLine testId="import-outcome" outcome="failed">
          Nothing imported: {step.reason}
        </OutcomeLine>
      )}
      {prepared && (
        <div data-testid="import-summary" data-format={detected ?? ''}>
          <p class="small">
            {detected
              ? `Read as ${FORMAT_NAME[detected]}${format === '' ? ' (detected from the content)' : ''}: ` +
                (['new', 'overwrite', 'unchanged', 'invalid'] as const)
                  .map((k) => `${prepared.preview.counts[k]} ${k}`)
                  .join(', ') +
                '.'
              : 'The format could not be told: choose it under Format, or see why below.'}
          </p>
          {prepared.parsed.problems.length > 0 && (
            <ul class="transfer-notes" data-testid="import-problems">
              {prepared.parsed.problems.map((p, i) => (
                <li key={i} data-testid="import-problem">
                  <ValueText
                    // A problem of the whole input says so itself: no `input:` before it.
                    value={p.where === WHOLE_INPUT ? p.reason : `${p.where}: ${p.reason}`}
                    max={PROBLEM_MAX}
                    class="prose"
                  />
                </li>
              ))}
            </ul>
          )}
          {prepared.parsed.origins.length > 0 && (
            <p class="small muted" data-testid="import-origins-note">
              The localStorage of {counted(prepared.parsed.origins.length, 'origin', 'origins')} in this file is not
              imported: only cookies are written.
            </p>
          )}
          <ol class="import-items">
            {prepared.preview.items.map((item, i) => {
              const r = results?.[i];
              return (
                <li
                  key={i}
                  data-testid="import-item"
                  data-kind={item.kind}
                  data-name={item.cookie.name}
                  {...(r ? { 'data-result': r.kind } : {})}
                >
                  <ValueText value={item.cookie.name} max={NAME_MAX} />{' '}
                  <ValueText value={where(item.cookie)} max={NAME_MAX} class="prose muted" />:{' '}
                  <ValueText value={itemText(item)} max={PROBLEM_MAX} class="prose" />
                  {r && (
                    <span data-testid="import-item-result">
                      {' '}
                      → {r.kind}
                      {r.kind !== 'saved' && (
                        <>
                          {' ('}
                          <ValueText value={r.reason} max={PROBLEM_MAX} class="prose" />)
                        </>
                      )}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {step.kind === 'preview' && (
            <button
              type="button"
              class="primary"
              data-testid="import-confirm"
              disabled={writes === 0 || !deps.apply}
              onClick={() => void confirm(prepared)}
            >
              {writes === 0 ? 'Nothing to import' : `Import ${cookiesCount(writes)}`}
            </button>
          )}
          {!deps.apply && <p class="small muted">This view cannot write cookies.</p>}
          {step.kind === 'writing' && (
            <p role="status" data-testid="import-outcome" data-outcome="working">
              Writing {writes} cookies…
            </p>
          )}
          {step.kind === 'done' && (
            <OutcomeLine
              testId="import-outcome"
              outcome="done"
              tone={step.outcome.counts.failed > 0 ? 'failed' : 'saved'}
              data={{
                'data-saved': step.outcome.counts.saved,
                'data-failed': step.outcome.counts.failed,
                'data-changed': step.outcome.counts.changed,
                'data-skipped': step.outcome.counts.skipped,
              }}
            >
              Imported {step.outcome.counts.saved}
              {step.outcome.counts.changed > 0 ? `, stored with changes ${step.outcome.counts.changed}` : ''}, failed{' '}
              {step.outcome.counts.failed}, skipped {step.outcome.counts.skipped}.
            </OutcomeLine>
          )}
        </div>
      )}
    </section>
  );
}
