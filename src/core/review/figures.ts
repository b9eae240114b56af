import { standing } from '../standing';
import { addDays, dayNumber, fromDayNumber, readZone, weekday, zonedNow, type ZonedNow } from '../dates';
import type { ClientLog, NoteKind, TrackedKind } from '../model';
import { defined as clean, type ReviewInput, type ReviewItem } from './input';

/**
 * The weekly review's figures (docs/REVIEW.md): for a period, per client and in total, what became of the
 * promises due in it, of the follow-ups we waited for, of the scope changes raised, how urgency was handled,
 * when each client last heard from us, and the on-time rate week by week.
 *
 * The period is a range of calendar dates, the same for every log. Each log is read in its own time zone:
 * its dates are calendar dates there, and whether an open promise is overdue (or a wait past its follow-up
 * date) is decided by the clock there, at `now`.
 */
export interface ReviewOptions {
  /** The instant the review is made at. */
  readonly now: Date;
  /** The user's zone: it names "today" for the default period, and reads logs without a valid zone of their own. */
  readonly timeZone: string;
  /** First day of the period (inclusive). Default: six days before `until`. */
  readonly since?: string;
  /** Last day of the period (inclusive). Default: today in the user's zone. */
  readonly until?: string;
  /** ISO weeks in the trend, the last one holding `until` (default 12). */
  readonly weeks?: number;
}

/** One log of the review, and how to name it (a path, a URI): the refs point back to it by index. */
export interface ReviewSource {
  readonly input: ReviewInput;
}

/** An item behind a number: which log (index into the sources), which line. */
export interface ReviewRef {
  readonly source: number;
  /** 0-based line. */
  readonly line: number;
  readonly kind: TrackedKind | 'urgent' | NoteKind | 'entry';
  readonly client: string;
  /** The item's current date (due, follow-up, raised), or its entry's date. */
  readonly date?: string;
  readonly time?: string;
  readonly text: string;
  /** The contact named (the first mention), or who agreed (moves, confirmations). */
  readonly who?: string;
  /**
   * Days, by bucket: the slip of a late promise or reply, how long an overdue promise or an open wait has
   * been overdue or waited for, the days a scope change took to confirm or has waited so far.
   */
  readonly days?: number;
}

/** A move of a promise's date agreed in the period. */
export interface ReviewMoveRef extends ReviewRef {
  readonly from: string;
  /** The date it was moved to (the next move's origin, or the current due date). */
  readonly to: string;
  /** When it was agreed, when written. */
  readonly on?: string;
}

export interface PromiseFigures {
  /** Promises whose current due date is in the period: the sum of the six buckets below. */
  readonly due: number;
  readonly onTime: readonly ReviewRef[];
  /** Kept after the due date; `days` is the slip. */
  readonly late: readonly ReviewRef[];
  readonly broken: readonly ReviewRef[];
  readonly dropped: readonly ReviewRef[];
  /** Still open and past due; `days` overdue (0: due today at a time that has passed). */
  readonly overdue: readonly ReviewRef[];
  /** Still open and not yet due (the period reaches today or later). */
  readonly notYetDue: readonly ReviewRef[];
  /** Kept on time without ever being moved: a part of `onTime`. */
  readonly firstDate: readonly ReviewRef[];
  /** onTime / (onTime + late + broken + overdue); null when that is 0. */
  readonly onTimeRate: number | null;
  /** firstDate / (onTime + late + broken + overdue); null when that is 0. */
  readonly firstDateRate: number | null;
  /** Median and worst slip of the late ones, in days; null when none is late. */
  readonly slipMedian: number | null;
  readonly slipWorst: number | null;
  /**
   * Moves agreed in the period (their `on` date in it; a move without one counts when the promise is due in
   * the period), with who agreed.
   */
  readonly moves: readonly ReviewMoveRef[];
}

export interface WaitingFigures {
  /** Follow-ups whose current date is in the period: the sum of the five buckets below. */
  readonly due: number;
  readonly inTime: readonly ReviewRef[];
  /** Received after the follow-up date; `days` late. */
  readonly late: readonly ReviewRef[];
  /** Open past the follow-up date; `days` waited since we asked (the entry's date). */
  readonly open: readonly ReviewRef[];
  /** Open, follow-up date not reached yet; `days` waited so far. */
  readonly pending: readonly ReviewRef[];
  readonly dropped: readonly ReviewRef[];
}

