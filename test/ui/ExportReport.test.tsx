// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { Report } from '../../src/core/export/report';
import { PanelApp } from '../../src/devtools/PanelApp';
import { PopupApp } from '../../src/popup/PopupApp';
import { createPanelStore } from '../../src/state/create-panel-store';
import { ExportReport, type ExportReportDeps } from '../../src/ui/ExportReport';
import { unsecuredJwt } from '../fakes/make-jwt';
import { NOW, record } from './fixtures';
import { renderWithStore } from './render';

afterEach(cleanup);

const PAGE = 'https://app.example.com/account?token=URLSECRET';
const SID_VALUE = 'Zq8vN3kLp0wR7tYx2mB5cD9fG1hJ4sA6';
const JWT_VALUE = unsecuredJwt({ sub: 'user-1', iat: NOW / 1000 }, { typ: 'JWT' });

/** A store holding a real analysis of three cookies: an insecure session id, an unsigned JWT, a clean cookie. */
async function readyStore() {
  const store = createPanelStore({ now: NOW });
  const cookies = [
    record({ name: 'sessionid', value: SID_VALUE, secure: false, httpOnly: false, sameSite: 'unspecified' }),
    record({ name: 'id_token', value: JWT_VALUE, httpOnly: true, sameSite: 'strict' }),
    record({ name: 'lang', value: 'en-GB', httpOnly: true, sameSite: 'strict' }),
  ];
  store.site.showAnalysis(await analyzeSite(PAGE, cookies, NOW), NOW);
  return store;
}

function fakes(over: { save?: ExportReportDeps['save']; copy?: ExportReportDeps['copy'] } = {}) {
  return {
    save: vi.fn<ExportReportDeps['save']>(over.save ?? (() => undefined)),
    copy: vi.fn<ExportReportDeps['copy']>(over.copy ?? (() => Promise.resolve())),
    version: () => '9.8.7',
    now: () => NOW + 3_600_000,
  };
}

const outcome = () => screen.getByTestId('export-outcome');

/** ExportReport rendered over `readyStore()` with `fakes(over)`. */
async function renderExport(over: Parameters<typeof fakes>[0] = {}) {
  const store = await readyStore();
  const deps = fakes(over);
  renderWithStore(<ExportReport deps={deps} />, store);
  return { store, deps };
}

