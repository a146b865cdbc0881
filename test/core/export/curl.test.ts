import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellQuote, writeCurlCommand } from '../../../src/core/export/curl';
import { writeNetscape } from '../../../src/core/export/netscape';
import { makeCookie } from '../../fakes/make-cookie';
import { NOW } from './arbitrary-cookie';

const run = promisify(execFile);

/** What the real POSIX shell makes of quoted arguments: one shell for all of them (spawning is slow). */
function throughShell(values: readonly string[]): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${values.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const ADVERSARIAL = [
  "it's",
  "''",
  "'\\''",
  '$(touch /tmp/pwned)',
  '`id`',
  '${HOME}',
  '\\',
  '"double"',
  'a b\tc',
  'line\nbreak',
  '!event',
  '*?[a]',
  '~',
  '-n',
  '%s%d',
  'é€😀',
  '; rm -rf /',
  '',
];

describe('shellQuote, checked by the real sh', () => {
  it('passes adversarial values through unchanged', () => {
    expect(throughShell(ADVERSARIAL)).toEqual(ADVERSARIAL);
  });

  // Every ASCII character but NUL (quotes, `$`, backslash, controls, newlines), and some beyond ASCII.
  const anyChar = fc.oneof(
    fc.integer({ min: 1, max: 0x7f }).map((n) => String.fromCharCode(n)),
    fc.constantFrom('é', '€', '😀', '\u00a0', '\u2028'),
  );

  it('passes any string without NUL through unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: anyChar, maxLength: 40 }), { minLength: 1, maxLength: 60 }), (values) => {
        expect(throughShell(values)).toEqual(values);
      }),
      { numRuns: 8 },
    );
  });

  it('drops NUL, which no argument can carry', () => {
    expect(shellQuote('a\0b')).toBe("'ab'");
  });
});

describe('curl command', () => {
  let server: Server;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.end(req.headers.cookie ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'sessionscope-curl-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  });

  const jar = [
    makeCookie({ name: 'sid', value: 'it\'s $(id) `x` \\ "q"', domain: '127.0.0.1', secure: false }),
    makeCookie({ name: 'deep', value: 'a=b=c', domain: '127.0.0.1', path: '/app', secure: false }),
    makeCookie({ name: 'other', value: 'no', domain: '127.0.0.1', path: '/elsewhere', secure: false }),
  ];

  it('is `curl -b <header> <url>` with both quoted', () => {
    const r = writeCurlCommand([makeCookie({ value: "x'y" })], 'https://app.example.com/', { nowMs: NOW });
    expect(r.text).toBe(`curl -b 'pref=x'\\''y' 'https://app.example.com/'`);
  });

  it('the real curl, run by the real shell, sends exactly the header', async () => {
    const url = `${base}/app/page`;
    const r = writeCurlCommand(jar, url, { nowMs: NOW });
    const { stdout } = await run('sh', ['-c', r.text.replace(/^curl /, 'curl -s ')]);
    expect(stdout).toBe(`deep=a=b=c; sid=it's $(id) \`x\` \\ "q"`);
  });

  it('the real curl reads our cookies.txt: #HttpOnly_, session (0) and persistent expiry, "=" in values', async () => {
    const file = join(dir, 'cookies.txt');
    writeFileSync(
      file,
      writeNetscape([
        ...jar.slice(1),
        makeCookie({ name: 'h', value: 'x=1', domain: '127.0.0.1', secure: false, httpOnly: true }),
        makeCookie({
          name: 'p',
          value: 'kept',
          domain: '127.0.0.1',
          secure: false,
          httpOnly: false,
          browserSession: false,
          expirationDate: Date.now() / 1000 + 86400,
        }),
        makeCookie({
          name: 'gone',
          domain: '127.0.0.1',
          secure: false,
          browserSession: false,
          expirationDate: Date.now() / 1000 - 86400,
        }),
      ]).text,
    );
    const { stdout } = await run('curl', ['-s', '-b', file, `${base}/app/x`]);
    expect(stdout.split('; ').sort()).toEqual(['deep=a=b=c', 'h=x=1', 'p=kept']);
  });
});
