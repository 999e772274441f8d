// Imported first by the Node entry points (the CLI, the language server), for its effect: V8 compiles each regular
// expression straight to machine code on its first use, instead of first interpreting its bytecode and compiling it
// again once it has run (V8's "tier-up", made for pages that run a regular expression once). The analysis runs its
// large alternations (the blame cue words, the timeline's and impact's figures) over every block, so they are always
// compiled in the end: doing it once saves about 150 ms of a one-file `postmortem lint` (a fifth of it) and about 8%
// of the CPU of linting 840 files (figures in the cold-start and cli-lint benchmarks). The flag is process-wide, and
// read when a regular expression is first run, so analysis workers started later use it too.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
