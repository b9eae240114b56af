import type { Translate } from '../messages';
import type { Figures, Review, ReviewRef, TrendPoint } from './figures';

/**
 * The review as text people read: the table's cells (shared by the command line's text, Markdown and HTML and
 * by the webview's "Copy as Markdown"), and the Markdown itself. `t` translates (English keys, `{0}`…).
 */

const pctCache = new Map<string, Intl.NumberFormat>();
/** "92%" in the locale; "–" when there is nothing to rate. */
export function percent(rate: number | null, locale: string): string {
  if (rate === null) return '–';
  let f = pctCache.get(locale);
  if (!f) {
    let l = 'en';
    try {
      l = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      // an invalid locale reads as English
    }
    f = new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 });
    pctCache.set(locale, f);
  }
  return f.format(rate);
}

const BLOCKS = '▁▂▃▄▅▆▇█';
/** The trend as a line of block characters, `·` for a week without a rate. */
export function sparkline(trend: readonly TrendPoint[]): string {
  return sparklineOf(trend.map((w) => w.rate));
}

function sparklineOf(rates: ReadonlyArray<number | null>): string {
  return rates.map((r) => (r === null ? '·' : BLOCKS[Math.min(7, Math.round(r * 7))])).join('');
}

/** The columns of the review's table, in order. */
export const REVIEW_COLUMNS = ['client', 'onTime', 'firstDate', 'late', 'broken', 'dropped', 'overdue', 'waiting', 'scope', 'lastTouch', 'trend'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

export function columnTitle(c: ReviewColumn, t: Translate, weeks: number): string {
  switch (c) {
    case 'client':
      return t('Client');
    case 'onTime':
      return t('On time');
    case 'firstDate':
      return t('On the first date');
    case 'late':
      return t('Kept late');
    case 'broken':
      return t('Broken');
    case 'dropped':
      return t('Dropped');
    case 'overdue':
      return t('Open, overdue');
    case 'waiting':
      return t('Waiting on the client');
    case 'scope':
      return t('Scope unconfirmed');
    case 'lastTouch':
      return t('Last entry');
    case 'trend':
      return t('Trend ({0} weeks)', weeks);
  }
}

/** A table cell: its text. */
export interface ReviewCell {
  readonly text: string;
}

/** The columns with lines behind their number (a click lists them). */
export type ReviewListColumn = 'onTime' | 'firstDate' | 'late' | 'broken' | 'dropped' | 'overdue' | 'waiting' | 'scope';

/**
 * Where the lines behind each column's number are in a row's figures (`figures[group][bucket]`): one place for
 * the table's counts, the webview's lists (the page asks the extension for the lines at that place) and tests.
 */
export const CELL_PATHS: Readonly<Record<ReviewListColumn, readonly ['promises' | 'waiting' | 'scope', string]>> = {
  onTime: ['promises', 'onTime'],
  firstDate: ['promises', 'firstDate'],
  late: ['promises', 'late'],
  broken: ['promises', 'broken'],
  dropped: ['promises', 'dropped'],
  overdue: ['promises', 'overdue'],
  waiting: ['waiting', 'open'],
  scope: ['scope', 'unconfirmed'],
};

/** The lines behind a column's number (in figures as `countedJson` wrote them: how many). */
export function cellRefs(f: Figures, c: ReviewListColumn): readonly ReviewRef[] {
  const [group, bucket] = CELL_PATHS[c];
  return (f[group] as unknown as Record<string, readonly ReviewRef[]>)[bucket];
}

/**
 * What one row of the table shows, without the lines behind its numbers (those are `cellRefs` of the figures):
 * small enough to send a thousand clients' rows to a webview at once. `trend` is each week's on-time rate.
 */
export interface RowFigures {
  /** Undefined for the total. */
  readonly client?: string;
  /** How many lines each number stands for. */
  readonly n: Readonly<Record<ReviewListColumn, number>>;
  /** on time + late + broken + open overdue. */
  readonly counted: number;
  readonly onTimeRate: number | null;
  readonly firstDateRate: number | null;
  readonly slipMedian: number | null;
  readonly slipWorst: number | null;
  readonly lastTouch?: { readonly date: string; readonly days: number };
  readonly trend: ReadonlyArray<number | null>;
}

/**
 * `x` (figures, or anything holding them) as JSON with every list of lines replaced by how many there are, and
 * every `trend` by its weeks' rates: what a row of the table needs, a few hundred bytes a client.
 */
export function countedJson(x: unknown): string {
  return JSON.stringify(x, (k, v: unknown) =>
    !Array.isArray(v) ? v : k === 'trend' ? v.map((w: TrendPoint) => w.rate) : (v[0] as ReviewRef | undefined)?.line !== undefined ? v.length : v,
  );
}

/** Figures as `countedJson` writes them. */
export type CountedFigures = Record<string, unknown>;

/** One row's figures (a client, or the total when `client` is undefined), from its figures or their `countedJson`. */
export function rowFigures(f: (Figures & { client?: string; lastTouch?: { date: string; days: number } }) | CountedFigures): RowFigures {
  const x = f as Figures & { client?: string; lastTouch?: { date: string; days: number } };
  const count = (refs: readonly unknown[] | number) => (typeof refs === 'number' ? refs : refs.length);
  const n = {} as Record<ReviewListColumn, number>;
  for (const c in CELL_PATHS) n[c as ReviewListColumn] = count(cellRefs(x, c as ReviewListColumn));
  const p = x.promises;
  return {
    client: x.client,
    n,
    counted: n.onTime + n.late + n.broken + n.overdue,
    onTimeRate: p.onTimeRate,
    firstDateRate: p.firstDateRate,
    slipMedian: p.slipMedian,
    slipWorst: p.slipWorst,
    lastTouch: x.lastTouch && { date: x.lastTouch.date, days: x.lastTouch.days },
    trend: (x.trend as ReadonlyArray<TrendPoint | number | null>).map((w) => (w !== null && typeof w === 'object' ? w.rate : w)),
  };
}

/** The cells of one row (a client, or the total when `client` is undefined). */
export function reviewRow(
  f: RowFigures | (Figures & { client?: string; lastTouch?: { date: string; days: number } }),
  t: Translate,
  locale: string,
): Record<ReviewColumn, ReviewCell> {
  const r = 'n' in f ? f : rowFigures(f);
  const n = r.n;
  const counted = r.counted;
  const slip = r.slipMedian === null ? '' : ` (${t('median {0} d, worst {1} d', fmt(r.slipMedian), r.slipWorst ?? 0)})`;
  return {
    client: { text: r.client === undefined ? t('All clients') : r.client || t('(no client)') },
    onTime: { text: counted ? `${percent(r.onTimeRate, locale)} (${n.onTime}/${counted})` : '–' },
    firstDate: { text: counted ? `${percent(r.firstDateRate, locale)} (${n.firstDate}/${counted})` : '–' },
    late: { text: `${n.late}${slip}` },
    broken: { text: String(n.broken) },
    dropped: { text: String(n.dropped) },
    overdue: { text: String(n.overdue) },
    waiting: { text: String(n.waiting) },
    scope: { text: String(n.scope) },
    lastTouch: { text: r.lastTouch ? t('{0} ({1} d ago)', r.lastTouch.date, r.lastTouch.days) : r.client === undefined ? '' : '–' },
    trend: { text: sparklineOf(r.trend) },
  };
}

/** Slips of the promises kept late, in bands of days: [label, from, to] (inclusive). */
export const SLIP_BANDS: ReadonlyArray<readonly [string, number, number]> = [
  ['1', 1, 1],
  ['2', 2, 2],
  ['3', 3, 3],
  ['4–7', 4, 7],
  ['8–14', 8, 14],
  ['15+', 15, Infinity],
];

/** How many of the promises kept late (their slips in days) fall in each of `SLIP_BANDS`. */
export function slipCounts(slips: readonly number[]): number[] {
  return SLIP_BANDS.map(([, lo, hi]) => slips.filter((d) => d >= lo && d <= hi).length);
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** One line per ref: `- 2026-11-19 Acme Logistics: Call Ivan back (3 d) — file:line`. */
function refLine(r: ReviewRef, where: (r: ReviewRef) => string, extra = ''): string {
  return `- ${r.date ?? ''} **${escapeMd(r.client)}**: ${escapeMd(r.text)}${extra}${where(r) ? ` — \`${where(r)}\`` : ''}`;
}

/** Markdown's special characters in free text, escaped (a log's text is the user's, not markup). */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/**
 * The review as Markdown for the weekly team note: the period, the table (one row per client and the total),
 * then what needs attention, naming the client and the promise. `where` names a ref's place (`file:line`).
 */
export function reviewMarkdown(r: Review, t: Translate, locale: string, where: (ref: ReviewRef) => string = () => ''): string {
  const cols = REVIEW_COLUMNS;
  const weeks = r.total.trend.length;
  const title = (c: (typeof cols)[number]) => columnTitle(c, t, weeks);
  const cell = (s: string) => escapeTable(s);
  let out = `## ${t('Weekly review {0} – {1}', r.since, r.until)}\n\n`;
  out += `${t('Made on {0} ({1}). Promises due in the period; on time = kept on time / (kept on time + kept late + broken + open overdue).', r.today, r.timeZone)}\n\n`;
  out += `| ${cols.map(title).join(' | ')} |\n| ${cols.map((c) => (c === 'client' || c === 'trend' || c === 'lastTouch' ? '---' : '---:')).join(' | ')} |\n`;
  for (const c of r.clients) {
    const row = reviewRow(c, t, locale);
    out += `| ${cols.map((k) => (k === 'client' ? escapeMd(row[k].text) : cell(row[k].text))).join(' | ')} |\n`;
  }
  const tot = reviewRow(r.total, t, locale);
  out += `| ${cols.map((k) => `**${cell(tot[k].text)}**`.replace(/^\*\*\*\*$/, '')).join(' | ')} |\n`;
  const section = <R extends ReviewRef>(heading: string, refs: readonly R[], extra: (x: R) => string = () => '') => {
    if (refs.length === 0) return;
    out += `\n### ${heading} (${refs.length})\n\n`;
    for (const x of refs) out += `${refLine(x, where, extra(x))}\n`;
  };
  const p = r.total.promises;
  const days = (x: ReviewRef) => (x.days !== undefined ? ` (${t('{0} d', x.days)})` : '');
  section(t('Open and overdue'), p.overdue, days);
  section(t('Broken'), p.broken);
  section(t('Kept late'), p.late, days);
  section(t('Moved'), p.moves, (m) => ` (${t('from {0} to {1}', m.from, m.to)}${m.who ? `, ${t('agreed by {0}', escapeMd(m.who))}` : ''})`);
  section(t('Dropped'), p.dropped);
  section(t('Waiting on the client'), r.total.waiting.open, (x) => ` (${t('waiting {0} d', x.days ?? 0)}${x.who ? `, ${escapeMd(x.who)}` : ''})`);
  section(t('Scope changes not confirmed yet'), r.total.scope.unconfirmed, days);
  const u = r.total.urgency;
  out += `\n${t('Urgent lines: crisis {0}, request {1}, untriaged {2}. Notes written: apologies {3}, refusals {4}, escalations {5}.', u.crisis.length, u.request.length, u.untriaged.length, u.apologies.length, u.refusals.length, u.escalations.length)}\n`;
  return out;
}

function escapeTable(s: string): string {
  return s.replace(/\|/g, '\\|');
}
