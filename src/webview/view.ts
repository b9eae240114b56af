/**
 * The Weekly Review's view model, made in the webview (so the extension's bundle, which vscode.dev downloads on
 * every start, carries only the figures): the table's cells, the charts' data, every text translated with the
 * extension's l10n bundle. The extension sends each row's figures (`RowFigures`, no lines behind the numbers);
 * a click on a number asks it for the lines behind it (`listView`).
 */
import { formatMessage, type Translate } from '../core/messages';
import type { Review, ReviewMoveRef, ReviewRef, TrendPoint } from '../core/review/figures';
import {
  REVIEW_COLUMNS,
  SLIP_BANDS,
  columnTitle,
  percent,
  reviewRow,
  rowFigures,
  countedJson,
  type CountedFigures,
  slipCounts,
  type ReviewListColumn,
  type RowFigures,
} from '../core/review/report';

/** The period buttons. */
export const PERIODS = ['thisWeek', 'lastWeek', 'days30', 'days90'] as const;
export type PeriodId = (typeof PERIODS)[number];

/** Client rows laid out at first, and added each time the user asks for more (or scrolls to the end). */
export const PAGE_ROWS = 100;

/** `t` over an l10n bundle (`vscode.l10n.bundle`; none for English): the English message is the key. */
export function translator(bundle: Readonly<Record<string, string>> | undefined | null): Translate {
  return (message, ...args) => formatMessage(bundle?.[message] ?? message, ...args);
}

function periodLabel(id: PeriodId, t: Translate): string {
  switch (id) {
    case 'thisWeek':
      return t('This week');
    case 'lastWeek':
      return t('Last week');
    case 'days30':
      return t('30 days');
    case 'days90':
      return t('90 days');
  }
}

/**
 * What the extension sends the page: the period, the first clients' `RowFigures` (by name; more on request), the
 * total's, and the charts' data. The lines behind a number come on request (`ReviewListKey` -> a list).
 */
export interface ReviewSummary {
  readonly since: string;
  readonly until: string;
  readonly today: string;
  readonly timeZone: string;
  readonly period: PeriodId;
  /** How many clients there are. */
  readonly clients: number;
  /** The first clients' rows (`rows[k]` is client k's). */
  readonly rows: readonly RowFigures[];
  readonly total: RowFigures;
  /** The total's trend. */
  readonly trend: readonly TrendPoint[];
  /** The total's promises kept late, by `SLIP_BANDS`. */
  readonly slips: readonly number[];
  /** The clients with open and overdue promises: their row, name and how many. */
  readonly overdue: ReadonlyArray<{ readonly row: number; readonly client: string; readonly n: number }>;
}

/**
 * The summary the extension sends for a review (made in the extension host), as `countedJson`: the first `rows`
 * clients' figures and the total's without the lines behind their numbers; `readSummary` reads it in the page.
 */
export function reviewSummary(r: Review, period: PeriodId, rows: number): string {
  const { clients, total, ...when } = r;
  return countedJson({
    ...when,
    period,
    clients: clients.length,
    rows: clients.slice(0, rows),
    total,
    weeks: total.trend,
    slips: total.promises.late.map((x) => x.days ?? 0),
    overdue: clients.flatMap((c, row) => (c.promises.overdue.length ? [{ row, client: c.client, n: c.promises.overdue.length }] : [])),
  });
}

/** A summary as `reviewSummary` wrote it. */
export function readSummary(json: string): ReviewSummary {
  const s = JSON.parse(json) as Omit<ReviewSummary, 'rows' | 'total' | 'trend' | 'slips'> & {
    rows: CountedFigures[];
    total: CountedFigures;
    weeks: TrendPoint[];
    /** The slip of each promise kept late. */
    slips: number[];
  };
  return { ...s, rows: s.rows.map(rowFigures), total: rowFigures(s.total), trend: s.weeks, slips: slipCounts(s.slips) };
}

/** Which lines: those behind a column's number in a row (an index into `ReviewSummary.rows`). */
export interface ReviewListKey {
  readonly row: number;
  readonly column: ReviewListColumn;
}

/** One line behind a number, as the webview lists it. */
export interface ViewRef {
  readonly label: string;
  readonly detail: string;
  readonly source: number;
  readonly line: number;
}