export interface ScopeFigures {
  /** Scope changes raised in the period: the sum of the four buckets below. */
  readonly raised: number;
  /** `days` to confirmation. */
  readonly confirmed: readonly ReviewRef[];
  readonly declined: readonly ReviewRef[];
  readonly dropped: readonly ReviewRef[];
  /** `days` unconfirmed so far. */
  readonly unconfirmed: readonly ReviewRef[];
  /** Median days to confirmation; null when none was confirmed. */
  readonly confirmMedian: number | null;
}

export interface UrgencyFigures {
  /** URGENT lines in entries dated in the period, by triage. */
  readonly crisis: readonly ReviewRef[];
  readonly request: readonly ReviewRef[];
  readonly untriaged: readonly ReviewRef[];
  /** Note blocks in entries dated in the period. */
  readonly apologies: readonly ReviewRef[];
  readonly refusals: readonly ReviewRef[];
  readonly escalations: readonly ReviewRef[];
}

export interface TrendPoint {
  /** ISO week, `2026-W48`. */
  readonly week: string;
  /** Its Monday and Sunday. */
  readonly start: string;
  readonly end: string;
  readonly onTime: number;
  /** on time + late + broken + overdue: the rate's denominator. */
  readonly counted: number;
  readonly rate: number | null;
}

export interface LastTouch {
  readonly date: string;
  /** Days from that date to today in the log's zone (negative for an entry dated ahead). */
  readonly days: number;
  readonly source: number;
  readonly line: number;
}

export interface Figures {
  readonly promises: PromiseFigures;
  readonly waiting: WaitingFigures;
  readonly scope: ScopeFigures;
  readonly urgency: UrgencyFigures;
  readonly trend: readonly TrendPoint[];
}

export interface ClientFigures extends Figures {
  readonly client: string;
  /** The logs of this client (indexes into the sources). */
  readonly sources: readonly number[];
  /** The latest dated entry of any of its logs. */
  readonly lastTouch?: LastTouch;
}

export interface Review {
  readonly since: string;
  readonly until: string;
  /** Today in the user's zone. */
  readonly today: string;
  readonly timeZone: string;
  readonly now: string;
  /** Clients by name. */
  readonly clients: readonly ClientFigures[];
  readonly total: Figures;
}

/** Collects refs per bucket before the rates and medians are worked out. */
interface Acc {
  promise: Record<'onTime' | 'late' | 'broken' | 'dropped' | 'overdue' | 'notYetDue' | 'firstDate', ReviewRef[]>;
  moves: ReviewMoveRef[];
  waiting: Record<'inTime' | 'late' | 'open' | 'pending' | 'dropped', ReviewRef[]>;
  scope: Record<'confirmed' | 'declined' | 'dropped' | 'unconfirmed', ReviewRef[]>;
  urgency: Record<keyof UrgencyFigures, ReviewRef[]>;
  /** Per trend week: [onTime, counted]. */
  weeks: Array<[number, number]>;
}

const newAcc = (weeks: number): Acc => ({
  promise: { onTime: [], late: [], broken: [], dropped: [], overdue: [], notYetDue: [], firstDate: [] },
  moves: [],
  waiting: { inTime: [], late: [], open: [], pending: [], dropped: [] },
  scope: { confirmed: [], declined: [], dropped: [], unconfirmed: [] },
  urgency: { crisis: [], request: [], untriaged: [], apologies: [], refusals: [], escalations: [] },
  weeks: Array.from({ length: weeks }, () => [0, 0] as [number, number]),
});

