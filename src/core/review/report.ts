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
  return trend.map((w) => (w.rate === null ? '·' : BLOCKS[Math.min(7, Math.round(w.rate * 7))])).join('');
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

/** A table cell: its text, and the promises (or other lines) behind it, for a click. */
export interface ReviewCell {
  readonly text: string;
  readonly refs?: readonly ReviewRef[];
}

/** The cells of one row (a client, or the total when `client` is undefined). */
export function reviewRow(
  f: Figures & { client?: string; lastTouch?: { date: string; days: number } },
  t: Translate,
  locale: string,
): Record<ReviewColumn, ReviewCell> {
  const p = f.promises;
  const counted = p.onTime.length + p.late.length + p.broken.length + p.overdue.length;
  const slip = p.slipMedian === null ? '' : ` (${t('median {0} d, worst {1} d', fmt(p.slipMedian), p.slipWorst ?? 0)})`;
  return {
    client: { text: f.client === undefined ? t('All clients') : f.client || t('(no client)') },
    onTime: { text: counted ? `${percent(p.onTimeRate, locale)} (${p.onTime.length}/${counted})` : '–', refs: p.onTime },
    firstDate: { text: counted ? `${percent(p.firstDateRate, locale)} (${p.firstDate.length}/${counted})` : '–', refs: p.firstDate },
    late: { text: `${p.late.length}${slip}`, refs: p.late },
    broken: { text: String(p.broken.length), refs: p.broken },
    dropped: { text: String(p.dropped.length), refs: p.dropped },
    overdue: { text: String(p.overdue.length), refs: p.overdue },
    waiting: { text: String(f.waiting.open.length), refs: f.waiting.open },
    scope: { text: String(f.scope.unconfirmed.length), refs: f.scope.unconfirmed },
    lastTouch: { text: f.lastTouch ? t('{0} ({1} d ago)', f.lastTouch.date, f.lastTouch.days) : f.client === undefined ? '' : '–' },
    trend: { text: sparkline(f.trend) },
  };
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