describe('ExportReport', () => {
  it('saves the report of the analysis on screen under its dated file name, values redacted', async () => {
    const { store, deps } = await renderExport();
    expect(outcome().dataset.outcome).toBe('idle');
    expect(screen.getByTestId('include-values')).not.toBeChecked();

    fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() => expect(outcome().dataset.outcome).toBe('saved'));
    expect(deps.save).toHaveBeenCalledTimes(1);
    const [fileName, text] = deps.save.mock.calls[0]!;
    expect(fileName).toBe('sessionscope-report-app.example.com-2026-01-01.json');
    expect(outcome()).toHaveTextContent(`Saved ${fileName}`);
    expect(outcome().dataset.file).toBe(fileName);

    const report = JSON.parse(text) as Report;
    expect(report.schema).toBe(2);
    expect(report.generator.version).toBe('9.8.7');
    expect(report.generatedAt).toBe('2026-01-01T01:00:00.000Z');
    expect(report.pageUrl).toBe('https://app.example.com/account');
    expect(report.valuesIncluded).toBe(false);
    expect(report.grade).toBe(store.site.analysis.value!.audit.grade);
    // The report's findings are the analysis's, cookie by cookie.
    const onScreen = Object.fromEntries(
      store.site.analysis.value!.cookies.map((v) => [v.cookie.name, v.findings.map((f) => f.ruleId).sort()]),
    );
    const inReport = Object.fromEntries(
      report.cookies.map((c) => [c.identity.name, c.findings.map((f) => f.ruleId).sort()]),
    );
    expect(inReport).toEqual(onScreen);
    expect(inReport.sessionid).toContain('session-httponly-missing');
    expect(inReport.id_token).toContain('jwt-alg-none');
    expect(inReport.lang).toEqual([]);
    // No value anywhere in the text, not even inside another field.
    for (const secret of [SID_VALUE, JWT_VALUE, 'en-GB', 'URLSECRET']) expect(text).not.toContain(secret);
    expect(report.cookies.every((c) => c.value === null && c.valueRedacted)).toBe(true);
  });

  it('includes the values only while the switch is on, and warns about it', async () => {
    const { deps } = await renderExport();
    expect(screen.queryByTestId('values-warning')).toBeNull();
    fireEvent.click(screen.getByTestId('include-values'));
    expect(screen.getByTestId('include-values')).toBeChecked();
    expect(screen.getByTestId('values-warning')).toHaveTextContent(/cookie values/);

    fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() => expect(deps.save).toHaveBeenCalledTimes(1));
    const withValues = JSON.parse(deps.save.mock.calls[0]![1]) as Report;
    expect(withValues.valuesIncluded).toBe(true);
    expect(withValues.cookies.find((c) => c.identity.name === 'sessionid')?.value).toBe(SID_VALUE);

    fireEvent.click(screen.getByTestId('include-values'));
    fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() => expect(deps.save).toHaveBeenCalledTimes(2));
    expect(deps.save.mock.calls[1]![1]).not.toContain(SID_VALUE);
  });

  it('copies the same JSON and says "Copied"', async () => {
    const { deps } = await renderExport();
    fireEvent.click(screen.getByTestId('copy-report'));
    await waitFor(() => expect(outcome()).toHaveTextContent('Copied'));
    expect(outcome().dataset.outcome).toBe('copied');
    expect(deps.save).not.toHaveBeenCalled();
    const copied = JSON.parse(deps.copy.mock.calls[0]![0]) as Report;
    expect(copied.cookies.map((c) => c.identity.name).sort()).toEqual(['id_token', 'lang', 'sessionid']);
    expect(copied.valuesIncluded).toBe(false);
  });

  it('says why saving failed instead of claiming it worked', async () => {
    await renderExport({
      save: () => {
        throw new Error('URL.createObjectURL is not a function');
      },
    });
    fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() => expect(outcome().dataset.outcome).toBe('failed'));
    expect(outcome()).toHaveTextContent('Export failed: URL.createObjectURL is not a function');
    expect(outcome()).not.toHaveTextContent('Saved');
  });

  it('says why copying failed', async () => {
    await renderExport({ copy: () => Promise.reject(new Error('Document is not focused.')) });
    fireEvent.click(screen.getByTestId('copy-report'));
    await waitFor(() => expect(outcome()).toHaveTextContent('Copy failed: Document is not focused.'));
  });

  it('reports a failure when the clipboard is missing, with the default copy', async () => {
    const store = await readyStore();
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    try {
      renderWithStore(<ExportReport deps={{ version: () => '1', now: () => NOW }} />, store);
      fireEvent.click(screen.getByTestId('copy-report'));
      await waitFor(() => expect(outcome()).toHaveTextContent('Copy failed: the clipboard is not available here'));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses to export when there is no analysis', async () => {
    const deps = fakes();
    renderWithStore(<ExportReport deps={deps} />);
    fireEvent.click(screen.getByTestId('export-report'));
    await waitFor(() => expect(outcome().dataset.outcome).toBe('failed'));
    expect(outcome()).toHaveTextContent('Export failed: there is no analysis to report yet');
    expect(deps.save).not.toHaveBeenCalled();
  });
});

describe('ExportReport in the views', () => {
  it('sits in the popup once the cookies are shown, not before', async () => {
    const store = createPanelStore({ now: NOW });
    renderWithStore(<PopupApp onRequestPermission={() => {}} />, store);
    expect(screen.queryByTestId('export-report')).toBeNull();
    const ready = await readyStore();
    store.site.showAnalysis(ready.site.analysis.value!, NOW);
    await waitFor(() => expect(screen.getByTestId('export-report')).toBeInTheDocument());
    const main = screen.getByTestId('popup');
    expect(within(main).getByTestId('copy-report')).toBeInTheDocument();
    expect(within(main).getByTestId('include-values')).not.toBeChecked();
  });

  it('sits in the panel once the cookies are shown', async () => {
    const store = await readyStore();
    renderWithStore(<PanelApp onRequestPermission={() => {}} />, store);
    const main = screen.getByTestId('panel');
    expect(within(main).getByTestId('export-report')).toBeInTheDocument();
    expect(within(main).getByTestId('copy-report')).toBeInTheDocument();
    // In the header, beside the filter: reachable without scrolling past hundreds of rows.
    expect(screen.getByTestId('export-report').closest('header')).not.toBeNull();
  });
});
