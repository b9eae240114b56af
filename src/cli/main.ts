/**
 * `clientlog`: checks, agenda and calendar for `.clientlog` files from the command line, on the same core
 * as the extension (parse + analyze per file, the file name naming the client).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate, isValidTimeZone, zonedInstant } from '../core/dates';
import { FINDING_CODES, type FindingCode, type Level, type LevelSetting, type TrackedKind } from '../core/model';
import { DEFAULT_ALARM_MINUTES, ICS_KINDS, MAX_ALARM_MINUTES } from '../core/ics';
import { version } from '../../package.json';
import { buildStamp, Cache, CHECK_WIDTH, type FileStamp } from './cache';
import type { ReviewPart } from '../core/review/figures';
import { collectFiles } from './files';
import { REVIEW_FORMATS, type ReviewFormat } from './review';
import type { PoolWorker } from './pool';
import { WORKER_ENV } from './thread';
import type { FileResult, FileTask, Mode, WorkOptions } from './work';

let engineModule: typeof import('./engine') | undefined;
/** The analysis, the pool and the outputs (dist/cli-engine.js), loaded when a run first needs them (see src/cli/engine.ts). */
function engine(): typeof import('./engine') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (engineModule ??= require('./engine') as typeof import('./engine'));
}

export interface Io {
  /** Writes to standard output. The bytes may be changed once it returns if `stdoutTook()` then says they were written. */
  readonly stdout: (s: string | Uint8Array) => void;
  /** Whether standard output has taken all it was given (nothing still queued that refers to the caller's bytes); absent: never assume so. */
  readonly stdoutTook?: () => boolean;
  readonly stderr: (s: string) => void;
  readonly cwd: string;
}

/**
 * By default (no --jobs), workers are started from the work: as soon as the walk has found this many files
 * to parse (their start-up then overlaps the rest of the walk), or by the main thread once the files it has
 * parsed say that the rest would keep each thread busy for longer than WORKER_BACKLOG_MS of CPU. A worker costs
 * more than its start: on this 2-core machine two busy threads each run about 1.4x slower than one alone, and
 * the worker runs the parser cold. Measured on the 1,000-file set (whole process, taking turns, load average
 * 10 to 12): 1.21 s of CPU with a worker against 0.79 s without, and no faster; with a backlog of 1 s judged after
 * 64 files, a loaded machine still started one there (1.40 s of CPU against 1.58 s before this change, but 83 MB
 * of peak memory became 99). So a run that small stays on the main thread; 10,000 files (about 4 s of CPU) take a
 * worker from the walk on.
 */
export const EARLY_WORKER_FILES = 3000;
export const WORKER_BACKLOG_MS = 2000;

const USAGE = `Usage: clientlog <command> [options] [paths...]

Commands:
  check [paths...]    Print findings as file:line:col: level code message.
                      Exit 1 when an error-level finding exists (see --fail-on).
  agenda [paths...]   Open promises across all logs, overdue first, grouped by client.
  ics [paths...]      Open promises, WAITING follow-ups and SCOPE confirmation deadlines as an
                      iCalendar file (RFC 5545) on stdout, each with a reminder.
  review [paths...]   The weekly review: per client and in total, the promises due in the period (kept
                      on time, late, broken, dropped, overdue), waits, scope changes, urgency, last
                      entry and a week-by-week on-time trend (docs/REVIEW.md).

Paths are files or directories (default: the current directory). Directories are walked for
*.clientlog files; node_modules and .git are skipped and .gitignore files inside them are honoured.

Options:
  --today YYYY-MM-DD  Evaluate as of 12:00 on that date in the --tz zone (default: now).
  --tz ZONE           The user's IANA time zone, for logs without a "timezone" (default: the machine's).
  --json              Machine-readable output (check, agenda; review: --format json).
  --since YYYY-MM-DD  review: the period's first day (default: six days before --until).
  --until YYYY-MM-DD  review: the period's last day (default: today).
  --weeks N           review: ISO weeks in the trend, the last holding --until (default 12).
  --format FORMAT     review: text (default), md, html (one self-contained file) or json.
  --include KINDS     ics: the kinds written, comma-separated: promise, waiting, scope (default all).
  --alarm-minutes N   ics: each event's reminder N minutes before it starts (default 60; 0 = none;
                      at most 40320, four weeks).
  --fail-on LEVEL     check: exit 1 when a finding at LEVEL or above exists
                      (error, warning, information, hint; default error).
  --fail-on-overdue   check: exit 1 also when any promise is overdue.
  --level CODE=LEVEL  Override a finding's level (error, warning, information, hint, off); repeatable.
  --horizon-days N    Open promises due within N days are "due soon" (default 3).
  --days N            agenda: only what is due within N days (overdue included), with the coming
                      occurrences of recurring promises in that span (computed, not written).
  --confirmation-days N  Scope changes unconfirmed for more than N days are reported (default 3).
  --cadence-days N    A client whose latest entry is more than N days old is reported (client.quiet)
                      unless its front matter sets a cadence (default 0: off).
  --no-ignore         Do not read .gitignore files.
  --cache             Keep what each file's parse produced, and check's findings, in the directory
                      .clientlogcache; parse again only files whose size or mtime changed.
  --cache-location DIR  Use DIR as the cache directory (implies --cache).
  --jobs N            Threads to use (default: as many as the work needs, up to the number of cores;
                      1 = main thread only).
  -o, --output FILE   Write the output to FILE instead of stdout.
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit status: 0 ok, 1 findings at or above the --fail-on level (or overdue with --fail-on-overdue),
2 bad usage or unreadable paths.
`;

