// In-process measurements of the core, bundled by bench/run.mjs and run in a child process:
//   node core.js parse <corpus>        parse throughput over every file of the tree (MB/s of UTF-8)
//   node core.js incremental <corpus>  one-character edits in big.clientlog: reparse + analyze, p50/p95
//   node core.js memory <corpus>       parse + analyze all 10,000 files and keep what the extension's index
//                                      keeps for files no editor shows (compactLog + findings); peak RSS
//   node core.js memory-full <corpus>  the same, keeping every whole ClientLog (as if every file were open)
//   node core.js flood <name>          one of bench/floods.ts: parse + analyze time (best of 3), findings, peak RSS
//   node core.js growth                issue 13's growing inputs at two sizes ten times apart: how the time grows
// Each prints one JSON line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, compactLog } from '../src/core/analyze';
import { zonedInstant } from '../src/core/dates';
import { lineAt, parseDocument, reanalyze, reparse } from '../src/core/incremental';
import type { ClientLog, Finding } from '../src/core/model';
import { parse } from '../src/core/parse';
import { ENTRIES, examplesBody, repeatedFile, SINGLE_LINES, type GrowingInput } from '../test/fixtures/hostile/growth';
import { FLOODS } from './floods';
import { prng } from './prng';

const [mode, corpus] = process.argv.slice(2);
const now = zonedInstant('2026-11-23', 12 * 60, 'UTC');

function treeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...treeFiles(full));
    else if (e.name.endsWith('.clientlog')) out.push(full);
  }
  return out.sort();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

