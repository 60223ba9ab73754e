#!/usr/bin/env node
import { processIo } from './io.js';
import { runCli } from './run.js';

// The only place pkimm exits the process. stdout is flushed first so piped output is complete.
const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
if (code !== 0) process.stdout.write('', () => process.exit(code));