class UsageError extends Error {}

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const isLevel = (x: string): x is Level => x in LEVEL_RANK;

function intOption(name: string, v: string | undefined, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || +v < min) throw new UsageError(`--${name} expects a whole number >= ${min}, not "${v}"`);
  return +v;
}

/** `--include promise,waiting,scope`: the kinds, each once, in that order (default: all). */
function kindsOption(v: string | undefined): readonly TrackedKind[] {
  if (v === undefined) return ICS_KINDS;
  const asked = v.split(',').map((k) => k.trim());
  const bad = asked.filter((k) => !(ICS_KINDS as readonly string[]).includes(k));
  if (bad.length || asked.length === 0) throw new UsageError(`--include expects kinds from promise, waiting, scope separated by commas, not "${v}"`);
  return ICS_KINDS.filter((k) => asked.includes(k));
}

/** Runs the CLI; returns the exit status. Never calls process.exit. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await runUnsafe(argv, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`clientlog: ${(e as Error).message}\nRun "clientlog --help" for usage.\n`);
      return 2;
    }
    io.stderr(`clientlog: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

async function runUnsafe(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      today: { type: 'string' },
      tz: { type: 'string' },
      json: { type: 'boolean' },
      'fail-on': { type: 'string' },
      'fail-on-overdue': { type: 'boolean' },
      level: { type: 'string', multiple: true },
      'horizon-days': { type: 'string' },
      days: { type: 'string' },
      'confirmation-days': { type: 'string' },
      'cadence-days': { type: 'string' },
      'no-ignore': { type: 'boolean' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      jobs: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      weeks: { type: 'string' },
      format: { type: 'string' },
      include: { type: 'string' },
      'alarm-minutes': { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (!command) throw new UsageError('missing command (check, agenda, ics or review)');
  if (command !== 'check' && command !== 'agenda' && command !== 'ics' && command !== 'review')
    throw new UsageError(`unknown command "${command}" (check, agenda, ics or review)`);
  const mode: Mode = command;
  if (mode !== 'review') {
    for (const o of ['since', 'until', 'weeks', 'format'] as const) if (values[o] !== undefined) throw new UsageError(`--${o} applies to review only`);
  } else if (values.cache || values['cache-location'] !== undefined) {
    throw new UsageError('--cache applies to check, agenda and ics (review reads every line of history)');
  }
  if (values.json && mode === 'ics') throw new UsageError('--json does not apply to ics');
  if (mode !== 'ics') for (const o of ['include', 'alarm-minutes'] as const) if (values[o] !== undefined) throw new UsageError(`--${o} applies to ics only`);
  const include = kindsOption(values.include);
  const alarmMinutes = intOption('alarm-minutes', values['alarm-minutes'], DEFAULT_ALARM_MINUTES, 0);
  if (alarmMinutes > MAX_ALARM_MINUTES) throw new UsageError(`--alarm-minutes expects at most ${MAX_ALARM_MINUTES} (four weeks), not ${alarmMinutes}`);
  if (values.days !== undefined && mode !== 'agenda') throw new UsageError('--days applies to agenda only');
  if (mode !== 'check' && (values['fail-on'] !== undefined || values['fail-on-overdue']))
    throw new UsageError('--fail-on and --fail-on-overdue apply to check only');

  const timeZone = values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) throw new UsageError(`unknown time zone "${timeZone}" (use an IANA name such as Europe/Sofia)`);
  let now = Date.now();
  if (values.today !== undefined) {
    if (!isIsoDate(values.today)) throw new UsageError(`--today expects a real date as YYYY-MM-DD, not "${values.today}"`);
    now = zonedInstant(values.today, 12 * 60, timeZone).getTime();
  }
  for (const o of ['since', 'until'] as const) {
    const v = values[o];
    if (v !== undefined && !isIsoDate(v)) throw new UsageError(`--${o} expects a real date as YYYY-MM-DD, not "${v}"`);
  }
  if (values.since !== undefined && values.until !== undefined && values.since > values.until)
    throw new UsageError(`--since ${values.since} is after --until ${values.until}`);
  const weeks = intOption('weeks', values.weeks, 12, 1);
  const agendaDays = values.days !== undefined ? intOption('days', values.days, 0, 0) : undefined;
  if (agendaDays !== undefined && agendaDays > 3660) throw new UsageError(`--days expects at most 3660 (ten years), not ${agendaDays}`);
  if (weeks > 520) throw new UsageError(`--weeks expects at most 520, not ${weeks}`);
  const format = (values.format ?? (values.json ? 'json' : 'text')) as ReviewFormat;
  if (!REVIEW_FORMATS.includes(format)) throw new UsageError(`--format expects text, md, html or json, not "${values.format}"`);
  if (values.format !== undefined && values.json && format !== 'json') throw new UsageError('--json and --format disagree');
  const failOn = values['fail-on'] ?? 'error';
  if (!isLevel(failOn)) throw new UsageError(`--fail-on expects error, warning, information or hint, not "${failOn}"`);
  const levels: Partial<Record<FindingCode, LevelSetting>> = {};
  for (const spec of values.level ?? []) {
    const m = /^([\w.]+)=(\w+)$/.exec(spec);
    if (!m || !(FINDING_CODES as readonly string[]).includes(m[1]) || !(isLevel(m[2]) || m[2] === 'off')) {
      throw new UsageError(`--level expects CODE=LEVEL (e.g. promise.overdue=error), not "${spec}"`);
    }
    levels[m[1] as FindingCode] = m[2] as LevelSetting;
  }
  const options: WorkOptions = {
    mode,
    now,
    timeZone,
    horizonDays: intOption('horizon-days', values['horizon-days'], 3, 0),
    confirmationDays: intOption('confirmation-days', values['confirmation-days'], 3, 0),
    cadenceDays: intOption('cadence-days', values['cadence-days'], 0, 0),
    levels,
    json: !!values.json,
    ...(mode === 'review' && { review: { since: values.since, until: values.until, weeks } }),
  };
  const jobs = intOption('jobs', values.jobs, Math.max(1, os.availableParallelism?.() ?? os.cpus().length), 1);
  const forced = values.jobs !== undefined;

  const useCache = !!values.cache || values['cache-location'] !== undefined;
  // --jobs N asks for N threads: their workers start before the walk. By default, a walk that finds many
  // files starts them (without a cache: with one, how many files need a parse is not known yet).
  const started: PoolWorker[] = forced && jobs > 1 ? engine().startWorkers(jobs - 1, __filename) : [];
  const onFile =
    !forced && !useCache && jobs > 1
      ? (count: number) => {
          if (count === EARLY_WORKER_FILES) started.push(...engine().startWorkers(jobs - 1, __filename));
        }
      : undefined;
  // With a cache, each file is stat-ed as the walk meets it (one pass over the directories, not two).
  const { files, stamps, missing, dirs } = collectFiles(paths.length ? paths : ['.'], io.cwd, !values['no-ignore'], useCache, onFile);
  if (missing.length) {
    for (const w of started) void w.worker.terminate();
    io.stderr(missing.map((m) => `clientlog: no such file or directory: ${m}\n`).join(''));
    return 2;
  }
  const checkText = mode === 'check' && !options.json;
  const cache = useCache
    ? new Cache(
        path.resolve(io.cwd, values['cache-location'] ?? '.clientlogcache'),
        buildStamp(version, __filename),
        checkText ? checkKey(options, io.cwd) : undefined,
      )
    : undefined;
  const { results, kept } = await answer(files, stamps, options, cache, checkText, { jobs, forced, started }, io.cwd);
  cache?.prune(dirs);
  const cacheError = cache?.save();
  if (cacheError) io.stderr(`clientlog: could not write the cache in ${cache!.dir}: ${cacheError}\n`);

  const unreadable = results.filter((r) => r.error);
  for (const r of unreadable) io.stderr(`clientlog: cannot read ${r.file}: ${r.error}\n`);

  let output: string | Buffer | KeptRange;
  let status = unreadable.length ? 2 : 0;
  if (mode === 'check') {
    const r = checkOutput(results, options, failOn, !!values['fail-on-overdue'], values.today, io, cache?.counts, kept);
    output = r.output;
    status = Math.max(status, r.status);
  } else if (mode === 'review') {
    // Each file's share, made where it was parsed as the share of the file `source` (its place among all the
    // files): renumbered among the files read when one before it could not be read.
    const parts: ReviewPart[] = [];
    const read: string[] = [];
    for (const x of results) {
      if (!x.review) continue;
      parts.push(engine().partOfSource(x.review, parts.length));
      read.push(x.file);
    }
    const r = engine().reviewOf(parts, engine().reviewFrame({ now: new Date(now), timeZone, since: values.since, until: values.until, weeks }));
    output = engine().reviewOutput(r, format, read);
  } else {
    if (mode === 'ics') output = engine().icsOutput(results, options, { include, alarmMinutes });
    else {
      const a = engine().agendaOf(results, options, agendaDays);
      output = values.json ? engine().agendaJson(a, options, values.today) : engine().agendaText(a);
    }
  }
  if (values.output) {
    const fd = fs.openSync(path.resolve(io.cwd, values.output), 'w');
    try {
      writeOutput(
        output,
        (s) => writeAll(fd, typeof s === 'string' ? Buffer.from(s) : s),
        () => true,
      );
    } finally {
      fs.closeSync(fd);
    }
  } else writeOutput(output, io.stdout, io.stdoutTook ?? (() => false));
  return status;
}

/**
 * Every file's result, in order. With a cache, a file whose size and mtime are unchanged is answered from
 * it: from its kept check output (only a row number then, in `kept`, its counts summed there), or from its
 * kept parse; the rest are read and parsed (on `jobs` threads when `forced`; by default on the main thread, with
 * the workers already `started` and those its backlog asks for, up to `jobs` threads), and what they give is kept.
 */
