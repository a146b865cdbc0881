import { createRequire } from 'node:module';

/**
 * This package's version, for reports. Read at run time from package.json, two levels up both from the source
 * (src/headless) and from the build (dist/lib, dist/cli).
 */
export function packageVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
