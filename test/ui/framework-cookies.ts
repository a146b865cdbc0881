import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { record } from './fixtures';

interface Fixture {
  id: string;
  cookie: { name: string; value: string };
  companions?: Array<{ name: string; value: string }>;
  secret?: string;
  keys?: string[];
}

/**
 * A cookie the real framework made (test/fixtures/generated, by test/fixtures/generate.mjs), as the jar holds
 * it, with the cookies that come with it (cookie-session's `.sig`) and the secret(s) it was signed with.
 */
export function frameworkCookie(
  file: string,
  id: string,
): { cookie: CookieRecord; jar: CookieRecord[]; secrets: string[] } {
  const path = resolve(import.meta.dirname, '../fixtures/generated', file);
  const fixture = (JSON.parse(readFileSync(path, 'utf8')) as { fixtures: Fixture[] }).fixtures.find((f) => f.id === id);
  if (!fixture) throw new Error(`no fixture ${id} in ${file}`);
  const cookie = record({ name: fixture.cookie.name, value: fixture.cookie.value });
  const companions = (fixture.companions ?? []).map((c) => record({ name: c.name, value: c.value }));
  const secrets = fixture.keys ?? (fixture.secret === undefined ? [] : [fixture.secret]);
  return { cookie, jar: [cookie, ...companions], secrets };
}
