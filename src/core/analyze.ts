import { addDays, dayNumber, parseTime, readZone, zonedInstant, zonedNow } from './dates';
import {
  contactOf,
  DEFAULT_LEVELS,
  MAX_FINDINGS_PER_FILE,
  type ClientLog,
  type Finding,
  type FindingCode,
  type FindingData,
  type Level,
  type LevelSetting,
  type Entry,
  type Problem,
  type Tracked,
} from './model';
import { capPerFile, countOf, mergePerLine, PerLineCap } from './limits';
import { CRISIS_REQUIRED_FIELDS, REQUIRED_FIELDS, triageOf } from './notes';
import { recurInfo, type RecurInfo } from './recurrence';
import { DEFAULT_CONFIRMATION_DAYS, DEFAULT_HORIZON_DAYS, standing, type StandingOptions } from './standing';
import { lineRange, type Range } from './text';

export interface AnalyzeOptions {
  /** The instant to evaluate at. */
  readonly now: Date;
  /** The user's time zone, used when the log's front matter names none (or an unknown one). */
  readonly timeZone: string;
  /** Open promises due within this many days are `promise.dueSoon` (default 3; 0 turns it off). */
  readonly horizonDays?: number;
  /** A scope change unconfirmed for more than this many days is `scope.unconfirmed` (default 3). */
  readonly confirmationDays?: number;
  /** Per-code levels; `off` drops the code. */
  readonly levels?: Readonly<Partial<Record<FindingCode, LevelSetting>>>;
  /**
   * How often, in days, we want to be in touch with a client whose front matter sets no `cadence`
   * (`clientlog.cadence.defaultDays`); 0 or none: no `client.quiet` for such clients.
   */
  readonly cadenceDays?: number;
}

/** The time zone a log's dates are read in. */
export function logTimeZone(log: ClientLog, userTimeZone: string): string {
  return readZone(log.frontMatter?.timeZone, userTimeZone);
}

/**
 * An open, dated item as `analyze` reads it. Plain JSON data, like the rest of `AnalysisInput`.
 */
export interface OpenItem {
  readonly kind: Tracked['kind'];
  readonly line: number;
  readonly range: Range;
  readonly dateRange?: Range;
  readonly date: string;
  readonly time?: string;
  readonly text: string;
  /** The first handle mentioned, and that contact's name in the front matter. */
  readonly handle?: string;
  readonly contact?: string;
  /** The date of the entry holding a WAITING line, when it has one. */
  readonly entryDate?: string;
  readonly tags: readonly string[];
  /** How many times it was moved (its `moved` history events), when it was: the calendar's SEQUENCE. */
  readonly moves?: number;
  /** A recurring promise's rule (the open occurrence's: the closed ones are not open items). */
  readonly recur?: RecurInfo;
}

/**
 * Everything `analyze` needs of a log, and nothing else: the client, the zone written in its front matter,
 * the findings that do not depend on the date (format problems included), and its open dated items. It is
 * plain JSON data, so the command line can keep it per file in a cache and evaluate it at any date
 * without parsing the file again. `analyzeInput(analysisInput(log), o)` is `analyze(log, o)`.
 */
export interface AnalysisInput {
  readonly client: string;
  readonly timeZone?: string;
  readonly problems: readonly Problem[];
  readonly items: readonly OpenItem[];
  /** For `client.quiet`, when the log has a dated entry. */
  readonly touch?: Touch;
}

/** When we were last in touch with a client, how often we want to be, and where to say so. */
export interface Touch {
  /** The latest date of an entry heading. */
  readonly lastEntry: string;
  /** Front matter `cadence`, in days. */
  readonly cadence?: number;
  /** The `client:` line; without one, the first line. */
  readonly range: Range;
}

/** A log's `Touch`, or undefined without a dated entry. */
export function touchOf(log: ClientLog): Touch | undefined {
  let last: string | undefined;
  for (const e of log.entries) if (e.date && (last === undefined || e.date > last)) last = e.date;
  if (last === undefined) return undefined;
  const fm = log.frontMatter;
  const range = fm?.clientRange ?? (fm ? lineRange(0, 0, 3) : log.entries[0]?.line === 0 ? log.entries[0].range : lineRange(0, 0, 0));
  return definedOnly({ lastEntry: last, cadence: fm?.cadence, range });
}

const plainRange = (r: Range): Range => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