if (mode === 'flood') {
  // One input per process, so the peak RSS is that input's.
  const flood = FLOODS[corpus];
  const text = flood.make();
  const bytes = Buffer.byteLength(text);
  const baselineRss = process.memoryUsage().rss;
  let best = Infinity;
  let parseMs = 0;
  let findings: Finding[] = [];
  // The peak RSS of the first run is the input's (the input text itself included); later runs only time it.
  let maxRss = 0;
  let cpuMs = Infinity;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const log = parse(text);
    const t1 = performance.now();
    findings = analyze(log, { now, timeZone: 'UTC' });
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
    if (r === 0) maxRss = process.resourceUsage().maxRSS * 1024;
    if (t2 - t0 < best) {
      best = t2 - t0;
      parseMs = t1 - t0;
    }
  }
  console.log(
    JSON.stringify({
      name: corpus,
      what: flood.what,
      bytes,
      ms: best,
      parseMs,
      cpuMs,
      mbPerSec: bytes / 1e6 / (best / 1000),
      findings: findings.length,
      maxRss,
      baselineRss,
    }),
  );
} else if (mode === 'parse') {
  const files = treeFiles(path.join(corpus, 'tree'));
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const big = fs.readFileSync(path.join(corpus, 'big.clientlog'), 'utf8');
  const bigBytes = Buffer.byteLength(big);
  // Warm up the JIT, then time whole passes.
  for (let i = 0; i < 3000; i++) parse(texts[i % texts.length], { fileName: files[i % files.length] });
  const passes: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) parse(texts[i], { fileName: files[i] });
    passes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const bigRuns: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    parse(big);
    bigRuns.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const analyzeRuns: number[] = [];
  const logs = texts.map((t, i) => parse(t, { fileName: files[i] }));
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    for (const l of logs) analyze(l, { now, timeZone: 'UTC' });
    analyzeRuns.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const ms = median(passes);
  console.log(
    JSON.stringify({
      files: files.length,
      bytes,
      passMs: ms,
      mbPerSec: bytes / 1e6 / (ms / 1000),
      bigBytes,
      bigMs: median(bigRuns),
      bigMbPerSec: bigBytes / 1e6 / (median(bigRuns) / 1000),
      analyzeAllMs: median(analyzeRuns),
    }),
  );
} else if (mode === 'incremental') {
  const text = fs.readFileSync(path.join(corpus, 'big.clientlog'), 'utf8');
  const opts = { now, timeZone: 'UTC' };
  let doc = parseDocument(text, { fileName: 'big.clientlog' });
  let findings: Finding[] = analyze(doc.log, opts);
  const fullRuns: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    const log = parse(text, { fileName: 'big.clientlog' });
    analyze(log, opts);
    fullRuns.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const rand = prng(7);
  const bodyStart = (doc.log.frontMatter?.endLine ?? 0) + 1;
  const times: number[] = [];
  const reparseTimes: number[] = [];
  const cpu: number[] = [];
  const chars = ['x', ' ', '7', 'я', '#', '@'];
  let last = { line: 0, character: 0 };
  for (let k = 0; k < 1200; k++) {
    const line = bodyStart + Math.floor(rand() * (doc.log.lineCount - bodyStart));
    const character = Math.floor(rand() * (lineAt(doc, line).length + 1));
    // Alternate inserting a character and deleting it again, so the file stays realistic.
    const change =
      k % 2 === 0
        ? { range: { start: { line, character }, end: { line, character } }, text: chars[k % chars.length] }
        : { range: { start: last, end: { line: last.line, character: last.character + 1 } }, text: '' };
    if (k % 2 === 0) last = { line, character };
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    doc = reparse(doc, change);
    const t1 = process.hrtime.bigint();
    findings = reanalyze(doc, findings, opts);
    const t2 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    if (k >= 200) cpu.push((c1.user + c1.system) / 1000);
    if (k >= 200) {
      times.push(Number(t2 - t0) / 1e6);
      reparseTimes.push(Number(t1 - t0) / 1e6);
    }
  }
  // The edited document still equals a full parse.
  const same =
    JSON.stringify(parse(text, { fileName: 'big.clientlog' })) === JSON.stringify(doc.log) &&
    JSON.stringify(analyze(doc.log, opts)) === JSON.stringify(findings);
  console.log(
    JSON.stringify({
      lines: doc.log.lineCount,
      edits: times.length,
      p50: pct(times, 50),
      p95: pct(times, 95),
      max: Math.max(...times),
      cpuP50: pct(cpu, 50),
      cpuP95: pct(cpu, 95),
      reparseP50: pct(reparseTimes, 50),
      reparseP95: pct(reparseTimes, 95),
      fullParseAnalyzeMs: median(fullRuns),
      findings: findings.length,
      backToOriginal: same,
    }),
  );
} else if (mode === 'memory' || mode === 'memory-full') {
  const files = treeFiles(path.join(corpus, 'tree'));
  const before = process.memoryUsage().rss;
  const kept: Array<{ log: ClientLog; findings: Finding[] }> = [];
  let peak = before;
  for (let i = 0; i < files.length; i++) {
    const full = parse(fs.readFileSync(files[i], 'utf8'), { fileName: files[i] });
    const log = mode === 'memory' ? compactLog(full) : full;
    kept.push({ log, findings: analyze(log, { now, timeZone: 'UTC' }) });
    if (i % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      files: kept.length,
      items: kept.reduce((n, k) => n + k.log.items.length, 0),
      baselineRss: before,
      peakRssSampled: peak,
      maxRss,
      heapUsedAfterGc: after.heapUsed,
      rssAfterGc: after.rss,
    }),
  );
} else if (mode === 'growth') {
  // Issue 13's growing inputs (test/fixtures/hostile/growth.ts), each at two sizes ten times apart: parse +
  // analyze, the fastest of a few runs after a full collection (a run does not pay for the garbage of the one
  // before it). Linear is about 10x; a step that rescans what it has read makes it about 100x.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const timeOf = (text: string, runs: number) => {
    let best = Infinity;
    for (let r = 0; r < runs; r++) {
      gc();
      const t0 = performance.now();
      analyze(parse(text), { now, timeZone: 'Europe/Sofia' });
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const body = examplesBody(path.join(corpus, '..', '..', 'examples'));
  const inputs: GrowingInput[] = [
    ...SINGLE_LINES,
    ENTRIES,
    { what: 'a 10 MB file (the examples, over and over; 1 MB as the baseline)', make: (n) => repeatedFile(body, n), sizes: [1_000_000, 10_000_000] },
  ];
  const rows = inputs.map((input) => {
    const [a, b] = input.sizes.map((n) => input.make(n));
    timeOf(a, 2); // compiled code for both sizes
    const smallMs = timeOf(a, 5);
    const bigMs = timeOf(b, 3);
    // Timer noise on a baseline under a millisecond is not a trend.
    return { what: input.what, smallChars: a.length, bigChars: b.length, smallMs, bigMs, ratio: bigMs / Math.max(smallMs, 1) };
  });
  console.log(JSON.stringify({ rows }));
} else {
  console.error('usage: core.js parse|incremental|memory|memory-full|growth <corpus>');
  process.exit(2);
}
