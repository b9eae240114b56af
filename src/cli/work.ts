/** The per-file work of the CLI: the same parse + analyze the extension runs, on the main thread or in a worker. */
import { analysisInput, analyze, analyzeInput, stableSpan, type AnalysisInput } from '../core/analyze';
import { describeFinding, formatMessage } from '../core/messages';
import { englishDays } from '../core/englishDays';
import type { DecodedLog } from '../core/encoding';
import { contactOf, type Finding, type FindingCode, type FindingData, type Level, type LevelSetting, type Problem, type TrackedKind } from '../core/model';
import type { RecurInfo } from '../core/recurrence';
import { reviewInput } from '../core/review/input';
import { refLists, reviewedOnly, reviewFrame, reviewPart, type ReviewFrame, type ReviewPart, type ReviewRef } from '../core/review/figures';
import { readLog } from './files';
import { workerThreads } from './thread';
import { detach } from '../core/text';

export type Mode = 'check' | 'agenda' | 'ics' | 'review';

/** Everything a worker needs to know (plain data: it crosses to worker threads). */
export interface WorkOptions {
  readonly mode: Mode;
  /** The evaluation instant, ms since the epoch. */
  readonly now: number;
  readonly timeZone: string;
  readonly horizonDays: number;
  readonly confirmationDays: number;
  /** `client.quiet` for logs without a front matter cadence (0: off). */
  readonly cadenceDays?: number;
  readonly levels: Readonly<Partial<Record<FindingCode, LevelSetting>>>;
  /** Whether to return finding objects (for --json) or only formatted lines. */
  readonly json: boolean;
  /** Whether results carry the file's facts, for the cache. */
  readonly keepFacts?: boolean;
  /** review: the period asked for (`ReviewOptions`, with `now` and `timeZone` above). */
  readonly review?: { readonly since?: string; readonly until?: string; readonly weeks?: number };
}

export interface FileTask {
  /** Absolute path, to read. */
  readonly path: string;
  /** The path as shown in output. */
  readonly display: string;
  /** review: its place among the files of the run (the log's `source` in the review). */
  readonly source?: number;
}

export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly level: Level;
  readonly code: FindingCode;
  readonly message: string;
  readonly data: FindingData;
}

/** An open, dated item of a file, for the agenda (promises) and the calendar (plain data: it crosses threads). */
export interface OpenTracked {
  readonly kind: TrackedKind;
  /** 0-based, as in the model. */
  readonly line: number;
  readonly date: string;
  readonly time?: string;
  readonly text: string;
  readonly tags: readonly string[];
  /** Recorded moves (the calendar's SEQUENCE). */
  readonly moves?: number;
  /** A recurring promise's rule. */
  readonly recur?: RecurInfo;
  /** `agenda --days`: a coming occurrence of the recurring promise on `line`, computed, not in the file. */
  readonly computed?: boolean;
}

export interface FileResult {
  readonly file: string;
  readonly error?: string;
  /** check: the formatted lines, each ending in "\n". */
  readonly out?: string;
  readonly counts?: Readonly<Record<Level, number>>;
  readonly overdue?: number;
  readonly findings?: JsonFinding[];
  /**
   * agenda, ics: the file's client, the zone its front matter names, its open items (agenda: promises only)
   * and, for ics, the names of the contacts they mention (handle, name).
   */
  readonly agenda?: {
    readonly client: string;
    readonly timeZone?: string;
    readonly items: OpenTracked[];
    readonly names?: readonly (readonly [string, string])[];
  };
  /**
   * review: the file's share of the review (its refs in the period, its trend's counts, its latest entry), made
   * where it was parsed: a few hundred bytes to send to the main thread and keep, where its `ReviewInput` (every
   * dated line's history, about 12 KiB a log) was 118 MiB over 10,000 files.
   */
  readonly review?: ReviewPart;
  /**
   * When `keepFacts` asked for it, what the cache keeps of the file, made where the file was parsed (a worker,
   * often) so that the main thread only stores it: the facts as JSON, and the span in which its findings hold.
   */
  readonly cache?: { readonly factsJson: string; readonly from: number; readonly until: number };
}

/** What the cache keeps of one file: its analysis input and the names of the contacts its open items mention. */
export interface FileFacts {
  readonly input: AnalysisInput;
  /** Handle and front matter name of each contact an open item mentions (the calendar writes names, not handles). */
  readonly names: readonly (readonly [string, string])[];
}

let parseModule: typeof import('../core/parse') | undefined;

/** The parser, loaded on the first call only: a run answered from the cache never loads it or the YAML library. */
export function loadParser(): typeof import('../core/parse') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (parseModule ??= require('../core/parse') as typeof import('../core/parse'));
}

function parseText(text: string, fileName: string, fileProblems: readonly Problem[] = [], transient = false) {
  const p = parseModule ?? loadParser();
  return p.withProblems(p.parse(text, { fileName, transient }), fileProblems);
}

/**
 * Parses one file's text into what the findings and the agenda are computed from; `fileProblems` are
 * those of the file as a whole (its encoding, see readLog).
 */
export function factsOf(text: string, fileName: string, fileProblems: readonly Problem[] = []): FileFacts {
  const log = parseText(text, fileName, fileProblems);
  const input = analysisInput(log);
  const names = new Map<string, string>();
  for (const item of log.items) {
    if (item.state !== 'open' || !item.date) continue;
    for (const h of item.handles) {
      const name = names.has(h) ? undefined : contactOf(log, h)?.name;
      if (name !== undefined) names.set(h, name);
    }
  }
  return { input, names: [...names] };
}

