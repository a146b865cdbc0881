import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { stormBenchmarks } from './storm-bench';

/**
 * `npm run bench:storm`: the change-storm part of `npm run bench` alone, on the current dist/chrome. Prints
 * its table and puts it in place of that section of BENCHMARKS.md (the rest of the file stays as it was),
 * unless BENCH_STORM_EXTENSION names another build to measure.
 */
const HEADING = '## Background: change-storm capture ratio';
const lines = await stormBenchmarks();
process.stdout.write(`${lines.join('\n')}\n`);
if (process.env.BENCH_STORM_EXTENSION) process.exit(0);
const out = resolve(import.meta.dirname, '..', 'BENCHMARKS.md');
const text = readFileSync(out, 'utf8');
const start = text.indexOf(HEADING);
const end = text.indexOf('\n## ', start + HEADING.length);
if (start < 0 || end < 0) throw new Error(`BENCHMARKS.md has no "${HEADING}" section to replace`);
// Said in the section, since the rest of the file comes from the full run named at its top.
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const rerun = `This section was rerun alone (\`npm run bench:storm\`, ${when} UTC), after the rest of this file.`;
const next = `${text.slice(0, start)}${HEADING}\n\n${rerun}\n\n${lines.join('\n')}\n${text.slice(end)}`;
writeFileSync(out, await format(next, { ...(await resolveConfig(out)), filepath: out }));
