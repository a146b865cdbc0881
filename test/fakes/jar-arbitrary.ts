import fc from 'fast-check';
import type { FakeBrowser } from './index';

/** One cookie of a generated jar: its host (a Domain cookie when `asDomain`), path, flags, name and store. */
export interface JarCookie {
  host: string;
  asDomain: boolean;
  path: string;
  secure: boolean;
  partitioned: boolean;
  name: string;
  store: string;
}

/**
 * Arbitrary jars for the property tests of the platform's reads: cookies on `hosts` (nested ones and near misses
 * make the cases), on `paths`, named from `names`, in `stores`; a partitioned one (under `https://top.test`) is
 * Secure, as CHIPS asks.
 */
export function jarArbitrary(
  options: {
    hosts: readonly string[];
    paths?: readonly string[];
    names: readonly string[];
    stores?: readonly string[];
  },
  size: { minLength?: number; maxLength: number },
): fc.Arbitrary<JarCookie[]> {
  const cookie = fc.record({
    host: fc.constantFrom(...options.hosts),
    asDomain: fc.boolean(),
    path: fc.constantFrom(...(options.paths ?? ['/'])),
    secure: fc.boolean(),
    partitioned: fc.boolean(),
    name: fc.constantFrom(...options.names),
    store: fc.constantFrom(...(options.stores ?? ['0'])),
  });
  return fc.array(cookie, size);
}

/** Empties the fake's jar and sets `jar` in it (an IP address takes no Domain attribute). */
export async function fillJar(fake: FakeBrowser, jar: readonly JarCookie[]): Promise<void> {
  fake.reset();
  for (const c of jar) {
    await fake.cookies.set({
      url: `https://${c.host}/`,
      name: c.name,
      value: 'v',
      path: c.path,
      secure: c.secure || c.partitioned,
      storeId: c.store,
      ...(c.asDomain && !/^\d/.test(c.host) ? { domain: c.host } : {}),
      ...(c.partitioned ? { partitionKey: { topLevelSite: 'https://top.test' } } : {}),
    });
  }
}