/** A file's findings (check), open promises (agenda) or open items (ics) as of `o.now`, from its facts. */
export function resultOf(facts: FileFacts, task: FileTask, o: WorkOptions, keep = false): FileResult {
  const { input } = facts;
  const cache = keep ? { factsJson: JSON.stringify(facts), ...stableSpan(input, { now: new Date(o.now), timeZone: o.timeZone }) } : undefined;
  if (o.mode === 'check') return { ...checkResult(analyzeInput(input, analyzeOptions(o)), task, o), cache };
  const items: OpenTracked[] = [];
  for (const item of input.items) {
    if (o.mode !== 'ics' && item.kind !== 'promise') continue;
    items.push({
      kind: item.kind,
      line: item.line,
      date: item.date,
      ...(item.time !== undefined && { time: item.time }),
      text: item.text,
      tags: item.tags,
      ...(item.moves !== undefined && { moves: item.moves }),
      ...(item.recur ? { recur: item.recur } : {}),
    });
  }
  const names = o.mode === 'ics' && facts.names.length > 0 ? facts.names : undefined;
  return { file: task.display, agenda: { client: input.client, timeZone: input.timeZone, items, ...(names && { names }) }, cache };
}

function analyzeOptions(o: WorkOptions) {
  return {
    now: new Date(o.now),
    timeZone: o.timeZone,
    horizonDays: o.horizonDays,
    confirmationDays: o.confirmationDays,
    cadenceDays: o.cadenceDays,
    levels: o.levels,
  };
}

/** check's result for one file: its findings as lines (or, for --json, as objects) and their counts. */
function checkResult(findings: readonly Finding[], task: FileTask, o: WorkOptions): FileResult {
  const counts: Record<Level, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let overdue = 0;
  let out = '';
  const json: JsonFinding[] | undefined = o.json ? [] : undefined;
  for (const f of findings) {
    counts[f.level]++;
    if (f.code === 'promise.overdue') overdue++;
    const message = describeFinding(f, formatMessage, 'en', englishDays);
    const line = f.range.start.line + 1;
    const column = f.range.start.character + 1;
    if (json) {
      json.push({
        file: task.display,
        line,
        column,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        level: f.level,
        code: f.code,
        message,
        data: f.data,
      });
    } else {
      out += `${task.display}:${line}:${column}: ${f.level} ${f.code} ${message}\n`;
    }
  }
  // One flat string of its own: the lines are made of the model's strings, which may be views into the file's text.
  return { file: task.display, out: detach(out), counts, overdue, findings: json };
}

/** The review's frame of these options, made once per thread (a worker gets its options once, with its job). */
let frameOf: { readonly o: WorkOptions; readonly frame: ReviewFrame } | undefined;
function reviewFrameOf(o: WorkOptions): ReviewFrame {
  if (frameOf?.o !== o) frameOf = { o, frame: reviewFrame({ now: new Date(o.now), timeZone: o.timeZone, ...o.review }) };
  return frameOf.frame;
}

/**
 * `part` made from a transient parse, with its strings made its own (in place: the objects are new, and assigning an
 * existing property keeps their shape), so that keeping it does not keep the file's text alive. Dates and times are
 * shorter than any view V8 makes.
 */
function ownStrings(part: ReviewPart): ReviewPart {
  const own = (o: object, keys: readonly string[]) => {
    const w = o as Record<string, unknown>;
    for (const k of keys) if (typeof w[k] === 'string') w[k] = detach(w[k]);
  };
  own(part, ['client']);
  const refs = (xs: readonly ReviewRef[]) => {
    for (const x of xs) own(x, ['client', 'text', 'who']);
  };
  const { acc } = part;
  for (const xs of refLists(acc)) refs(xs);
  refs(acc.moves);
  return part;
}

/** Parses and analyzes one file's text. */
export function processText(text: string, task: FileTask, o: WorkOptions, fileProblems: readonly Problem[] = []): FileResult {
  // The review reads closed items and their history too, which the cached facts leave out.
  // A transient parse (strings that are views into the text: no copy of each), then the file's share of the
  // review, with copies of only the strings it keeps; a worker's results are copied on their way to the main
  // thread anyway.
  if (o.mode === 'review') {
    const frame = reviewFrameOf(o);
    const part = reviewPart(reviewInput(reviewedOnly(parseText(text, task.path, fileProblems, true), frame)), task.source ?? 0, frame);
    return { file: task.display, review: workerThreads().isMainThread ? ownStrings(part) : part };
  }
  // check without a cache keeps nothing of the file: its findings come from the parsed log itself, without
  // the plain copy the cache stores (`analyzeInput(analysisInput(log))` is `analyze(log)`: a property test).
  // Its text output keeps no string of the model (see checkResult), so the model may share the file's text.
  if (o.mode === 'check' && !o.keepFacts) return checkResult(analyze(parseText(text, task.path, fileProblems, !o.json), analyzeOptions(o)), task, o);
  return resultOf(factsOf(text, task.path, fileProblems), task, o, o.keepFacts);
}

/** Reads and processes one file; a read error becomes part of the result. */
export function processFile(task: FileTask, o: WorkOptions): FileResult {
  let log: DecodedLog;
  try {
    log = readLog(task.path);
  } catch (e) {
    return { file: task.display, error: (e as Error).message };
  }
  return processText(log.text, task, o, log.problems);
}
