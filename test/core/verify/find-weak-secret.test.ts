import { describe, expect, it, vi } from 'vitest';
import { findWeakSecret, measureSecretCheckRate, yieldToEventLoop } from '../../../src/core/verify/find-weak-secret';
import { WEAK_SECRETS } from '../../../src/core/verify/weak-secrets';
import { cookieAndJar, cookieOf, fixture } from '../../fixtures/fixtures';

async function search(id: string, options = {}) {
  const { cookie, jar } = cookieAndJar(fixture(id));
  return findWeakSecret(cookie, jar, options);
}

describe('findWeakSecret', () => {
  it.each([
    ['jsonwebtoken-HS256-secret', 'secret', 'jwt'],
    ['express-session-keyboard-cat', 'keyboard cat', 'express-session'],
    ['flask-weak', 'dev', 'flask'],
    ['django-signed-weak', 'changeme', 'django-signed'],
    ['cookie-session-weak', 'secret', 'cookie-session'],
    ['rails-signed-weak', 'secret', 'rails-signed'],
    ['laravel-weak', 'SomeRandomString', 'laravel'],
  ])('finds the weak secret of %s', async (id, secret, format) => {
    expect(await search(id)).toMatchObject({ secret, format, applicable: true });
  });

  it.each([
    'express-session-random',
    'jsonwebtoken-HS512',
    'flask-compressed',
    'django-signed-plain',
    'cookie-session-two-keys',
    'rails-signed-sha256-kdf',
    'laravel-cbc',
  ])('finds nothing on %s, signed with a long random secret, after trying the whole dictionary', async (id) => {
    const r = await search(id);
    expect(r).toMatchObject({ secret: null, applicable: true, aborted: false });
    expect(r.checked).toBe(r.total);
    expect(r.total).toBeGreaterThan(300);
  });

  it('is not applicable to values without an HMAC', async () => {
    for (const id of ['jsonwebtoken-RS256', 'jose-JWE', 'php-session', 'laravel-gcm', 'rails-encrypted']) {
      expect(await search(id), id).toMatchObject({ secret: null, applicable: false, checked: 0 });
    }
  });

  it('hands the event loop a task between chunks and reports progress', async () => {
    // A task queued before the search must run while it searches: after its first chunk, before its last. A search
    // that yielded only microtasks would run it after its last chunk, and the page could neither paint nor take input.
    const progress: number[] = [];
    let chunksBeforeTheTask = -1;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      chunksBeforeTheTask = progress.length;
      channel.port1.close();
    };
    channel.port2.postMessage(null);
    const r = await search('express-session-random', { chunkSize: 50, onProgress: (n: number) => progress.push(n) });
    const chunks = Math.ceil(r.total / 50);
    expect(progress).toEqual(Array.from({ length: chunks }, (_, i) => Math.min((i + 1) * 50, r.total)));
    expect(chunksBeforeTheTask).toBeGreaterThanOrEqual(1);
    expect(chunksBeforeTheTask).toBeLessThan(chunks);
  });

  it('yields by a message to itself, not a timer, which browsers hold to 4 ms once nested', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      await yieldToEventLoop();
      expect(timers).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
    }
  });

  it('yields by a task of background priority where the browser has the scheduler API', async () => {
    const postTask = vi.fn((callback: () => void, _options: { priority: string }) => {
      callback();
      return Promise.resolve();
    });
    vi.stubGlobal('scheduler', { postTask });
    try {
      await yieldToEventLoop();
      expect(postTask).toHaveBeenCalledTimes(1);
      expect(postTask.mock.calls[0]![1]).toEqual({ priority: 'background' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const r = await search('express-session-random', {
      signal: controller.signal,
      chunkSize: 10,
      onProgress: (checked: number) => checked >= 20 && controller.abort(),
    });
    expect(r).toMatchObject({ aborted: true, secret: null, checked: 20 });
  });

  it('with a memo, gives a value signed like one already searched its outcome without searching again', async () => {
    const memo = new Map();
    const weak = cookieAndJar(fixture('jsonwebtoken-HS256-secret'));
    const strong = cookieAndJar(fixture('jsonwebtoken-HS512'));
    const searched = (progress: number[]) => progress.length > 0;
    const run = async (cookie: typeof weak.cookie, jar: typeof weak.jar, signal?: AbortSignal) => {
      const progress: number[] = [];
      const r = await findWeakSecret(cookie, jar, {
        memo,
        dictionary: ['not-it', 'nor-this', 'secret'],
        chunkSize: 1,
        signal,
        onProgress: (n) => progress.push(n),
      });
      return { r, searched: searched(progress) };
    };
    const first = await run(weak.cookie, weak.jar);
    expect(first).toMatchObject({ r: { secret: 'secret' }, searched: true });
    // The same token under another name and domain: the same signed bytes, so the same outcome, at once.
    const again = await run({ ...weak.cookie, name: 'other', domain: 'elsewhere.example' }, weak.jar);
    expect(again).toMatchObject({
      r: { secret: 'secret', checked: first.r.checked, applicable: true },
      searched: false,
    });
    // Another token is searched, and a search that was stopped teaches the memo nothing.
    const controller = new AbortController();
    controller.abort();
    expect((await run(strong.cookie, strong.jar, controller.signal)).r.aborted).toBe(true);
    expect(await run(strong.cookie, strong.jar)).toMatchObject({ r: { secret: null }, searched: true });
    expect(await run(strong.cookie, strong.jar)).toMatchObject({ r: { secret: null }, searched: false });
    expect(memo.size).toBe(2);
  });

  it('uses a given dictionary instead of the built-in one', async () => {
    const f = fixture('express-session-random');
    const { cookie, jar } = cookieAndJar(f);
    expect((await findWeakSecret(cookie, jar, { dictionary: ['a', f.secret!] })).secret).toBe(f.secret);
  });

  it('has a few hundred distinct entries including the well-known ones', () => {
    expect(new Set(WEAK_SECRETS).size).toBe(WEAK_SECRETS.length);
    expect(WEAK_SECRETS.length).toBeGreaterThanOrEqual(300);
    for (const s of [
      'secret',
      'keyboard cat',
      'changeme',
      'your-256-bit-secret',
      'secretkey',
      'supersecret',
      'shhhhh',
      'jwt_secret',
      'development',
      'dev',
      'test',
      'password',
    ]) {
      expect(WEAK_SECRETS).toContain(s);
    }
  });

  it('measures secrets checked per second', async () => {
    const { cookie, jar } = cookieAndJar(fixture('jsonwebtoken-HS256'));
    const rate = await measureSecretCheckRate(cookie, jar, 200);
    expect(rate.checks).toBeGreaterThan(0);
    expect(rate.elapsedMs).toBeGreaterThanOrEqual(200);
    expect(rate.perSecond).toBeCloseTo((rate.checks * 1000) / rate.elapsedMs, 3);
    expect(await measureSecretCheckRate(cookieOf('x', 'plain'), [], 50)).toMatchObject({ checks: 0 });
  });
});
