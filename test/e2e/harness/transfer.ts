import type { Frame, Page } from 'puppeteer-core';
import type { Cookies, Browser as WebExtBrowser } from 'webextension-polyfill';
import { readFile, readdir, stat } from 'node:fs/promises';
import { expect } from 'vitest';
import { join } from 'node:path';
import { waitUntil } from './wait';

// Both browsers have a native `browser` namespace in extension pages (Chromium since 156).
declare const browser: WebExtBrowser;

/** A cookie as the extension API gives it, with the fields both browsers share (the jar's "every attribute"). */
export interface JarCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  session: boolean;
  expirationDate: number | null;
  storeId: string;
  partitionKey: string | null;
}

/** Every cookie of every store and partition, as the extension API gives it in an extension page. */
function rawJar(control: Page): Promise<Cookies.Cookie[]> {
  return control.evaluate(async () => {
    type Api = typeof browser.cookies;
    const api = browser.cookies;
    const out: Cookies.Cookie[] = [];
    for (const s of await api.getAllCookieStores()) {
      try {
        out.push(...(await api.getAll({ storeId: s.id, partitionKey: {} } as Parameters<Api['getAll']>[0])));
      } catch {
        out.push(...(await api.getAll({ storeId: s.id })));
      }
    }
    return out;
  });
}

/** Every cookie of every store and partition, read through the extension API in an extension page, sorted. */
export async function readJar(control: Page): Promise<JarCookie[]> {
  const jar = (await rawJar(control)).map((c) => ({
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    hostOnly: c.hostOnly,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: String(c.sameSite),
    session: c.session,
    expirationDate: c.expirationDate ?? null,
    storeId: c.storeId,
    partitionKey: c.partitionKey?.topLevelSite ? c.partitionKey.topLevelSite : null,
  }));
  const key = (c: JarCookie) => JSON.stringify([c.storeId, c.domain, c.path, c.name, c.partitionKey]);
  return jar.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Removes every cookie of every store and partition through the extension API, or of the one store `storeId`
 * (say, a Firefox container's); resolves when that is empty.
 */
export async function deleteAllCookies(control: Page, storeId?: string): Promise<void> {
  const inScope = (c: { storeId: string }) => storeId === undefined || c.storeId === storeId;
  await control.evaluate(
    async (list: Cookies.Cookie[]) => {
      type Api = typeof browser.cookies;
      for (const c of list) {
        const host = c.domain.replace(/^\./, '');
        const details: Record<string, unknown> = {
          url: `${c.secure ? 'https' : 'http'}://${host}${c.path}`,
          name: c.name,
          storeId: c.storeId,
        };
        if (c.partitionKey) details.partitionKey = c.partitionKey;
        await browser.cookies.remove(details as unknown as Parameters<Api['remove']>[0]);
      }
    },
    (await rawJar(control)).filter(inScope),
  );
  await waitUntil(storeId === undefined ? 'an empty jar' : `an empty ${storeId}`, async () =>
    (await readJar(control)).every((c) => !inScope(c)),
  );
}

async function openFold(view: Page | Frame, id: 'export' | 'import' | 'snapshots'): Promise<void> {
  // The popup paints its first rows before the app that owns these sections has loaded: wait for it.
  const section = await view.waitForSelector(`[data-testid="${id}-section"]`, { timeout: 10_000 });
  const open = await section!.evaluate((el) => (el as HTMLDetailsElement).open);
  if (!open) await view.click(`[data-testid="${id}-toggle"]`);
}

/** Each file of `dir` with its last modification time. */
async function modifiedTimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const f of await readdir(dir)) {
    const info = await stat(join(dir, f)).catch(() => undefined);
    if (info) times.set(f, info.mtimeMs);
  }
  return times;
}

export interface ExportedFile {
  text: string;
  fileName: string;
  count: number;
  notes: string[];
}

