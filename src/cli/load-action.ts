import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageAction } from '../headless/audit-page';
import { AuditError, messageOf } from '../headless/audit-error';

/**
 * The user's login or logout code: an ES module whose default export (or named export `login` / `logout`)
 * is a function that receives the Puppeteer page.
 */
export async function loadAction(file: string, which: 'login' | 'logout'): Promise<PageAction> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new AuditError('bad-option', `could not load the --${which} module ${file}: ${messageOf(e)}`, { cause: e });
  }
  const fn = typeof mod.default === 'function' ? mod.default : mod[which];
  if (typeof fn !== 'function') {
    throw new AuditError(
      'bad-option',
      `the --${which} module ${file} exports no function (export default async function (page) { … })`,
    );
  }
  return fn as PageAction;
}
