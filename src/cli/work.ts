/** The per-file work of the CLI: the same parse + analyze the extension runs, on the main thread or in a worker. */
import * as fs from 'node:fs';
import { analyze, dueStatus, logTimeZone } from '../core/analyze';
import { zonedNow } from '../core/dates';
import { describeFinding, formatMessage } from '../core/messages';
import type { FindingCode, FindingData, Level, LevelSetting } from '../core/model';
import { parse } from '../core/parse';

export type Mode = 'check' | 'agenda' | 'ics';

/** Everything a worker needs to know (plain data: it crosses to worker threads). */
export interface WorkOptions {
  readonly mode: Mode;
  /** The evaluation instant, ms since the epoch. */
  readonly now: number;
  readonly timeZone: string;
  readonly horizonDays: number;
  readonly confirmationDays: number;
  readonly levels: Readonly<Partial<Record<FindingCode, LevelSetting>>>;
  /** Whether to return finding objects (for --json) or only formatted lines. */
  readonly json: boolean;
}

export interface FileTask {
  /** Absolute path, to read. */
  readonly path: string;
  /** The path as shown in output. */
  readonly display: string;
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

export interface OpenPromise {
  readonly client: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly due: string;
  readonly time?: string;
  /** The zone the due date is read in (the log's, else the user's). */
  readonly timeZone: string;
  readonly text: string;
  readonly tags: readonly string[];
  readonly band: 'overdue' | 'today' | 'soon' | 'later';
  /** Calendar days from today to the due date (negative when overdue). */
  readonly days: number;
  /** The whole line, for stable calendar UIDs. */
  readonly source: string;
}

export interface FileResult {
  readonly file: string;
  readonly error?: string;
  /** check: the formatted lines, each ending in "\n". */
  readonly out?: string;
  readonly counts?: Readonly<Record<Level, number>>;
  readonly overdue?: number;
  readonly findings?: JsonFinding[];
  readonly promises?: OpenPromise[];
}

/** Parses and analyzes one file's text. */
export function processText(text: string, task: FileTask, o: WorkOptions): FileResult {
  const log = parse(text, { fileName: task.path });
  if (o.mode === 'check') {
    const findings = analyze(log, { now: new Date(o.now), timeZone: o.timeZone, horizonDays: o.horizonDays, confirmationDays: o.confirmationDays, levels: o.levels });
    const counts: Record<Level, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    let overdue = 0;
    let out = '';
    const json: JsonFinding[] | undefined = o.json ? [] : undefined;
    for (const f of findings) {
      counts[f.level]++;
      if (f.code === 'promise.overdue') overdue++;
      const message = describeFinding(f, formatMessage, 'en');
      const line = f.range.start.line + 1;
      const column = f.range.start.character + 1;
      if (json) {
        json.push({ file: task.display, line, column, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1, level: f.level, code: f.code, message, data: f.data });
      } else {
        out += `${task.display}:${line}:${column}: ${f.level} ${f.code} ${message}\n`;
      }
    }
    return { file: task.display, out, counts, overdue, findings: json };
  }
  const tz = logTimeZone(log, o.timeZone);
  const today = zonedNow(new Date(o.now), tz);
  const promises: OpenPromise[] = [];
  let lines: string[] | undefined;
  for (const item of log.items) {
    if (item.kind !== 'promise' || item.state !== 'open' || !item.date) continue;
    const st = dueStatus(item, today, o.horizonDays)!;
    lines ??= text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
    promises.push({
      client: log.client,
      file: task.display,
      line: item.line + 1,
      due: item.date,
      time: item.time,
      timeZone: tz,
      text: item.text,
      tags: item.tags,
      band: st.band,
      days: st.days,
      source: lines[item.line] ?? '',
    });
  }
  return { file: task.display, promises };
}

/** Reads and processes one file; a read error becomes part of the result. */
export function processFile(task: FileTask, o: WorkOptions): FileResult {
  let text: string;
  try {
    text = fs.readFileSync(task.path, 'utf8');
  } catch (e) {
    return { file: task.display, error: (e as Error).message };
  }
  return processText(text, task, o);
}

/** The async variant: reads the file without blocking, then parses. */
export async function processFileAsync(task: FileTask, o: WorkOptions): Promise<FileResult> {
  let text: string;
  try {
    text = await fs.promises.readFile(task.path, 'utf8');
  } catch (e) {
    return { file: task.display, error: (e as Error).message };
  }
  return processText(text, task, o);
}