/** What `analyze` reads of a log (see `AnalysisInput`); ranges are copied into plain objects. */
export function analysisInput(log: ClientLog): AnalysisInput {
  const items = openItems(log).map((i) => definedOnly({ ...i, range: plainRange(i.range), dateRange: i.dateRange && plainRange(i.dateRange) }));
  const problems = [...log.problems, ...timeIndependentFindings(log)].map((p) => ({ code: p.code, range: plainRange(p.range), data: p.data }));
  const touch = touchOf(log);
  return definedOnly({
    client: log.client,
    timeZone: log.frontMatter?.timeZone,
    problems,
    items,
    touch: touch && { ...touch, range: plainRange(touch.range) },
  });
}

/** `o` without its keys whose value is undefined (what JSON would drop anyway), in the same order. */
function definedOnly<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/**
 * A log's `client.quiet` finding as of `options.now`, if any: what `analyze` gives for that code. It reads
 * every entry, so an edit anywhere can change it (the incremental re-analysis asks for it on its own).
 */
export function quietFinding(log: ClientLog, options: AnalyzeOptions): Finding | undefined {
  const touch = touchOf(log);
  if (!touch) return undefined;
  return evaluate(log.client, log.frontMatter?.timeZone, [], [], options, touch).find((f) => f.code === 'client.quiet');
}

/** The findings for a log as of `options.now`. Never throws on any parsed log. */
export function analyze(log: ClientLog, options: AnalyzeOptions): Finding[] {
  return evaluate(log.client, log.frontMatter?.timeZone, [log.problems, timeIndependentFindings(log)], openItems(log), options, touchOf(log));
}

/** The findings for an `AnalysisInput` as of `options.now`: the same as `analyze` on the log it came from. */
export function analyzeInput(input: AnalysisInput, options: AnalyzeOptions): Finding[] {
  return evaluate(input.client, input.timeZone, [input.problems], input.items, options, input.touch);
}

/** A log's open dated items as `OpenItem`s, without copying ranges (for `analyze` in process). An array, not a generator: cheaper to make and to read. */
function openItems(log: ClientLog): OpenItem[] {
  const out: OpenItem[] = [];
  for (const item of log.items) {
    if (item.state !== 'open' || !item.date) continue;
    const handle = item.handles[0];
    let moves = 0;
    for (const h of item.history) if (h.verb === 'moved') moves++;
    out.push({
      kind: item.kind,
      line: item.line,
      range: item.range,
      dateRange: item.dateRange,
      date: item.date,
      time: item.time,
      text: item.text,
      handle,
      contact: handle ? contactOf(log, handle)?.name : undefined,
      entryDate: item.kind === 'waiting' && item.entry >= 0 ? log.entries[item.entry]?.date : undefined,
      tags: item.tags,
      moves: moves || undefined,
      recur: item.recur && recurInfo(item),
    });
  }
  return out;
}

/**
 * Where a calendar day starts and ends in a zone, and whether it is a plain one (24 hours, local time
 * running evenly from 00:00). Asked once per log by `stableSpan`, with a handful of ICU calls each, so the
 * answers are kept per zone and day.
 */
function dayBounds(date: string, tz: string): { dayStart: number; dayEnd: number; plain: boolean } {
  const key = `${tz}\n${date}`;
  let b = boundsCache.get(key);
  if (!b) {
    const dayStart = zonedInstant(date, 0, tz).getTime();
    const dayEnd = zonedInstant(addDays(date, 1), 0, tz).getTime();
    const plain =
      dayEnd - dayStart === 86_400_000 &&
      zonedNow(new Date(dayStart), tz).minutes === 0 &&
      zonedNow(new Date(dayStart), tz).date === date &&
      zonedNow(new Date(dayStart - 1), tz).date !== date &&
      zonedNow(new Date(dayEnd - 1), tz).date === date;
    b = { dayStart, dayEnd, plain };
    if (boundsCache.size > 256) boundsCache.clear();
    boundsCache.set(key, b);
  }
  return b;
}
const boundsCache = new Map<string, { dayStart: number; dayEnd: number; plain: boolean }>();

/**
 * The instants `[from, until)` around `options.now` at which `analyzeInput(input, ·)` gives the same findings
 * as at `options.now`: the log's calendar day in its zone, cut at the minute a promise due today at a time
 * becomes overdue. On a day whose length is not 24 hours (a daylight-saving change), only `options.now`
 * itself is promised, so a caller never reuses findings across a jump of the clock.
 */
