import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line per run, `<project>: N passed, N failed, N skipped`, after vitest's own
 * summary, so a CI log reader that knows no vitest still sees the counts.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const projects = new Set<string>();
    for (const m of modules) {
      projects.add(m.project.name || 'tests');
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) counts.failed += 1;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    const label = [...projects].join('+') || 'tests';
    process.stdout.write(`\n${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
