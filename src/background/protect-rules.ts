import { changedAttributes } from '../core/cookie/changed-attributes';
import type { CookieChange } from '../core/cookie/cookie-change';
import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';
import type { WriteAnswer } from '../core/edit/apply-cookie-writes';
import { matchesBlockRule, parseBlockRules, sameBlockRule, type BlockRule } from '../core/edit/block-rule';
import { SWEPT_LISTED, type GuardState } from '../protocol/messages';
import { GUARD_KEY, guardStateOf, MAX_PROTECTED, storedGuardsOf, type StoredGuards } from '../protocol/edit-state';
import type { KeyValueArea } from './key-value-area';

export interface GuardDeps {
  /** `storage.local`. */
  store: KeyValueArea;
  set(c: CookieRecord): Promise<WriteAnswer>;
  remove(c: CookieRecord): Promise<WriteAnswer>;
  /** Every cookie in the jar: checked once at start (changes made while no worker listened) and on new rules. */
  readJar(): Promise<CookieRecord[]>;
  /** The timeline's entry for what the guard did, with its own cause. */
  record(change: { cookie: CookieRecord; removed: boolean; cause: 'protected' | 'blocked' }): void;
  /**
   * Keeps the cookies that rules just added deleted at once as an undoable action (the undo stack's); answers what
   * names it there. Called once the guard's queue has moved on, since the undo of it takes the rules away.
   */
  rememberSwept?: (added: BlockRule[], removed: CookieRecord[]) => Promise<{ label: string; atMs: number }>;
  onError?: (error: unknown) => void;
}

export interface Guard {
  /** Synchronous: called from the `cookies.onChanged` listener; the work is queued. */
  cookieChanged(change: CookieChange): void;
  state(): Promise<GuardState>;
  setProtected(cookie: CookieRecord, protect: boolean): Promise<GuardState>;
  setBlockRules(rules: BlockRule[]): Promise<GuardState>;
  /** Takes these rules away, if they are there (the undo of their adding); removes no cookie. */
  removeBlockRules(rules: BlockRule[]): Promise<void>;
  /**
   * Before a user's own write through SessionScope: events for these identities are the user's, not a change
   * to undo. Returns the function that ends the pause.
   */
  pause(cookies: CookieRecord[]): () => void;
  /** After it, per identity: protection follows what the user's write left, or ends if it removed the cookie. */
  userWrote(before: CookieRecord | null, after: CookieRecord | null): Promise<void>;
  /** Resolves once every queued reaction has run (tests). */
  settled(): Promise<void>;
}

function expired(c: CookieRecord, nowMs: number): boolean {
  return !c.browserSession && c.expirationDate !== undefined && c.expirationDate * 1000 <= nowMs;
}

/**
 * Protect and block. The settings live in `storage.local` and are loaded by every worker instance before it
 * reacts to anything; the copy here is a cache of what this instance wrote, since only the background writes
 * the key. Reactions run one after another on a queue, so a burst of events is answered in order.
 *
 * Protect: when a protected cookie is changed or removed by anything but the user's own edit in SessionScope,
 * it is set back exactly as protected. The overwrite that a change begins with is ignored: the event for the
 * new cookie that follows it is the one answered, and putting the cookie back fires an event for a cookie
 * equal to the protected one, which ends the exchange. Block: a new cookie that matches a rule is removed;
 * a protected cookie is never blocked (protecting it was the more specific choice).
 */
