/**
 * How long the object URL outlives the click. Firefox reads a blob URL after `click()` returns, so revoking it
 * at once loses the download (https://bugzilla.mozilla.org/show_bug.cgi?id=1282407); a minute is ample and
 * frees the memory of a popup that stays open.
 */
export const REVOKE_AFTER_MS = 60_000;

export interface DownloadEnv {
  document: Document;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  setTimer: (run: () => void, ms: number) => unknown;
}

function defaultEnv(): DownloadEnv {
  return {
    document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    setTimer: (run, ms) => setTimeout(run, ms),
  };
}

/**
 * Saves `text` as a file through an `<a download>` on a blob URL: no `downloads` permission needed. Throws when
 * the page cannot make the file. The browser gives a page no signal when the file lands, so returning means the
 * browser accepted the download, which is what the caller can honestly report. Known limit: a Firefox set to ask
 * where to save closes the popup for the file chooser, which ends the blob URL with the document, and the download
 * fails (https://github.com/Rob--W/crxviewer/issues/141); the panel and the popup opened as a tab are not affected.
 */
export function downloadText(
  fileName: string,
  text: string,
  mimeType = 'application/json',
  env: DownloadEnv = defaultEnv(),
): void {
  const url = env.createObjectURL(new Blob([text], { type: mimeType }));
  const a = env.document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  env.document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    env.setTimer(() => env.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
