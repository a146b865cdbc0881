import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import type { ChangeLogEntry } from '../../../src/protocol/messages';
import { readChangeLog } from './extension-messages';

declare const browser: WebExtBrowser;

export interface RecordedStorm {
  /** Changes the page made. */
  made: number;
}

/**
 * Starts, in `page`, a storm that leaves cookies behind: `changes` writes over `names` cookie names with the
 * prefix (sets with a new value, every fifth a deletion), `perTick` per task every `everyMs`. Progress is in
 * `window.__lastWordStorm` ({ made, done }). Returns at once.
 */
export async function startJarStorm(
  page: Page,
  prefix: string,
  { changes, names, perTick = 4, everyMs = 2 }: { changes: number; names: number; perTick?: number; everyMs?: number },
): Promise<void> {
  await page.evaluate(
    (p: string, total: number, n: number, per: number, every: number) => {
      const state = { made: 0, done: false };
      (window as unknown as { __lastWordStorm: typeof state }).__lastWordStorm = state;
      let i = 0;
      const tick = () => {
        for (let k = 0; k < per && i < total; k++, i++) {
          const name = `${p}${(i * 7) % n}`;
          document.cookie = i % 5 === 4 ? `${name}=; path=/; max-age=0` : `${name}=v${i}; path=/`;
          state.made = i + 1;
        }
        if (i < total) setTimeout(tick, every);
        else state.done = true;
      };
      tick();
    },
    prefix,
    changes,
    names,
    perTick,
    everyMs,
  );
}

export function stormProgress(page: Page): Promise<{ made: number; done: boolean }> {
  return page.evaluate(
    () =>
      (window as unknown as { __lastWordStorm?: { made: number; done: boolean } }).__lastWordStorm ?? {
        made: 0,
        done: false,
      },
  );
}

export interface LastWordMismatch {
  name: string;
  jar: string | null;
  log: string | null;
}

/**
 * Compares the log's last word on each cookie whose name starts with `prefix` with the jar as
 * `cookies.getAll({ domain })` reads it from the extension page `control`: a cookie in the jar must have a last
 * entry that sets it to its value; a cookie the log has a word on and the jar lacks must have a removal last.
 */
export async function lastWordMismatches(control: Page, domain: string, prefix: string): Promise<LastWordMismatch[]> {
  const jar = await control.evaluate(
    async (d: string, p: string) =>
      (await browser.cookies.getAll({ domain: d }))
        .filter((c) => c.name.startsWith(p))
        .map((c) => ({ name: c.name, value: c.value })),
    domain,
    prefix,
  );
  const entries = (await readChangeLog(control)).entries.filter((e) => e.cookie.name.startsWith(prefix));
  const last = new Map<string, ChangeLogEntry>();
  for (const e of entries) last.set(e.cookie.name, e);
  const word = (e: ChangeLogEntry | undefined) => (e === undefined ? null : e.removed ? null : e.cookie.value);
  const mismatches: LastWordMismatch[] = [];
  const inJar = new Map(jar.map((c) => [c.name, c.value]));
  for (const [name, value] of inJar) {
    if (word(last.get(name)) !== value) mismatches.push({ name, jar: value, log: word(last.get(name)) });
  }
  for (const [name, e] of last) {
    if (!inJar.has(name) && word(e) !== null) mismatches.push({ name, jar: null, log: word(e) });
  }
  return mismatches;
}