/** The ISO week of a date: `2026-W48`. */
export function isoWeek(date: string): string {
  const thursday = addDays(date, 3 - weekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a review covers, as `review` resolves it. */
export function reviewPeriod(options: Pick<ReviewOptions, 'now' | 'timeZone' | 'since' | 'until'>): { since: string; until: string; today: string } {
  const today = zonedNow(options.now, options.timeZone).date;
  const until = options.until ?? (options.since && options.since > today ? options.since : today);
  const since = options.since ?? addDays(until, -6);
  return { since, until, today };
}

/** What every log's share of one review is made with: the period, the trend's weeks, the instant and the user's zone. */
export interface ReviewFrame {
  readonly since: string;
  readonly until: string;
  readonly today: string;
  /** The trend's first Monday (a day number), and its weeks (made once, not for each client). */
  readonly firstMonday: number;
  readonly trend: readonly Pick<TrendPoint, 'week' | 'start' | 'end'>[];
  readonly options: ReviewOptions;
}

/** The first day a frame reads anything of: its period's or its trend's first day. */
export const frameStart = (frame: ReviewFrame): string => (frame.since < frame.trend[0].start ? frame.since : frame.trend[0].start);

export function reviewFrame(options: ReviewOptions): ReviewFrame {
  const { since, until, today } = reviewPeriod(options);
  const weeks = Math.max(1, Math.min(520, Math.floor(options.weeks ?? 12)));
  const firstMonday = dayNumber(until) - weekday(until) - 7 * (weeks - 1);
  const trend = Array.from({ length: weeks }, (_, k) => {
    const start = fromDayNumber(firstMonday + 7 * k);
    return { week: isoWeek(start), start, end: fromDayNumber(firstMonday + 7 * k + 6) };
  });
  return { since, until, today, firstMonday, trend, options };
}

/**
 * One log's share of a review (`reviewPart`): its refs by bucket, its trend's counts, its latest entry. Plain data
 * that holds none of the log's other lines: the command line's workers make one per file and send only that.
 */
export interface ReviewPart {
  readonly client: string;
  readonly acc: Acc;
  readonly lastTouch?: LastTouch;
}

/** Per log: where its items fall, and its latest entry. */
export function reviewPart(input: ReviewInput, source: number, frame: ReviewFrame): ReviewPart {
  const { since, until, firstMonday, options, trend } = frame;
  const acc = newAcc(trend.length);
  const { waiting, scope, urgency } = acc;
  const now = zonedNow(options.now, readZone(input.timeZone, options.timeZone));
  const todayN = dayNumber(now.date);
  const last = input.lastEntry;
  const inPeriod = (d: string | undefined) => d !== undefined && d >= since && d <= until;
  const ref = (i: ReviewItem, extra: { days?: number; who?: string } = {}): ReviewRef =>
    clean({ source, line: i.line, kind: i.kind, client: input.client, date: i.date, time: i.time, text: i.text, who: extra.who ?? i.who, days: extra.days });
  for (const i of input.items) {
    if (i.kind === 'promise') {
      // Most of a log's history is outside the trend's weeks and the period: no day numbers for it (dates are
      // real ones written YYYY-MM-DD, ordered as strings).
      const inTrend = i.date >= trend[0].start && i.date <= trend[trend.length - 1].end;
      const week = inTrend ? Math.floor((dayNumber(i.date) - firstMonday) / 7) : 0;
      const due = inPeriod(i.date);
      for (let k = 0; k < i.moves.length; k++) {
        const m = i.moves[k];
        if (m.on !== undefined ? !inPeriod(m.on) : !due) continue;
        const to = k + 1 < i.moves.length ? i.moves[k + 1].from : i.date;
        acc.moves.push(clean({ ...ref(i, { who: m.by }), from: m.from, to, on: m.on }));
      }
      if (!inTrend && !due) continue;
      const b = promiseBucket(i, now, todayN);
      if (inTrend && b.bucket !== 'dropped' && b.bucket !== 'notYetDue') {
        acc.weeks[week][1]++;
        if (b.bucket === 'onTime') acc.weeks[week][0]++;
      }
      if (!due) continue;
      const r = ref(i, { days: b.days });
      acc.promise[b.bucket].push(r);
      if (b.bucket === 'onTime' && i.moves.length === 0) acc.promise.firstDate.push(r);
    } else if (i.kind === 'waiting') {
      if (!inPeriod(i.date)) continue;
      const asked = i.entryDate && i.entryDate <= i.date ? i.entryDate : i.date;
      if (i.state === 'received') {
        const late = i.closedOn !== undefined ? dayNumber(i.closedOn) - dayNumber(i.date) : 0;
        if (late > 0) waiting.late.push(ref(i, { days: late }));
        else waiting.inTime.push(ref(i));
      } else if (i.state === 'open') {
        const waited = todayN - dayNumber(asked);
        if (todayN > dayNumber(i.date)) waiting.open.push(ref(i, { days: waited }));
        else waiting.pending.push(ref(i, { days: Math.max(0, waited) }));
      } else waiting.dropped.push(ref(i));
    } else {
      if (!inPeriod(i.date)) continue;
      if (i.state === 'confirmed') scope.confirmed.push(ref(i, { who: i.closedBy, days: dayNumber(i.closedOn ?? i.date) - dayNumber(i.date) }));
      else if (i.state === 'declined') scope.declined.push(ref(i, { who: i.closedBy }));
      else if (i.state === 'open') scope.unconfirmed.push(ref(i, { days: Math.max(0, todayN - dayNumber(i.date)) }));
      else scope.dropped.push(ref(i));
    }
  }
  for (const u of input.urgents)
    if (inPeriod(u.date))
      urgency[u.triage ?? 'untriaged'].push(clean({ source, line: u.line, kind: 'urgent', client: input.client, date: u.date, text: u.text }));
  for (const n of input.notes)
    if (inPeriod(n.date))
      urgency[n.kind === 'apology' ? 'apologies' : n.kind === 'refusal' ? 'refusals' : 'escalations'].push(
        clean({ source, line: n.line, kind: n.kind, client: input.client, date: n.date, text: n.title }),
      );
  return { client: input.client, acc, lastTouch: last && { date: last.date, days: todayN - dayNumber(last.date), source, line: last.line } };
}

/**
 * The log without what `reviewPart` reads nothing of in this frame (items, urgent lines and notes dated outside the
 * trend's weeks and the period), for the command line, which makes a part of each log once: most of a log's history
 * then never becomes review input. `reviewPart(reviewInput(reviewedOnly(log, frame)), …)` is `reviewPart(reviewInput(log), …)`
 * (a property test holds it); dates are real ones written YYYY-MM-DD, ordered as strings.
 */
export function reviewedOnly(log: ClientLog, frame: ReviewFrame): ClientLog {
  const { since, until, trend } = frame;
  const inPeriod = (d: string | undefined) => d !== undefined && d >= since && d <= until;
  const from = trend[0].start;
  const to = trend[trend.length - 1].end;
  const inEntry = (x: { readonly entry: number }) => inPeriod(log.entries[x.entry]?.date);
  return {
    ...log,
    items: log.items.filter(
      (i) =>
        i.date !== undefined &&
        (inPeriod(i.date) || (i.kind === 'promise' && ((i.date >= from && i.date <= to) || i.history.some((ev) => ev.verb === 'moved' && inPeriod(ev.date))))),
    ),
    urgents: log.urgents.filter(inEntry),
    notes: log.notes.filter(inEntry),
  };
}

type PromiseBucket = 'onTime' | 'late' | 'broken' | 'dropped' | 'overdue' | 'notYetDue';

/** Where one promise stands at `now`: every promise is in exactly one bucket. */
export function promiseBucket(
  i: Pick<ReviewItem, 'date' | 'time' | 'state' | 'closedOn'>,
  now: ZonedNow,
  todayN = dayNumber(now.date),
): { bucket: PromiseBucket; days?: number } {
  switch (i.state) {
    case 'kept': {
      const slip = i.closedOn !== undefined ? dayNumber(i.closedOn) - dayNumber(i.date) : 0;
      return slip > 0 ? { bucket: 'late', days: slip } : { bucket: 'onTime' };
    }
    case 'broken':
      return { bucket: 'broken' };
    case 'open': {
      return standing({ kind: 'promise', date: i.date, time: i.time }, now).state === 'overdue'
        ? { bucket: 'overdue', days: todayN - dayNumber(i.date) }
        : { bucket: 'notYetDue' };
    }
    default:
      // dropped (and any other closing verb a promise cannot have)
      return { bucket: 'dropped' };
  }
}

const byPlace = (a: ReviewRef, b: ReviewRef) =>
  (a.date ?? '').localeCompare(b.date ?? '') || a.client.localeCompare(b.client) || a.source - b.source || a.line - b.line;

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function sorted<T extends ReviewRef>(xs: T[]): T[] {
  return xs.sort(byPlace);
}

function finish(acc: Acc, trend: ReviewFrame['trend']): Figures {
  for (const xs of refLists(acc)) sorted(xs);
  const p = acc.promise;
  const counted = p.onTime.length + p.late.length + p.broken.length + p.overdue.length;
  const slips = p.late.map((r) => r.days ?? 0);
  const rate = (n: number) => (counted > 0 ? n / counted : null);
  // The buckets in newAcc's order (onTime, late, broken, dropped, overdue, notYetDue, firstDate), after `due`.
  const promises: PromiseFigures = {
    due: counted + p.dropped.length + p.notYetDue.length,
    ...p,
    onTimeRate: rate(p.onTime.length),
    firstDateRate: rate(p.firstDate.length),
    slipMedian: median(slips),
    slipWorst: slips.length ? Math.max(...slips) : null,
    moves: acc.moves.sort((a, b) => (a.on ?? a.date ?? '').localeCompare(b.on ?? b.date ?? '') || byPlace(a, b)),
  };
  const w = acc.waiting;
  const s = acc.scope;
  return {
    promises,
    waiting: { due: w.inTime.length + w.late.length + w.open.length + w.pending.length + w.dropped.length, ...w },
    scope: {
      raised: s.confirmed.length + s.declined.length + s.dropped.length + s.unconfirmed.length,
      ...s,
      confirmMedian: median(s.confirmed.map((r) => r.days ?? 0)),
    },
    urgency: acc.urgency,
    trend: acc.weeks.map(([onTime, n], k) => ({
      week: trend[k].week,
      start: trend[k].start,
      end: trend[k].end,
      onTime,
      counted: n,
      rate: n > 0 ? onTime / n : null,
    })),
  };
}

/** Appends (a loop, not push(...xs): a client's bucket can hold more refs than a call takes arguments). */
function append<T>(into: T[], from: readonly T[]): void {
  for (const x of from) into.push(x);
}

/** The groups of buckets of refs in an `Acc`. */
const GROUPS = ['promise', 'waiting', 'scope', 'urgency'] as const;
const bucketsOf = (acc: Acc, g: (typeof GROUPS)[number]) => acc[g] as Record<string, ReviewRef[]>;
/** Every bucket of refs of an `Acc` (the moves aside), group by group. */
export const refLists = (acc: Acc): ReviewRef[][] => GROUPS.flatMap((g) => Object.values(bucketsOf(acc, g)));

function merge(into: Acc, from: Acc): void {
  for (const g of GROUPS) for (const k in from[g]) append(bucketsOf(into, g)[k], bucketsOf(from, g)[k]);
  append(into.moves, from.moves);
  from.weeks.forEach(([a, b], k) => {
    into.weeks[k][0] += a;
    into.weeks[k][1] += b;
  });
}

/** The review of a set of logs as of `options.now`. Never throws on any parsed log. */
export function review(inputs: readonly ReviewInput[], options: ReviewOptions): Review {
  const frame = reviewFrame(options);
  return reviewOf(
    inputs.map((input, source) => reviewPart(input, source, frame)),
    frame,
  );
}

/**
 * The review made of every log's share (`parts[k]` made of the log `source` k), in the frame they were made in. It
 * takes the parts over: a client's first part holds the client's refs from then on.
 */
export function reviewOf(parts: readonly ReviewPart[], frame: ReviewFrame): Review {
  const { options, trend } = frame;
  const perClient = new Map<string, { acc: Acc; sources: number[]; lastTouch?: LastTouch }>();
  parts.forEach((part, source) => {
    const c = perClient.get(part.client);
    // Into the client's buckets; the total is their union, made once per client below (finish sorts every bucket,
    // so the order refs arrive in does not matter).
    if (!c) perClient.set(part.client, { acc: part.acc, sources: [source], lastTouch: part.lastTouch });
    else {
      c.sources.push(source);
      merge(c.acc, part.acc);
      if (part.lastTouch && (!c.lastTouch || part.lastTouch.date > c.lastTouch.date)) c.lastTouch = part.lastTouch;
    }
  });
  const total = newAcc(trend.length);
  for (const c of perClient.values()) merge(total, c.acc);
  const clients = [...perClient]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([client, c]) => clean({ client, sources: c.sources, lastTouch: c.lastTouch, ...finish(c.acc, trend) }));
  return {
    since: frame.since,
    until: frame.until,
    today: frame.today,
    timeZone: options.timeZone,
    now: options.now.toISOString(),
    clients,
    total: finish(total, trend),
  };
}

/**
 * `part` as the share of the log `source`: the same part when it already is, else a copy with its refs renumbered
 * (the command line's workers number the files they were given, of which some may not have been read).
 */
export function partOfSource(part: ReviewPart, source: number): ReviewPart {
  const { acc, lastTouch } = part;
  const ok = (x: { source: number }) => x.source === source;
  if ((!lastTouch || ok(lastTouch)) && acc.moves.every(ok) && refLists(acc).every((xs) => xs.every(ok))) return part;
  const relabel = <T extends { source: number }>(x: T): T => ({ ...x, source });
  const from = (g: Record<string, ReviewRef[]>) => Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.map(relabel)]));
  return {
    client: part.client,
    acc: {
      promise: from(acc.promise) as Acc['promise'],
      moves: acc.moves.map(relabel),
      waiting: from(acc.waiting) as Acc['waiting'],
      scope: from(acc.scope) as Acc['scope'],
      urgency: from(acc.urgency) as Acc['urgency'],
      weeks: acc.weeks,
    },
    ...(lastTouch && { lastTouch: relabel(lastTouch) }),
  };
}