export function createGuard(deps: GuardDeps, now: () => number = Date.now): Guard {
  let queue: Promise<unknown> = Promise.resolve();
  const paused = new Map<string, number>();
  let cache: Promise<StoredGuards> | undefined;
  /** The settings as last loaded or saved, and how many reactions wait on the queue: see `cookieChanged`. */
  let current: StoredGuards | undefined;
  let queued = 0;

  function enqueue(run: () => Promise<void>): Promise<void> {
    queued += 1;
    const next = queue
      .then(run)
      .catch((e: unknown) => deps.onError?.(e))
      .finally(() => (queued -= 1));
    queue = next;
    return next;
  }

  function load(): Promise<StoredGuards> {
    cache ??= deps.store.get(GUARD_KEY).then(
      (got) => (current = storedGuardsOf(got[GUARD_KEY])),
      (e: unknown) => {
        cache = undefined;
        current = undefined;
        throw e;
      },
    );
    return cache;
  }

  async function save(next: StoredGuards): Promise<GuardState> {
    current = next;
    cache = Promise.resolve(next);
    await deps.store.set({ [GUARD_KEY]: next });
    return guardStateOf(next);
  }

  async function restore(p: CookieRecord): Promise<void> {
    if (expired(p, now())) return;
    const answer = await deps.set(p);
    if (answer.ok && answer.now) deps.record({ cookie: answer.now, removed: false, cause: 'protected' });
  }

  /** Removes a blocked cookie; whether the browser removed it. */
  async function block(c: CookieRecord): Promise<boolean> {
    const answer = await deps.remove(c);
    const removed = answer.ok && answer.now === null;
    if (removed) deps.record({ cookie: c, removed: true, cause: 'blocked' });
    return removed;
  }

  async function react(change: CookieChange, s: StoredGuards): Promise<void> {
    const key = cookieKey(change.cookie);
    if (paused.has(key)) return;
    const p = s.protected.find((c) => cookieKey(c) === key);
    if (p) {
      if (change.removed) {
        if (change.cause !== 'overwrite') await restore(p);
      } else if (changedAttributes(change.cookie, p).length > 0) {
        await restore(p);
      }
      return;
    }
    if (!change.removed && s.blockRules.some((r) => matchesBlockRule(r, change.cookie))) await block(change.cookie);
  }

  /**
   * What changed while no listener heard it: puts back protected cookies that differ and removes the cookies the
   * rules block; returns those it removed.
   */
  async function sweep(s: StoredGuards): Promise<CookieRecord[]> {
    const blocked: CookieRecord[] = [];
    if (s.protected.length === 0 && s.blockRules.length === 0) return blocked;
    const jar = await deps.readJar();
    const byKey = new Map(jar.map((c) => [cookieKey(c), c]));
    for (const p of s.protected) {
      const key = cookieKey(p);
      if (paused.has(key)) continue;
      const c = byKey.get(key);
      if (!c || changedAttributes(c, p).length > 0) await restore(p);
    }
    const kept = new Set(s.protected.map(cookieKey));
    for (const c of jar) {
      if (!kept.has(cookieKey(c)) && s.blockRules.some((r) => matchesBlockRule(r, c)) && (await block(c))) {
        blocked.push(c);
      }
    }
    return blocked;
  }

  // Each instance checks the jar once as soon as it starts.
  void enqueue(async () => {
    await sweep(await load());
  });

  return {
    cookieChanged(change) {
      // Nothing protected, no rule, nothing queued: the reaction would do nothing, so a storm of changes costs
      // no promise chain per event (the worker's time per event is what a stop costs).
      if (queued === 0 && current !== undefined && current.protected.length === 0 && current.blockRules.length === 0) {
        return;
      }
      void enqueue(async () => react(change, await load()));
    },
    state: async () => {
      const s = await load();
      return guardStateOf(s);
    },
    setProtected: (cookie, protect) => {
      let out: GuardState | undefined;
      return enqueue(async () => {
        const s = await load();
        const key = cookieKey(cookie);
        const rest = s.protected.filter((c) => cookieKey(c) !== key);
        const list = protect ? [...rest, { ...cookie }].slice(-MAX_PROTECTED) : rest;
        out = await save({ ...s, protected: list });
      }).then(
        () => out ?? load().then((s) => ({ ok: true as const, protected: s.protected, blockRules: s.blockRules })),
      );
    },
    setBlockRules: async (rules) => {
      let out: GuardState | undefined;
      let added: BlockRule[] = [];
      let removed: CookieRecord[] = [];
      await enqueue(async () => {
        const s = await load();
        const next = { ...s, blockRules: parseBlockRules(rules) };
        added = next.blockRules.filter((r) => !s.blockRules.some((o) => sameBlockRule(o, r)));
        const saved = await save(next);
        removed = await sweep({ protected: [], blockRules: next.blockRules });
        out = { ...saved, swept: { count: removed.length, cookies: removed.slice(0, SWEPT_LISTED) } };
      });
      if (!out) return load().then(guardStateOf);
      if (out.swept && removed.length > 0 && added.length > 0 && deps.rememberSwept) {
        try {
          out.swept.undo = await deps.rememberSwept(added, removed);
        } catch (e) {
          // The rule is in force and the cookies are gone: the answer still says so, without an Undo.
          deps.onError?.(e);
        }
      }
      return out;
    },
    removeBlockRules: (rules) =>
      enqueue(async () => {
        const s = await load();
        const rest = s.blockRules.filter((r) => !rules.some((x) => sameBlockRule(r, x)));
        if (rest.length !== s.blockRules.length) await save({ ...s, blockRules: rest });
      }),
    pause(cookies) {
      const keys = cookies.map(cookieKey);
      for (const k of keys) paused.set(k, (paused.get(k) ?? 0) + 1);
      return () => {
        // Queued, so the events the write caused that are already queued are answered while still paused.
        void enqueue(async () => {
          for (const k of keys) {
            const n = (paused.get(k) ?? 1) - 1;
            if (n <= 0) paused.delete(k);
            else paused.set(k, n);
          }
        });
      };
    },
    userWrote: (before, after) =>
      enqueue(async () => {
        const ref = before ?? after;
        if (!ref) return;
        const s = await load();
        const key = cookieKey(ref);
        if (!s.protected.some((c) => cookieKey(c) === key)) return;
        const rest = s.protected.filter((c) => cookieKey(c) !== key);
        await save({ ...s, protected: after && cookieKey(after) === key ? [...rest, { ...after }] : rest });
      }),
    settled: async () => {
      let seen: Promise<unknown> | undefined;
      while (seen !== queue) {
        seen = queue;
        await queue;
      }
    },
  };
}