/** Everything the webview shows, with its text already translated (the webview only lays it out). */
export interface ReviewView {
  readonly lang: string;
  readonly title: string;
  readonly subtitle: string;
  readonly period: PeriodId;
  readonly periods: ReadonlyArray<{ readonly id: PeriodId; readonly label: string }>;
  readonly columns: readonly string[];
  /** How many clients there are. */
  readonly clients: number;
  /** The clients' rows the page has (by name; `rows[k]` is client k's), then the total's. */
  readonly rows: ReadonlyArray<{
    readonly total: boolean;
    /** A cell with lines behind its number names them, and the title of their list. */
    readonly cells: ReadonlyArray<{ readonly text: string; readonly list?: ReviewListKey & { readonly title: string } }>;
    readonly trend: ReadonlyArray<number | null>;
  }>;
  readonly trend: {
    readonly title: string;
    readonly weeks: readonly string[];
    readonly rates: ReadonlyArray<number | null>;
    readonly counts: readonly string[];
  };
  readonly slips: {
    readonly title: string;
    readonly labels: readonly string[];
    readonly values: readonly number[];
    readonly list: ReviewListKey & { readonly title: string };
  };
  readonly overdue: {
    readonly title: string;
    readonly labels: readonly string[];
    readonly values: readonly number[];
    readonly lists: ReadonlyArray<ReviewListKey & { readonly title: string }>;
  };
  readonly labels: Readonly<Record<'copy' | 'close' | 'empty' | 'noLogs' | 'periodGroup' | 'table' | 'noData', string>>;
}

/** The text of the button for more rows. */
export function moreRowsLabel(t: Translate, shown: number, all: number): string {
  return t('Show more clients ({0} of {1} shown)', shown, all);
}

/** The view model of a review's summary: its text translated with `t` (the extension's l10n bundle). */
export function reviewView(s: ReviewSummary, t: Translate, locale: string): ReviewView {
  const weeks = s.trend.length;
  const columnTitles = REVIEW_COLUMNS.map((c) => columnTitle(c, t, weeks));
  const row = (f: RowFigures, row: number) => {
    const cells = reviewRow(f, t, locale);
    const name = cells.client.text;
    return {
      total: row === s.clients,
      cells: REVIEW_COLUMNS.map((c, k) => {
        const n = (f.n as Partial<Record<string, number>>)[c];
        return n ? { text: cells[c].text, list: { row, column: c as ReviewListColumn, title: `${name} · ${columnTitles[k]}` } } : { text: cells[c].text };
      }),
      trend: f.trend,
    };
  };
  const slipTitle = t('Slip of the promises kept late');
  const name = (client: string) => client || t('(no client)');
  return {
    lang: locale,
    title: t('Weekly review {0} – {1}', s.since, s.until),
    subtitle: t(
      'Made on {0} ({1}). Promises due in the period; on time = kept on time / (kept on time + kept late + broken + open overdue).',
      s.today,
      s.timeZone,
    ),
    period: s.period,
    periods: PERIODS.map((id) => ({ id, label: periodLabel(id, t) })),
    columns: columnTitles,
    clients: s.clients,
    rows: [...s.rows.map(row), row(s.total, s.clients)],
    trend: {
      title: t('On time, week by week ({0} weeks)', weeks),
      weeks: s.trend.map((w) => w.week),
      rates: s.trend.map((w) => w.rate),
      counts: s.trend.map((w) => (w.rate === null ? '–' : `${percent(w.rate, locale)} (${w.onTime}/${w.counted})`)),
    },
    slips: {
      title: slipTitle,
      labels: SLIP_BANDS.map(([l]) => l),
      values: s.slips,
      list: { row: s.clients, column: 'late', title: slipTitle },
    },
    overdue: {
      title: t('Open and overdue, by client'),
      labels: s.overdue.map((o) => name(o.client)),
      values: s.overdue.map((o) => o.n),
      lists: s.overdue.map((o) => ({ row: o.row, column: 'overdue', title: `${name(o.client)} · ${t('Open and overdue')}` })),
    },
    labels: {
      copy: t('Copy as Markdown'),
      close: t('Close'),
      empty: t('Nothing here.'),
      noLogs: t('No client logs in this workspace yet.'),
      periodGroup: t('Period'),
      table: t('Promise-keeping per client'),
      noData: t('No promises due in these weeks.'),
    },
  };
}

/** The lines behind a number, as the list shows them; `where[k]` names the place of `refs[k]` (`path:line`). */
export function listView(refs: readonly ReviewRef[], where: readonly string[], t: Translate): ViewRef[] {
  return refs.map((x, k) => {
    const m = x as Partial<ReviewMoveRef>;
    const extra = [
      m.from && m.to ? t('from {0} to {1}', m.from, m.to) : '',
      x.days !== undefined ? t('{0} d', x.days) : '',
      x.who ? (m.from ? t('agreed by {0}', x.who) : x.who) : '',
    ].filter(Boolean);
    return {
      label: `${x.date ?? ''} ${x.text}`.trim(),
      detail: `${x.client}${extra.length ? ` · ${extra.join(' · ')}` : ''} · ${where[k]}`,
      source: x.source,
      line: x.line,
    };
  });
}