async function answer(
  files: readonly string[],
  stamps: Float64Array | undefined,
  options: WorkOptions,
  cache: Cache | undefined,
  checkText: boolean,
  { jobs, forced, started }: { jobs: number; forced: boolean; started: readonly PoolWorker[] },
  cwd: string,
): Promise<{ results: FileResult[]; kept?: KeptOutput }> {
  const task = (at: number): FileTask => ({ path: files[at], display: displayPath(files[at], cwd), ...(options.mode === 'review' && { source: at }) });
  const results: FileResult[] = new Array(files.length);
  const rows = cache && checkText ? new Int32Array(files.length).fill(-1) : undefined;
  const keptCounts = { error: 0, warning: 0, information: 0, hint: 0, overdue: 0 };
  const remember = (t: FileTask, stamp: FileStamp, span: { from: number; until: number }, r: FileResult) => {
    if (cache && checkText) cache.setPrinted(t.path, stamp, { ...span, out: r.out!, counts: r.counts!, overdue: r.overdue! });
  };
  const todo: Array<{ task: FileTask; at: number; stamp?: FileStamp }> = [];
  // The usual rerun, the same files as the last: every file's kept output found at once.
  const inOrder = rows && stamps ? cache!.printedRows(files, stamps, options.now, keptCounts) : undefined;
  for (let at = 0; at < files.length; at++) {
    if (!cache || !stamps || Number.isNaN(stamps[2 * at])) {
      todo.push({ task: task(at), at });
      continue;
    }
    const size = stamps[2 * at];
    const mtimeMs = stamps[2 * at + 1];
    if (rows) {
      const row = inOrder ? inOrder[at] : cache.printedRow(files[at], size, mtimeMs, options.now);
      if (row >= 0) {
        rows[at] = row;
        if (!inOrder) cache.addPrintedCounts(row, keptCounts);
        results[at] = KEPT;
        continue;
      }
    }
    const t = task(at);
    const stamp = { size, mtimeMs };
    const facts = cache.factsOf(t.path, stamp);
    if (!facts) {
      todo.push({ task: t, at, stamp });
      continue;
    }
    results[at] = engine().resultOf(facts, t, options);
    remember(t, stamp, engine().stableSpan(facts.input, { now: new Date(options.now), timeZone: options.timeZone }), results[at]);
  }
  const work = cache ? { ...options, keepFacts: true } : options;
  const fresh = todo.map((t) => t.task);
  const done =
    fresh.length === 0
      ? []
      : jobs > 1
        ? await engine().runPool(fresh, work, __filename, { started, more: forced ? 0 : jobs - 1 - started.length, backlogMs: WORKER_BACKLOG_MS })
        : engine().runInProcess(fresh, work);
  todo.forEach(({ task: t, at, stamp }, k) => {
    const { cache: keep, ...r } = done[k];
    results[at] = r;
    if (!cache) return;
    if (!keep || !stamp) return cache.forget(t.path);
    cache.setFacts(t.path, stamp, keep.factsJson);
    remember(t, stamp, keep, r);
  });
  const kept =
    rows && cache
      ? {
          rows,
          counts: keptCounts,
          ranges: cache.printedRanges,
          slice: (start: number, end: number) => cache.printedBuffer.subarray(start, end),
          copy: (start: number, end: number, write: (piece: Buffer) => void, reusable: () => boolean) => cache.copyPrinted(start, end, write, reusable),
        }
      : undefined;
  return { results, kept };
}

