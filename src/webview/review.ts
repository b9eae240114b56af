/// <reference lib="dom" />
/**
 * The Weekly Review webview: lays out what the extension sends (text already translated) and draws the
 * charts with uPlot. No network, no eval: the page's CSP allows this one script by nonce and the bundled
 * style sheet, nothing else. Every number with lines behind it is a button; the list it opens (asked of the
 * extension on the click) names each line, and a line opens its log there. The table lays out PAGE_ROWS clients
 * at first and more as the user asks (or scrolls to its end); the total row is always there.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './review.css';
import type { Review, ReviewRef } from '../core/review/figures';
import { CELL_PATHS, reviewMarkdown, rowFigures, type CountedFigures } from '../core/review/report';
import { PAGE_ROWS, listView, moreRowsLabel, readSummary, reviewView, translator, type ReviewListKey, type ReviewSummary, type ReviewView } from './view';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void };
const vscode = acquireVsCodeApi();

let view: ReviewView | undefined;
/** The list shown (kept across redraws: a live update shows the same cell's new lines). */
let openList: (ReviewListKey & { readonly title: string }) | undefined;
/** Client rows laid out; more as the user asks. */
let shownRows = PAGE_ROWS;
const charts: uPlot[] = [];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A theme colour (a VS Code CSS variable), with a fallback. */
function color(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function numberButton(text: string, list: (ReviewListKey & { readonly title: string }) | undefined, label: string): HTMLElement {
  if (list === undefined) return el('span', {}, text);
  const b = el('button', { class: 'num', type: 'button', 'data-row': String(list.row), 'data-column': list.column, 'aria-label': `${label}: ${text}` }, text);
  b.addEventListener('click', () => askList(list, b));
  return b;
}

function sparkline(rates: ReadonlyArray<number | null>, label: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const w = 96;
  const h = 20;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('spark');
  const x = (k: number) => 2 + (rates.length > 1 ? (k * (w - 4)) / (rates.length - 1) : (w - 4) / 2);
  const y = (r: number) => 2 + (1 - r) * (h - 4);
  let d = '';
  let pen = false;
  rates.forEach((r, k) => {
    if (r === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(k).toFixed(1)},${y(r).toFixed(1)}`;
    pen = true;
    const c = document.createElementNS(ns, 'circle');
    c.setAttribute('cx', x(k).toFixed(1));
    c.setAttribute('cy', y(r).toFixed(1));
    c.setAttribute('r', '1.5');
    svg.append(c);
  });
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  svg.prepend(path);
  return svg;
}

/** Where focus goes back when the list closes. */
let listFrom: HTMLElement | undefined;
/** Lists asked for: the answer shown is the last one asked. */
let asked = 0;

/** Asks the extension for the lines behind a number (they are not sent with the review: a thousand clients' would be megabytes). */
function askList(list: ReviewListKey & { readonly title: string }, from?: HTMLElement): void {
  if (!shown) return;
  openList = list;
  if (from) listFrom = from;
  vscode.postMessage({ type: 'list', seq: shown.seq, row: list.row, at: CELL_PATHS[list.column], ask: ++asked });
}

function showList(l: ReviewListKey & { readonly title: string }, refs: readonly ReviewRef[], where: readonly string[]): void {
  if (!view || !shown) return;
  const items = listView(refs, where, translator(shown.bundle));
  const panel = document.getElementById('list')!;
  panel.replaceChildren();
  panel.hidden = false;
  panel.dataset.row = String(l.row);
  panel.dataset.column = l.column;
  const close = el('button', { type: 'button', class: 'close' }, view.labels.close);
  close.addEventListener('click', () => {
    panel.hidden = true;
    openList = undefined;
    listFrom?.focus();
  });
  const heading = el('h2', { id: 'list-title', tabindex: '-1' }, `${l.title} (${items.length})`);
  const ul = el('ul', { 'aria-labelledby': 'list-title' });
  for (const item of items) {
    const b = el(
      'button',
      { type: 'button', class: 'ref', 'data-source': String(item.source), 'data-line': String(item.line) },
      el('span', { class: 'ref-label' }, item.label),
      el('span', { class: 'ref-detail' }, item.detail),
    );
    b.addEventListener('click', () => vscode.postMessage({ type: 'open', seq: shown?.seq, source: item.source, line: item.line }));
    ul.append(el('li', {}, b));
  }
  if (items.length === 0) ul.append(el('li', {}, view.labels.empty));
  panel.append(el('div', { class: 'list-head' }, heading, close), ul);
  heading.focus();
}

function barsChart(target: HTMLElement, labels: readonly string[], values: readonly number[], onPick: (k: number) => void): void {
  const fg = color('--vscode-foreground', '#ccc');
  const grid = color('--vscode-editorWidget-border', 'rgba(128,128,128,.3)');
  const bar = color('--vscode-charts-orange', '#d18616');
  const xs = labels.map((_, k) => k);
  const u = new uPlot(
    {
      width: Math.min(460, Math.max(320, 60 * labels.length + 60)),
      height: 180,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        {
          stroke: fg,
          grid: { show: false },
          ticks: { stroke: grid },
          values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? (labels[s] ?? '') : '')),
          splits: () => xs,
          size: 40,
        },
        {
          stroke: fg,
          grid: { stroke: grid },
          ticks: { stroke: grid },
          incrs: [1, 2, 5, 10, 20, 50, 100],
          values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? String(s) : '')),
        },
      ],
      series: [{}, { stroke: bar, fill: bar, width: 0, paths: uPlot.paths.bars!({ size: [0.6, 60] }), points: { show: false } }],
    },
    [xs, [...values]],
    target,
  );
  u.over.addEventListener('click', () => {
    const k = u.cursor.idx;
    if (k !== null && k !== undefined) onPick(k);
  });
  charts.push(u);
}

function trendChart(target: HTMLElement, v: ReviewView['trend']): void {
  const fg = color('--vscode-foreground', '#ccc');
  const grid = color('--vscode-editorWidget-border', 'rgba(128,128,128,.3)');
  const line = color('--vscode-charts-blue', '#3794ff');
  const xs = v.weeks.map((_, k) => k);
  const u = new uPlot(
    {
      width: Math.min(560, Math.max(300, target.clientWidth || 520)),
      height: 200,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        {
          stroke: fg,
          grid: { stroke: grid },
          ticks: { stroke: grid },
          splits: () => xs,
          values: (_u, splits) => splits.map((s) => (s % 2 === (xs.length - 1) % 2 ? (v.weeks[s]?.slice(5) ?? '') : '')),
        },
        {
          stroke: fg,
          grid: { stroke: grid },
          ticks: { stroke: grid },
          splits: () => [0, 0.25, 0.5, 0.75, 1],
          values: (_u, splits) => splits.map((s) => `${Math.round(s * 100)}%`),
          size: 48,
        },
      ],
      series: [{}, { stroke: line, width: 2, spanGaps: false, points: { show: true, size: 7, fill: line } }],
    },
    [xs, [...v.rates]],
    target,
  );
  charts.push(u);
}

/** One client's row (or the total's) of the table. */
function tableRow(v: ReviewView, r: ReviewView['rows'][number]): HTMLTableRowElement {
  const tr = el('tr', r.total ? { class: 'total' } : {});
  const last = v.columns.length - 1;
  r.cells.forEach((cell, k) => {
    if (k === 0) tr.append(el('th', { scope: 'row' }, cell.text));
    else if (k === last) tr.append(el('td', {}, sparkline(r.trend, `${r.cells[0].text}: ${v.columns[k]}`)));
    else tr.append(el('td', { class: k === last - 1 ? 'date' : 'n' }, numberButton(cell.text, cell.list, `${r.cells[0].text}, ${v.columns[k]}`)));
  });
  return tr;
}

/**
 * The client rows from `from` up to `shownRows` (the total row stays last), and the button for more while some
 * are not laid out yet: a thousand rows with their sparklines took the page longer to lay out than all else.
 */
function fillRows(v: ReviewView, body: HTMLTableSectionElement, from: number): void {
  const more = body.querySelector('tr.more');
  const upTo = Math.min(shownRows, v.rows.length - 1);
  const rows = document.createDocumentFragment();
  for (let k = from; k < upTo; k++) rows.append(tableRow(v, v.rows[k]));
  if (more) more.before(rows);
  else body.append(rows);
  more?.remove();
  if (upTo < v.clients) {
    const b = el('button', { type: 'button', class: 'more' }, moreRowsLabel(translator(shown?.bundle), upTo, v.clients));
    b.addEventListener('click', () => {
      shownRows = upTo + PAGE_ROWS;
      moreFrom = upTo;
      // The extension sends the figures of the rows the page does not have yet.
      if (shown && v.rows.length - 1 < Math.min(shownRows, v.clients))
        vscode.postMessage({ type: 'rows', seq: shown.seq, from: v.rows.length - 1, to: shownRows });
      else {
        addedRows(v, body);
        if (shown) vscode.postMessage({ type: 'view', seq: shown.seq, view: v, laidOut: Math.min(shownRows, v.rows.length - 1) });
      }
    });
    const tr = el('tr', { class: 'more' }, el('td', { colspan: String(v.columns.length) }, b));
    const total = body.querySelector('tr.total');
    if (total) total.before(tr);
    else body.append(tr);
  }
  if (!body.querySelector('tr.total')) body.append(tableRow(v, v.rows[v.rows.length - 1]));
}

/** The first row laid out by the last "more". */
let moreFrom: number | undefined;

/** Lays out the rows asked for with "more", the focus on the first of them. */
function addedRows(v: ReviewView, body: HTMLTableSectionElement): void {
  if (moreFrom === undefined) return;
  const from = moreFrom;
  moreFrom = undefined;
  fillRows(v, body, from);
  // Its first number, else its name (made focusable for this).
  const row = body.rows[from];
  const th = row?.querySelector('th');
  th?.setAttribute('tabindex', '-1');
  (row?.querySelector('button') ?? th)?.focus();
}

function render(): void {
  const app = document.getElementById('app')!;
  for (const c of charts.splice(0)) c.destroy();
  app.replaceChildren();
  if (!view) return;
  const v = view;
  document.documentElement.lang = v.lang;

  const periods = el('div', { class: 'periods', role: 'group', 'aria-label': v.labels.periodGroup });
  for (const p of v.periods) {
    const b = el('button', { type: 'button', 'data-period': p.id, 'aria-pressed': String(p.id === v.period) }, p.label);
    b.addEventListener('click', () => vscode.postMessage({ type: 'period', id: p.id }));
    periods.append(b);
  }
  const copy = el('button', { type: 'button', class: 'copy' }, v.labels.copy);
  // The whole review (every client, every line) comes from the extension for this, not with the summary.
  copy.addEventListener('click', () => shown && vscode.postMessage({ type: 'full', seq: shown.seq }));
  app.append(el('header', {}, el('h1', {}, v.title), el('p', { class: 'sub' }, v.subtitle), el('div', { class: 'toolbar' }, periods, copy)));

  const table = el('table', { 'aria-label': v.labels.table });
  const head = el('tr');
  for (const c of v.columns) head.append(el('th', { scope: 'col' }, c));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  fillRows(v, body, 0);
  table.append(body);
  app.append(el('div', { class: 'table' }, table));
  app.append(el('section', { id: 'list', class: 'list', hidden: '', 'aria-live': 'polite' }));

  const trend = el('div', {
    class: 'chart',
    id: 'trend',
    role: 'img',
    'aria-label': `${v.trend.title}: ${v.trend.weeks.map((w, k) => `${w} ${v.trend.counts[k]}`).join(', ')}`,
    'data-points': String(v.trend.rates.length),
  });
  const slips = el('div', {
    class: 'chart',
    id: 'slips',
    role: 'img',
    'aria-label': `${v.slips.title}: ${v.slips.labels.map((l, k) => `${l} ${v.slips.values[k]}`).join(', ')}`,
  });
  const overdue = el('div', {
    class: 'chart',
    id: 'overdue',
    role: 'img',
    'aria-label': `${v.overdue.title}: ${v.overdue.labels.map((l, k) => `${l} ${v.overdue.values[k]}`).join(', ')}`,
  });
  const slipButton = numberButton(v.slips.title, v.slips.list, v.slips.title);
  app.append(
    el(
      'div',
      { class: 'charts' },
      el('figure', {}, el('figcaption', {}, v.trend.title), trend),
      el('figure', {}, el('figcaption', {}, slipButton), slips),
      el('figure', {}, el('figcaption', {}, v.overdue.title), overdue),
    ),
  );
  trendChart(trend, v.trend);
  barsChart(slips, v.slips.labels, v.slips.values, () => askList(v.slips.list));
  if (v.overdue.labels.length > 0) barsChart(overdue, v.overdue.labels, v.overdue.values, (k) => askList(v.overdue.lists[k]));
  else overdue.append(el('p', {}, v.labels.empty));
  // A live update: the list that was open shows the same cell's lines again (if that row is still there).
  if (openList !== undefined && openList.row <= v.clients) askList(openList);
}

/** A review's summary, as the extension sends it. */
interface Shown extends ReviewSummary {
  readonly bundle: Record<string, string> | null;
  readonly locale: string;
  /** Echoed in `drawn`, `view`, `list` and `full`, so the extension knows which review they are about. */
  readonly seq: number;
}
let shown: Shown | undefined;

/** A review as the extension sends it: its summary as `reviewSummary` wrote it. */
interface ReviewMessage {
  readonly type: 'review';
  readonly summary: string;
  readonly bundle: Record<string, string> | null;
  readonly locale: string;
  readonly seq: number;
}

/** The lines behind a number, as asked. */
interface ListAnswer {
  readonly type: 'list';
  readonly seq: number;
  readonly ask: number;
  readonly refs: readonly ReviewRef[];
  readonly where: readonly string[];
}

/** More clients' rows. */
interface RowsAnswer {
  readonly type: 'rows';
  readonly seq: number;
  readonly from: number;
  /** Their figures, as `countedJson` wrote them. */
  readonly rows: string;
}

/** The whole review, for "Copy as Markdown". */
interface FullAnswer {
  readonly type: 'full';
  readonly seq: number;
  readonly review: Review;
  readonly paths: readonly string[];
}

window.addEventListener('message', (e: MessageEvent<ReviewMessage | ListAnswer | RowsAnswer | FullAnswer>) => {
  const m = e.data;
  if (m?.type === 'list') {
    // The answer to the last list asked for (of the review shown) only.
    if (shown && m.seq === shown.seq && m.ask === asked && openList) showList(openList, m.refs, m.where);
    return;
  }
  if (m?.type === 'rows') {
    // More clients' rows, as asked with "more".
    if (!shown || m.seq !== shown.seq || m.from !== shown.rows.length) return;
    shown = { ...shown, rows: [...shown.rows, ...(JSON.parse(m.rows) as CountedFigures[]).map(rowFigures)] };
    view = reviewView(shown, translator(shown.bundle), shown.locale);
    const body = document.querySelector<HTMLTableSectionElement>('#app tbody');
    if (body) addedRows(view, body);
    vscode.postMessage({ type: 'view', seq: shown.seq, view, laidOut: Math.min(shownRows, view.rows.length - 1) });
    return;
  }
  if (m?.type === 'full') {
    if (!shown || m.seq !== shown.seq) return;
    const { review: r, paths } = m;
    vscode.postMessage({ type: 'copy', text: reviewMarkdown(r, translator(shown.bundle), shown.locale, (x) => `${paths[x.source]}:${x.line + 1}`) });
    return;
  }
  if (m?.type !== 'review') return;
  const received = performance.now();
  shown = { ...readSummary(m.summary), bundle: m.bundle, locale: m.locale, seq: m.seq };
  view = reviewView(shown, translator(shown.bundle), shown.locale);
  render();
  // renderMs: laying it out here, for the editor benchmark's breakdown of the time to a drawn review. The view
  // itself follows in a message of its own (for the end-to-end suite, which reads what the page laid out).
  vscode.postMessage({ type: 'drawn', seq: shown.seq, renderMs: performance.now() - received });
  vscode.postMessage({ type: 'view', seq: shown.seq, view, laidOut: Math.min(shownRows, view.rows.length - 1) });
  moreFrom = undefined;
});
vscode.postMessage({ type: 'ready' });
