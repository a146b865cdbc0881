import type { CookieRecord } from './cookie-record';

/**
 * The jar's `.sig` cookies (cookie-session's signatures) by name, indexed once per jar array: callers ask for the
 * signature of every candidate cookie, and scanning the jar each time made a 10,000-cookie analysis quadratic
 * (seconds in the panel). Jars are handed around as read-only arrays, never changed in place.
 */
const index = new WeakMap<readonly CookieRecord[], Map<string, CookieRecord[]>>();

export function sigCookiesNamed(jar: readonly CookieRecord[], name: string): readonly CookieRecord[] {
  let byName = index.get(jar);
  if (byName === undefined) {
    byName = new Map();
    for (const c of jar) {
      if (!c.name.endsWith('.sig')) continue;
      const list = byName.get(c.name);
      if (list) list.push(c);
      else byName.set(c.name, [c]);
    }
    index.set(jar, byName);
  }
  return byName.get(name) ?? [];
}
