#!/usr/bin/env node
// The opt-in long fuzz run of issue 7: the property tests of test/core/property.test.ts with many more
// generated inputs (CLIENTLOG_FUZZ_RUNS, default 200,000 per generator, shared out between the
// properties) and a seed that changes every run unless CLIENTLOG_FUZZ_SEED is set; then the hostile corpus.
//
//   node test/long-fuzz.mjs [runs] [seed]
//
// A failure prints fast-check's seed and path: rerun with that seed to reproduce it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.argv[2] ?? process.env.CLIENTLOG_FUZZ_RUNS ?? '200000';
const seed = process.argv[3] ?? process.env.CLIENTLOG_FUZZ_SEED ?? String(Date.now() % 2_147_483_647);
console.log(`long fuzz: CLIENTLOG_FUZZ_RUNS=${runs} CLIENTLOG_FUZZ_SEED=${seed}`);
const started = Date.now();
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '0', 'test/core/property.test.ts', 'test/core/hostile.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CLIENTLOG_FUZZ_RUNS: runs, CLIENTLOG_FUZZ_SEED: seed } },
);
console.log(`long fuzz: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})`);
process.exit(r.status ?? 1);
