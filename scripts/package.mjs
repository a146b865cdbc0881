// Makes the two store zips from the builds: web-ext-artifacts/sessionscope-<target>-<version>.zip.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, mkdirSync, existsSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));
mkdirSync('web-ext-artifacts', { recursive: true });
for (const target of ['chrome', 'firefox']) {
  const out = `web-ext-artifacts/sessionscope-${target}-${version}.zip`;
  if (existsSync(out)) rmSync(out);
  execFileSync(
    'npx',
    [
      'web-ext',
      'build',
      '--source-dir',
      `dist/${target}`,
      '--artifacts-dir',
      `web-ext-artifacts/${target}`,
      '--overwrite-dest',
    ],
    { stdio: 'inherit' },
  );
  renameSync(`web-ext-artifacts/${target}/sessionscope-${version}.zip`, out);
  rmSync(`web-ext-artifacts/${target}`, { recursive: true });
  console.log(`wrote ${out}`);
}