/** Chooses the format and scope in the view's export section, downloads, and reads the file from `downloads`. */
export async function exportCookies(
  view: Page | Frame,
  downloads: string,
  format: 'json' | 'netscape' | 'header' | 'curl' | 'storage-state',
  scope: 'selected' | 'site' | 'all',
): Promise<ExportedFile> {
  await openFold(view, 'export');
  await view.waitForSelector('[data-testid="export-format"]');
  await view.select('[data-testid="export-format"]', format);
  await view.select('[data-testid="export-scope"]', scope);
  // A previous export's outcome must not be read as this one's.
  await view.$eval('[data-testid="export-cookies-outcome"]', (el) => el.setAttribute('data-outcome', 'stale'));
  // Nor a previous export's file: a second download of one name may be saved under another (`name(1).json`).
  const earlier = await modifiedTimes(downloads);
  await view.click('[data-testid="export-download"]');
  const outcome = await view.waitForSelector(
    '[data-testid="export-cookies-outcome"]:is([data-outcome="saved"],[data-outcome="failed"])',
  );
  const [kind, fileName, count, said] = await outcome!.evaluate((el) => [
    el.getAttribute('data-outcome'),
    el.getAttribute('data-file') ?? '',
    el.getAttribute('data-count') ?? '',
    el.textContent ?? '',
  ]);
  if (kind !== 'saved') throw new Error(`the export said "${said}"`);
  const notes = await view.$$eval('[data-testid="export-note"]', (els) => els.map((e) => e.textContent ?? ''));
  const dot = fileName!.lastIndexOf('.');
  const [stem, extension] = [fileName!.slice(0, dot), fileName!.slice(dot)];
  // Browsers write a partial file and rename it when done; every export ends with a newline.
  const text = await waitUntil(
    `${fileName} in ${downloads}`,
    async () => {
      const now = await modifiedTimes(downloads);
      const saved = [...now].filter(
        ([f, time]) => earlier.get(f) !== time && f.startsWith(stem) && f.endsWith(extension),
      );
      if (saved.length !== 1) return undefined;
      const t = await readFile(join(downloads, saved[0]![0]), 'utf8').catch(() => undefined);
      return t !== undefined && t.endsWith('\n') ? t : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 100 },
  );
  return { text, fileName: fileName!, count: Number(count), notes };
}

export interface ImportRun {
  format: string;
  preview: Array<{ name: string; kind: string }>;
  saved: number;
  changed: number;
  failed: number;
  skipped: number;
  results: Array<{ name: string; result: string; text: string }>;
}

/** Pastes `text` into the view's import section, chooses `format` ('' detects it) and previews. */
async function pasteAndPreview(view: Page, text: string, format: string) {
  await openFold(view, 'import');
  await view.waitForSelector('[data-testid="import-text"]');
  // Typing thousands of characters key by key is slow; the component listens to `input`, as for a paste.
  await view.$eval(
    '[data-testid="import-text"]',
    (el, t) => {
      const area = el as HTMLTextAreaElement;
      area.value = t;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
  await view.select('[data-testid="import-format"]', format);
  await view.click('[data-testid="import-preview"]');
  return (await view.waitForSelector('[data-testid="import-summary"]'))!;
}

/** What the preview of `text` says when it cannot be read: its summary, its problems, and its button. */
export async function previewRefusedImport(view: Page, text: string, format = '') {
  const summary = await pasteAndPreview(view, text, format);
  return summary.evaluate((el) => ({
    format: el.getAttribute('data-format') ?? '',
    summary: el.querySelector('p')?.textContent ?? '',
    problems: [...el.querySelectorAll('[data-testid="import-problem"]')].map((p) => p.textContent ?? ''),
    confirm: el.querySelector('[data-testid="import-confirm"]')?.textContent ?? '',
    confirmDisabled: (el.querySelector('[data-testid="import-confirm"]') as HTMLButtonElement | null)?.disabled,
  }));
}

/** Pastes `text` into the view's import section, previews, confirms, and waits until every save has finished. */
export async function importCookies(view: Page, text: string, format = ''): Promise<ImportRun> {
  const summary = await pasteAndPreview(view, text, format);
  const detected = await summary!.evaluate((el) => el.getAttribute('data-format') ?? '');
  const items = () =>
    view.$$eval('[data-testid="import-item"]', (els) =>
      els.map((e) => ({
        name: e.getAttribute('data-name') ?? '',
        kind: e.getAttribute('data-kind') ?? '',
        result: e.getAttribute('data-result') ?? '',
        text: e.textContent ?? '',
      })),
    );
  const preview = (await items()).map(({ name, kind }) => ({ name, kind }));
  await view.click('[data-testid="import-confirm"]');
  const done = await view
    .waitForSelector('[data-testid="import-outcome"][data-outcome="done"]', { timeout: 20_000 })
    .catch(async (e: unknown) => {
      const said = await view.$eval('[data-testid="import-cookies"]', (el) => el.textContent ?? '').catch(() => '');
      throw new Error(`the import did not finish: "${said.slice(0, 2000)}"`, { cause: e });
    });
  const counts = await done!.evaluate((el) => ({
    saved: Number(el.getAttribute('data-saved')),
    changed: Number(el.getAttribute('data-changed')),
    failed: Number(el.getAttribute('data-failed')),
    skipped: Number(el.getAttribute('data-skipped')),
  }));
  const results = (await items()).map(({ name, result, text: t }) => ({ name, result, text: t }));
  return { format: detected, preview, ...counts, results };
}

/** A SessionScope JSON import into an emptied jar (or store): every cookie previewed as new, and `count` saved. */
export function expectEveryCookieRestored(result: ImportRun, count: number): void {
  expect(result.format).toBe('sessionscope-json');
  expect(result.preview.every((p) => p.kind === 'new')).toBe(true);
  expect({ saved: result.saved, changed: result.changed, failed: result.failed }).toEqual({
    saved: count,
    changed: 0,
    failed: 0,
  });
}