export function stableSpan(
  input: { readonly timeZone?: string; readonly items: Iterable<Pick<OpenItem, 'kind' | 'date' | 'time'>> },
  options: Pick<AnalyzeOptions, 'now' | 'timeZone'>,
): { from: number; until: number } {
  const at = options.now.getTime();
  const tz = readZone(input.timeZone, options.timeZone);
  const now = zonedNow(options.now, tz);
  const { dayStart, dayEnd, plain } = dayBounds(now.date, tz);
  if (!plain || !(dayStart <= at && at < dayEnd)) return { from: at, until: at + 1 };
  let from = dayStart;
  let until = dayEnd;
  for (const item of input.items) {
    if (item.kind !== 'promise' || item.date !== now.date || item.time === undefined) continue;
    const t = parseTime(item.time);
    if (t === undefined) continue;
    // Overdue once the local minute is past t, that is from minute t + 1 (local time is linear on a plain day).
    const edge = dayStart + (t + 1) * 60_000;
    if (edge <= at) from = Math.max(from, edge);
    else until = Math.min(until, edge);
  }
  return { from, until };
}

/** `stableSpan` of a parsed log (whole or compact): the instants around `options.now` over which `analyze` gives the same findings. */
export function logSpan(log: ClientLog, options: Pick<AnalyzeOptions, 'now' | 'timeZone'>): { from: number; until: number } {
  return stableSpan({ timeZone: log.frontMatter?.timeZone, items: openDated(log) }, options);
}

function* openDated(log: ClientLog): Iterable<Pick<OpenItem, 'kind' | 'date' | 'time'>> {
  for (const item of log.items) if (item.state === 'open' && item.date) yield { kind: item.kind, date: item.date, time: item.time };
}

function evaluate(
  client: string,
  logZone: string | undefined,
  problemLists: ReadonlyArray<readonly Problem[]>,
  items: Iterable<OpenItem>,
  options: AnalyzeOptions,
  touch: Touch | undefined,
): Finding[] {
  const horizon = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const confirmDays = options.confirmationDays ?? DEFAULT_CONFIRMATION_DAYS;
  const tz = readZone(logZone, options.timeZone);
  const now = zonedNow(options.now, tz);
  const out: Finding[] = [];
  const levels = options.levels ?? {};
  const off = (code: FindingCode) => (levels[code] ?? DEFAULT_LEVELS[code]) === 'off';
  // Findings past the line where one list alone exceeds the cap cannot be among the findings kept: they
  // are only counted (see cutLine), so a flood costs no finding objects and no sort.
  const lists = problemLists.map(byLineOrder);
  let cut = Infinity;
  for (const list of lists) cut = Math.min(cut, cutLine(list, off));
  let beyond = 0;
  const push = (code: FindingCode, range: Range, data: FindingData) => {
    const setting = levels[code] ?? DEFAULT_LEVELS[code];
    if (setting === 'off') return;
    if (range.start.line > cut) beyond += countOf({ data });
    else out.push({ code, level: setting as Level, range, data });
  };

  for (const list of lists) for (const p of list) push(p.code, p.range, p.data);

  const rules: StandingOptions = { horizonDays: horizon, confirmationDays: confirmDays };
  for (const item of items) {
    const st = standing(item, now, rules).status!;
    const code = itemCode(item.kind, st.band);
    if (code === undefined || off(code)) continue;
    if (item.line > cut) {
      beyond++;
      continue;
    }
    const common = { client, line: item.line, text: item.text, date: item.date, time: item.time, timeZone: tz, handle: item.handle, contact: item.contact };
    const since = item.entryDate && item.entryDate <= item.date ? item.entryDate : item.date;
    push(
      code,
      code === 'promise.dueToday' || code === 'promise.dueSoon' ? (item.dateRange ?? item.range) : item.range,
      code === 'waiting.followUp'
        ? { ...common, since, days: dayNumber(now.date) - dayNumber(since), late: -st.days }
        : code === 'scope.unconfirmed'
          ? { ...common, days: st.age!, limit: confirmDays }
          : { ...common, days: code === 'promise.overdue' ? Math.abs(st.days) : st.days },
    );
  }

  if (touch) {
    const q = quiet(touch, now.date, options.cadenceDays);
    if (q) push('client.quiet', touch.range, { client, line: touch.range.start.line, ...q });
  }

  // A total order (position, then code), so the result does not depend on the order rules ran in.
  out.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  // No flood: one finding per code per line, and a cap per file (which counts the findings past the cut too).
  const capped = capPerFile(mergePerLine(out), levels['file.tooManyFindings'] ?? DEFAULT_LEVELS['file.tooManyFindings']);
  const last = capped[capped.length - 1];
  if (beyond > 0 && last?.code === 'file.tooManyFindings')
    capped[capped.length - 1] = { ...last, data: { ...last.data, omitted: Number(last.data.omitted) + beyond } };
  return capped;
}