/** What check's text depends on besides the files and the date (`stableSpan` covers that): cwd for the paths shown, and the options. */
function checkKey(o: WorkOptions, cwd: string): string {
  return JSON.stringify([cwd, o.timeZone, o.horizonDays, o.confirmationDays, o.cadenceDays, Object.entries(o.levels).sort()]);
}

function displayPath(abs: string, cwd: string): string {
  // The common case, a file below the working directory, without path.relative's normalising.
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (path.sep === '/' && abs.startsWith(prefix)) return abs.slice(prefix.length);
  const rel = path.relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return shown.split(path.sep).join('/');
}

function checkOutput(
  results: readonly FileResult[],
  o: WorkOptions,
  failOn: Level,
  failOnOverdue: boolean,
  today: string | undefined,
  io: Io,
  cached?: Cache['counts'],
  kept?: KeptOutput,
) {
  const counts: Record<Level, number> = {
    error: kept?.counts.error ?? 0,
    warning: kept?.counts.warning ?? 0,
    information: kept?.counts.information ?? 0,
    hint: kept?.counts.hint ?? 0,
  };
  let overdue = kept?.counts.overdue ?? 0;
  for (const r of results) {
    const c = r.counts;
    if (!c) continue;
    counts.error += c.error;
    counts.warning += c.warning;
    counts.information += c.information;
    counts.hint += c.hint;
    overdue += r.overdue ?? 0;
  }
  const failing = (Object.keys(counts) as Level[]).some((l) => LEVEL_RANK[l] <= LEVEL_RANK[failOn] && counts[l] > 0) || (failOnOverdue && overdue > 0);
  let output: string | Buffer | KeptRange;
  if (o.json) {
    output =
      JSON.stringify(
        {
          version: 1,
          now: new Date(o.now).toISOString(),
          today: today ?? null,
          timeZone: o.timeZone,
          files: results.length,
          summary: { ...counts, overdue },
          findings: results.flatMap((r) => r.findings ?? []),
        },
        null,
        2,
      ) + '\n';
  } else {
    output = joinOutput(results, kept);
    const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
    // With --cache, how each file was answered: its output kept, its parse kept, or parsed.
    const how = cached ? ` (cache: ${cached.printed} printed as kept, ${cached.facts} from kept parses, ${cached.parsed} parsed)` : '';
    io.stderr(
      `${n(results.length, 'file')}: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${counts.information} information, ${n(counts.hint, 'hint')}${how}\n`,
    );
  }
  return { output, status: failing ? 1 : 0 };
}

