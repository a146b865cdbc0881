import type { CookieWriteOp } from '../core/edit/apply-cookie-writes';
import type { WriteCookiesResult } from '../protocol/messages';
import { applyThrough } from './apply-writes';
import { downloadText } from './download-text';
import { createSnapshotStore, type LocalArea } from './snapshot-store';
import type { TransferDeps } from './transfer-deps';
import { writeClipboard } from './write-clipboard';

/** What a view's entry gives the transfer actions from the browser; the page-side parts are the same everywhere. */
export type TransferBrowser = Pick<
  TransferDeps,
  'browser' | 'siteCookies' | 'allCookies' | 'pageStorage' | 'version'
> & {
  /** `storage.local`, where snapshots are kept. */
  local: LocalArea;
  /** The background's `writeCookies`: the one write path. */
  writeCookies: (ops: CookieWriteOp[], label: string) => Promise<WriteCookiesResult>;
};

/**
 * The popup's and the panel's transfer deps: files through a download link, the page's clipboard, snapshots in
 * `storage.local`, every write through the background.
 */
export function viewTransferDeps(b: TransferBrowser): TransferDeps {
  return {
    browser: b.browser,
    siteCookies: b.siteCookies,
    allCookies: b.allCookies,
    pageStorage: b.pageStorage,
    save: (fileName, text, mimeType) => downloadText(fileName, text, mimeType),
    copy: writeClipboard,
    version: b.version,
    now: () => Date.now(),
    snapshots: createSnapshotStore(b.local),
    apply: applyThrough(b.writeCookies),
  };
}