/** The finding an open item's band gives, if any. */
function itemCode(kind: Tracked['kind'], band: string): FindingCode | undefined {
  if (kind === 'promise')
    return band === 'overdue' ? 'promise.overdue' : band === 'today' ? 'promise.dueToday' : band === 'soon' ? 'promise.dueSoon' : undefined;
  if (band !== 'overdue') return undefined;
  return kind === 'waiting' ? 'waiting.followUp' : 'scope.unconfirmed';
}

/** `list` ordered by line (itself when it already is; a stable sorted copy otherwise). */
function byLineOrder(list: readonly Problem[]): readonly Problem[] {
  for (let k = 1; k < list.length; k++) {
    if (list[k].range.start.line < list[k - 1].range.start.line) return [...list].sort((a, b) => a.range.start.line - b.range.start.line);
  }
  return list;
}

/**
 * The last line of the first MAX_FINDINGS_PER_FILE + 1 findings (one per code per line, codes that are
 * off left out) that `sorted` alone gives, or Infinity. Whatever else a file has, every finding it keeps
 * is at or before that line.
 */
function cutLine(sorted: readonly Problem[], off: (code: FindingCode) => boolean): number {
  let line = -1;
  let groups = 0;
  const onLine = new Set<FindingCode>();
  for (const p of sorted) {
    if (off(p.code)) continue;
    const l = p.range.start.line;
    if (l !== line) {
      if (groups > MAX_FINDINGS_PER_FILE) return line;
      onLine.clear();
      line = l;
    }
    if (!onLine.has(p.code)) {
      onLine.add(p.code);
      groups++;
    }
  }
  return Infinity;
}

/**
 * Whether a client has gone quiet on `today` (in the log's zone): the latest entry is more than the cadence
 * (front matter `cadence`, else `defaultDays`; 0 is off) days old. The days since, the cadence and the date.
 */
export function quiet(
  touch: Pick<Touch, 'lastEntry' | 'cadence'>,
  today: string,
  defaultDays = 0,
): { days: number; cadence: number; lastEntry: string } | undefined {
  const cadence = touch.cadence ?? defaultDays;
  if (!(cadence > 0)) return undefined;
  const days = dayNumber(today) - dayNumber(touch.lastEntry);
  return days > cadence ? { days, cadence, lastEntry: touch.lastEntry } : undefined;
}

/**
 * The findings that do not depend on the date: untriaged urgency, incomplete notes, unknown mentions.
 * (Format problems are already in `log.problems`.) `compactLog` keeps them as problems.
 */
export function timeIndependentFindings(log: ClientLog): Problem[] {
  const out: Problem[] = [];
  for (const u of log.urgents) {
    if (!u.triage) out.push({ code: 'urgent.untriaged', range: u.range, data: { client: log.client, line: u.line } });
  }
  for (const n of log.notes) {
    const have = new Set(n.fields.filter((f) => f.key && f.value.trim() !== '').map((f) => f.key!));
    const need = [...REQUIRED_FIELDS[n.kind]];
    if (n.kind === 'escalation') {
      const kind =
        n.fields
          .find((f) => f.key === 'kind')
          ?.value.trim()
          .split(/\s+/)[0] ?? '';
      if (triageOf(kind) === 'crisis') need.push(...CRISIS_REQUIRED_FIELDS);
    }
    if (n.kind === 'refusal' && !have.has('alternative')) {
      out.push({ code: 'refusal.noAlternative', range: n.range, data: { client: log.client, line: n.line, title: n.title } });
    }
    const missing = need.filter((k) => !have.has(k) && !(n.kind === 'refusal' && k === 'alternative'));
    if (missing.length > 0) out.push({ code: 'note.missingField', range: n.range, data: { client: log.client, line: n.line, kind: n.kind, missing } });
  }
  const capped = new PerLineCap(out);
  historyFindings(log, capped);
  capped.flush();
  const contacts = log.frontMatter?.contacts ?? [];
  if (contacts.length > 0) {
    const handles = contacts.map((c) => c.handle).filter((h): h is string => !!h);
    const known = new Set(handles.map((h) => h.toLowerCase()));
    // A line of 100,000 unknown mentions keeps a few of them (see PerLineCap).
    for (const m of log.mentions) {
      if (!known.has(m.handle.toLowerCase())) capped.push({ code: 'mention.unknown', range: m.range, data: { handle: m.handle, known: handles } });
    }
  }
  capped.flush();
  return out;
}

