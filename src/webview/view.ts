/**
 * The Weekly Review's view model, made in the webview (so the extension's bundle, which vscode.dev downloads on
 * every start, carries only the figures): the table's cells, the lists behind the numbers, the charts' data,
 * every text translated with the extension's l10n bundle.
 */
import { formatMessage, type Translate } from '../core/messages';
import type { Figures, Review, ReviewMoveRef, ReviewRef } from '../core/review/figures';
import { REVIEW_COLUMNS, columnTitle, percent, reviewRow } from '../core/review/report';

/** The period buttons. */
export const PERIODS = ['thisWeek', 'lastWeek', 'days30', 'days90'] as const;
export type PeriodId = (typeof PERIODS)[number];

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

/** One line behind a number, as the webview lists it. */
interface ViewRef {
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
  readonly rows: ReadonlyArray<{
    readonly total: boolean;
    readonly cells: ReadonlyArray<{ readonly text: string; readonly list?: number }>;
    readonly trend: ReadonlyArray<number | null>;
  }>;
  /** The lists behind the numbers: a title and its lines. */
  readonly lists: ReadonlyArray<{ readonly title: string; readonly items: readonly ViewRef[] }>;
  readonly trend: {
    readonly title: string;
    readonly weeks: readonly string[];
    readonly rates: ReadonlyArray<number | null>;
    readonly counts: readonly string[];
  };
  readonly slips: { readonly title: string; readonly labels: readonly string[]; readonly values: readonly number[]; readonly list: number };
  readonly overdue: { readonly title: string; readonly labels: readonly string[]; readonly values: readonly number[]; readonly lists: readonly number[] };
  readonly labels: Readonly<Record<'copy' | 'close' | 'empty' | 'noLogs' | 'periodGroup' | 'table' | 'noData', string>>;
}

const SLIP_BANDS: ReadonlyArray<readonly [string, number, number]> = [
  ['1', 1, 1],
  ['2', 2, 2],
  ['3', 3, 3],
  ['4–7', 4, 7],
  ['8–14', 8, 14],
  ['15+', 15, Infinity],
];

/**
 * The view model of a review: its text translated with `t` (the extension's l10n bundle), each line behind a
 * number named by `paths[source]:line`.
 */
export function reviewView(r: Review, period: PeriodId, paths: readonly string[], t: Translate, locale: string): ReviewView {
  const weeks = r.total.trend.length;
  const lists: Array<{ title: string; items: ViewRef[] }> = [];
  const where = (x: ReviewRef) => `${paths[x.source]}:${x.line + 1}`;
  const refItem = (x: ReviewRef): ViewRef => {
    const m = x as Partial<ReviewMoveRef>;
    const extra = [
      m.from && m.to ? t('from {0} to {1}', m.from, m.to) : '',
      x.days !== undefined ? t('{0} d', x.days) : '',
      x.who ? (m.from ? t('agreed by {0}', x.who) : x.who) : '',
    ].filter(Boolean);
    return {
      label: `${x.date ?? ''} ${x.text}`.trim(),
      detail: `${x.client}${extra.length ? ` · ${extra.join(' · ')}` : ''} · ${where(x)}`,
      source: x.source,
      line: x.line,
    };
  };
  const list = (title: string, refs: readonly ReviewRef[]) => {
    lists.push({ title, items: refs.map(refItem) });
    return lists.length - 1;
  };
  const row = (f: Figures & { client?: string; lastTouch?: { date: string; days: number } }, total: boolean) => {
    const cells = reviewRow(f, t, locale);
    const name = cells.client.text;
    return {
      total,
      cells: REVIEW_COLUMNS.map((c) => {
        const cell = cells[c];
        return cell.refs && cell.refs.length > 0 ? { text: cell.text, list: list(`${name} · ${columnTitle(c, t, weeks)}`, cell.refs) } : { text: cell.text };
      }),
      trend: f.trend.map((w) => w.rate),
    };
  };
  const rows = [...r.clients.map((c) => row(c, false)), row(r.total, true)];
  const p = r.total.promises;
  const slipTitle = t('Slip of the promises kept late');
  const slipList = list(slipTitle, p.late);
  const withOverdue = r.clients.filter((c) => c.promises.overdue.length > 0);
  const overdueTitle = t('Open and overdue, by client');
  return {
    lang: locale,
    title: t('Weekly review {0} – {1}', r.since, r.until),
    subtitle: t(
      'Made on {0} ({1}). Promises due in the period; on time = kept on time / (kept on time + kept late + broken + open overdue).',
      r.today,
      r.timeZone,
    ),
    period,
    periods: PERIODS.map((id) => ({ id, label: periodLabel(id, t) })),
    columns: REVIEW_COLUMNS.map((c) => columnTitle(c, t, weeks)),
    rows,
    lists,
    trend: {
      title: t('On time, week by week ({0} weeks)', weeks),
      weeks: r.total.trend.map((w) => w.week),
      rates: r.total.trend.map((w) => w.rate),
      counts: r.total.trend.map((w) => (w.rate === null ? '–' : `${percent(w.rate, locale)} (${w.onTime}/${w.counted})`)),
    },
    slips: {
      title: slipTitle,
      labels: SLIP_BANDS.map(([l]) => l),
      values: SLIP_BANDS.map(([, lo, hi]) => p.late.filter((x) => (x.days ?? 0) >= lo && (x.days ?? 0) <= hi).length),
      list: slipList,
    },
    overdue: {
      title: overdueTitle,
      labels: withOverdue.map((c) => c.client || t('(no client)')),
      values: withOverdue.map((c) => c.promises.overdue.length),
      lists: withOverdue.map((c) => list(`${c.client} · ${t('Open and overdue')}`, c.promises.overdue)),
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
