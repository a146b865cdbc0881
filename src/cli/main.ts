#!/usr/bin/env node
import { runCli } from './run-cli';

// The exit code is set, not forced: stdout is flushed before the process ends.
process.exitCode = await runCli(process.argv.slice(2));
