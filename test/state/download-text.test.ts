// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { REVOKE_AFTER_MS, downloadText, type DownloadEnv } from '../../src/state/download-text';

interface Click {
  href: string;
  download: string;
  connected: boolean;
}

function fakeEnv() {
  const blobs: Blob[] = [];
  const revoked: string[] = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  const clicks: Click[] = [];
  const onClick = (e: Event): void => {
    const a = e.target as HTMLAnchorElement;
    clicks.push({ href: a.getAttribute('href') ?? '', download: a.download, connected: a.isConnected });
    // No navigation in the test document.
    e.preventDefault();
  };
  document.addEventListener('click', onClick, true);
  const env: DownloadEnv = {
    document,
    createObjectURL: (blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    },
    revokeObjectURL: (url) => revoked.push(url),
    setTimer: (run, ms) => timers.push({ run, ms }),
  };
  return { env, blobs, revoked, timers, clicks, stop: () => document.removeEventListener('click', onClick, true) };
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('downloadText', () => {
  it('clicks an in-document <a download> on a blob of the text, then removes it', async () => {
    const f = fakeEnv();
    stop = f.stop;
    downloadText('report.json', '{"a":1}\n', 'application/json', f.env);
    expect(f.clicks).toEqual([{ href: 'blob:test/1', download: 'report.json', connected: true }]);
    expect(await f.blobs[0]!.text()).toBe('{"a":1}\n');
    expect(f.blobs[0]!.type).toBe('application/json');
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('revokes the object URL only later, not during the click', () => {
    const f = fakeEnv();
    stop = f.stop;
    downloadText('r.json', 'x', 'application/json', f.env);
    expect(f.revoked).toEqual([]);
    expect(f.timers.map((t) => t.ms)).toEqual([REVOKE_AFTER_MS]);
    f.timers[0]!.run();
    expect(f.revoked).toEqual(['blob:test/1']);
  });

  it('throws when the page cannot make the file, so the caller can report it', () => {
    const f = fakeEnv();
    stop = f.stop;
    const env: DownloadEnv = {
      ...f.env,
      createObjectURL: () => {
        throw new Error('no blob URLs here');
      },
    };
    expect(() => downloadText('r.json', 'x', 'application/json', env)).toThrow('no blob URLs here');
    expect(f.clicks).toEqual([]);
  });
});