/** The files whose check output the cache kept: their rows by file index (-1: not kept), and their counts. */
interface KeptOutput {
  readonly rows: Int32Array;
  readonly counts: Readonly<Record<Level | 'overdue', number>>;
  /** Row `r`'s output is the kept bytes from `ranges[r * CHECK_WIDTH + CHECK_WIDTH - 2]` to the number after it. */
  readonly ranges: ArrayLike<number>;
  /** Kept bytes [start, end). */
  readonly slice: (start: number, end: number) => Buffer;
  /** Writes kept bytes [start, end) without reading them all into memory (see `Cache.copyPrinted`). */
  readonly copy: (start: number, end: number, write: (piece: Buffer) => void, reusable: () => boolean) => void;
}

/** Stands in `results` for a file whose output the cache kept (see `KeptOutput`). */
const KEPT: FileResult = Object.freeze({ file: '' });

/** An output that is one range of the kept bytes, written by `KeptOutput.copy`: a rerun where nothing changed. */
interface KeptRange {
  readonly kept: KeptOutput;
  readonly start: number;
  readonly end: number;
}

/**
 * The files' outputs in order. Output kept by the cache is a range of its bytes, written as read (no
 * decoding, and consecutive ranges in one piece: a run with nothing changed prints one range, copied from the
 * cache file to the output); fresh output is text.
 */
