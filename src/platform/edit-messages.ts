import type { CookieRecord } from '../core/cookie/cookie-record';
import { send } from './messaging';

/**
 * The pages' write path: every change goes to the background, which applies it and keeps the undo stack and
 * the protect and block settings (Firefox's DevTools panels cannot use `cookies` themselves).
 */
export const editMessages = {
  writeCookies: (ops: Parameters<typeof send<'writeCookies'>>[1]['ops'], label: string) =>
    send('writeCookies', { ops, label }),
  undoLast: () => send('undoLast', {}),
  getUndoState: () => send('getUndoState', {}),
  getGuards: () => send('getGuards', {}),
  setProtected: (cookie: Parameters<typeof send<'setProtected'>>[1]['cookie'], protect: boolean) =>
    send('setProtected', { cookie, protect }),
  setBlockRules: (rules: Parameters<typeof send<'setBlockRules'>>[1]['rules']) => send('setBlockRules', { rules }),
};

async function readThroughBackground(request: Parameters<typeof send<'readCookies'>>[1]): Promise<CookieRecord[]> {
  const r = await send('readCookies', request);
  if (!r.ok) throw new Error(r.error);
  return r.cookies;
}

/**
 * Export, import and snapshots' reads, and the panel's third parties', through the background: for pages without
 * `cookies` (Firefox panels).
 */
export const cookieReadMessages = {
  siteCookies: (host: string, storeId: string | undefined): Promise<CookieRecord[]> =>
    readThroughBackground(storeId === undefined ? { scope: 'site', host } : { scope: 'site', host, storeId }),
  sitesCookies: (hosts: readonly string[], storeId: string | undefined): Promise<CookieRecord[]> =>
    readThroughBackground({ scope: 'sites', hosts: [...hosts], ...(storeId === undefined ? {} : { storeId }) }),
  allCookies: (): Promise<CookieRecord[]> => readThroughBackground({ scope: 'all' }),
};