/** The dates of the entries holding an APOLOGY note: what `see APOLOGY <date>` can name. */
export function apologyDates(log: Pick<ClientLog, 'notes' | 'entries'>): Set<string> {
  const dates = new Set<string>();
  for (const n of log.notes) {
    const date = n.kind === 'apology' && n.entry >= 0 ? log.entries[n.entry]?.date : undefined;
    if (date) dates.add(date);
  }
  return dates;
}

/**
 * Histories that contradict themselves: a segment after the one that closed the item (`history.conflict`),
 * a promise kept before the entry that made it (`history.conflict`), and `see APOLOGY <date>` naming
 * no APOLOGY note (`history.reference`). Each on its segment.
 */
function historyFindings(log: ClientLog, out: PerLineCap): void {
  let apologies: Set<string> | undefined;
  for (const item of log.items) {
    const h = item.history;
    if (h.length === 0) continue;
    const entryDate = item.entry >= 0 ? log.entries[item.entry]?.date : undefined;
    let closedBy: string | undefined;
    for (const ev of h) {
      if (closedBy !== undefined) {
        out.push({ code: 'history.conflict', range: ev.range, data: { why: 'afterClosed', verb: ev.verb, closedBy, line: item.line } });
      } else if (ev.verb !== 'moved') {
        closedBy = ev.verb;
        // A promise kept before the entry that made it. (A scope change or a wait may well be written down
        // after it was settled: only a promise's keeping dates itself against its making.)
        if (ev.verb === 'kept' && ev.date && entryDate && ev.date < entryDate) {
          out.push({ code: 'history.conflict', range: ev.range, data: { why: 'beforeEntry', verb: ev.verb, date: ev.date, entryDate, line: item.line } });
        }
      }
      if (ev.apology !== undefined && !(apologies ??= apologyDates(log)).has(ev.apology)) {
        out.push({ code: 'history.reference', range: ev.range, data: { date: ev.apology, line: item.line } });
      }
    }
  }
}

const NO_ENTRY: Entry = Object.freeze({
  line: -1,
  range: lineRange(0, 0, 0),
  title: '',
  titleRange: lineRange(0, 0, 0),
  endLine: -1,
  lastContentLine: -1,
});

/**
 * A smaller model of a log, for files that are not open in an editor: the open items, the entries they
 * belong to, one Tag per tag name, the profile, and every time-independent finding kept as a problem.
 * `analyze(compactLog(log), o)` equals `analyze(log, o)` for every `o` (a property test holds it to that);
 * the history of closed items, the note blocks and the mentions are left out. An index of 10,000 files
 * keeps a fraction of the memory this way.
 */
export function compactLog(log: ClientLog): ClientLog {
  if (log.compact) return log;
  const items = log.items.filter((i) => i.state === 'open');
  const used = new Set(items.map((i) => i.entry));
  // The latest dated entry, for `client.quiet`.
  let latest = -1;
  log.entries.forEach((e, k) => {
    if (e.date && (latest < 0 || e.date > log.entries[latest].date!)) latest = k;
  });
  used.add(latest);
  // A heading on the first line is where `client.quiet` goes without front matter.
  if (log.entries[0]?.line === 0) used.add(0);
  const seen = new Set<string>();
  return {
    client: log.client,
    frontMatter: log.frontMatter,
    entries: log.entries.map((e, k) => (used.has(k) ? e : NO_ENTRY)),
    items,
    urgents: [],
    notes: [],
    mentions: [],
    tags: log.tags.filter((t) => !seen.has(t.tag) && !!seen.add(t.tag)),
    problems: [...log.problems, ...timeIndependentFindings(log)],
    lineCount: log.lineCount,
    eol: log.eol,
    bom: log.bom,
    compact: true,
  };
}