function joinOutput(results: readonly FileResult[], kept?: KeptOutput): string | Buffer | KeptRange {
  if (!kept || !kept.rows.some((r) => r >= 0)) return results.map((r) => r.out ?? '').join('');
  const { rows, ranges } = kept;
  // Fresh text, or a range of kept bytes.
  const parts: Array<string | { start: number; end: number }> = [];
  let run: { start: number; end: number } | undefined;
  for (let at = 0; at < results.length; at++) {
    const row = rows[at];
    const out = results[at].out;
    if (row >= 0) {
      const s = ranges[row * CHECK_WIDTH + CHECK_WIDTH - 2];
      const e = ranges[row * CHECK_WIDTH + CHECK_WIDTH - 1];
      if (run && s === run.end) run.end = e;
      else parts.push((run = { start: s, end: e }));
    } else if (out) {
      parts.push(out);
      run = undefined;
    }
  }
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && typeof only !== 'string') return { kept, start: only.start, end: only.end };
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : kept.slice(p.start, p.end))));
}

function writeAll(fd: number, b: Buffer): void {
  for (let at = 0; at < b.length;) at += fs.writeSync(fd, b, at);
}

/** Writes `output` with `write`; `reusable` as in `KeptOutput.copy`. */
function writeOutput(output: string | Buffer | KeptRange, write: (s: string | Buffer) => void, reusable: () => boolean): void {
  if (typeof output === 'string' || Buffer.isBuffer(output)) write(output);
  else output.kept.copy(output.start, output.end, write, reusable);
}

/** The process entry point (dist/cli.js). */
export async function main(): Promise<void> {
  const code = await run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    // A pipe's stream keeps what it could not write yet (and our bytes with it) until the reader takes it.
    stdoutTook: () => process.stdout.writableLength === 0,
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}

// A pool worker (it runs this file too) serves its files instead of running a command.
if (!(process.env[WORKER_ENV] === '1' && engine().serveIfWorker()) && require.main === module) void main();
