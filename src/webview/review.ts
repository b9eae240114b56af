/// <reference lib="dom" />
/**
 * The Weekly Review webview: lays out what the extension sends (text already translated) and draws the
 * charts with uPlot. No network, no eval: the page's CSP allows this one script by nonce and the bundled
 * style sheet, nothing else. Every number with lines behind it is a button; the list it opens names each
 * line, and a line opens its log there.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './review.css';
import type { Review } from '../core/review/figures';
import { reviewMarkdown } from '../core/review/report';
import { reviewView, translator, type PeriodId, type ReviewView } from './view';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void };
const vscode = acquireVsCodeApi();

let view: ReviewView | undefined;
let openList: number | undefined;
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

function numberButton(text: string, list: number | undefined, label: string): HTMLElement {
  if (list === undefined) return el('span', {}, text);
  const b = el('button', { class: 'num', type: 'button', 'data-list': String(list), 'aria-label': `${label}: ${text}` }, text);
  b.addEventListener('click', () => showList(list, b));
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

function showList(k: number, from?: HTMLElement): void {
  if (!view) return;
  openList = k;
  const l = view.lists[k];
  const panel = document.getElementById('list')!;
  panel.replaceChildren();
  panel.hidden = false;
  const close = el('button', { type: 'button', class: 'close' }, view.labels.close);
  close.addEventListener('click', () => {
    panel.hidden = true;
    openList = undefined;
    from?.focus();
  });
  const heading = el('h2', { id: 'list-title', tabindex: '-1' }, `${l.title} (${l.items.length})`);
  const ul = el('ul', { 'aria-labelledby': 'list-title' });
  for (const item of l.items) {
    const b = el(
      'button',
      { type: 'button', class: 'ref', 'data-source': String(item.source), 'data-line': String(item.line) },
      el('span', { class: 'ref-label' }, item.label),
      el('span', { class: 'ref-detail' }, item.detail),
    );
    b.addEventListener('click', () => vscode.postMessage({ type: 'open', source: item.source, line: item.line }));
    ul.append(el('li', {}, b));
  }
  if (l.items.length === 0) ul.append(el('li', {}, view.labels.empty));
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
  copy.addEventListener('click', () => {
    if (!shown) return;
    const { review: r, paths, bundle, locale } = shown;
    vscode.postMessage({ type: 'copy', text: reviewMarkdown(r, translator(bundle), locale, (x) => `${paths[x.source]}:${x.line + 1}`) });
  });
  app.append(el('header', {}, el('h1', {}, v.title), el('p', { class: 'sub' }, v.subtitle), el('div', { class: 'toolbar' }, periods, copy)));

  const table = el('table', { 'aria-label': v.labels.table });
  const head = el('tr');
  for (const c of v.columns) head.append(el('th', { scope: 'col' }, c));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const last = v.columns.length - 1;
  for (const r of v.rows) {
    const tr = el('tr', r.total ? { class: 'total' } : {});
    r.cells.forEach((cell, k) => {
      if (k === 0) tr.append(el('th', { scope: 'row' }, cell.text));
      else if (k === last) tr.append(el('td', {}, sparkline(r.trend, `${r.cells[0].text}: ${v.columns[k]}`)));
      else tr.append(el('td', { class: k === last - 1 ? 'date' : 'n' }, numberButton(cell.text, cell.list, `${r.cells[0].text}, ${v.columns[k]}`)));
    });
    body.append(tr);
  }
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
  barsChart(slips, v.slips.labels, v.slips.values, () => showList(v.slips.list));
  if (v.overdue.labels.length > 0) barsChart(overdue, v.overdue.labels, v.overdue.values, (k) => showList(v.overdue.lists[k]));
  else overdue.append(el('p', {}, v.labels.empty));
  if (openList !== undefined && openList < v.lists.length) showList(openList);
}

interface Shown {
  readonly type: 'review';
  readonly review: Review;
  readonly period: PeriodId;
  readonly paths: readonly string[];
  readonly bundle: Record<string, string> | null;
  readonly locale: string;
  /** Echoed in `drawn` and `view`, so the extension knows which review they are about. */
  readonly seq: number;
}
let shown: Shown | undefined;

window.addEventListener('message', (e: MessageEvent<Shown>) => {
  if (e.data?.type !== 'review') return;
  const received = performance.now();
  shown = e.data;
  view = reviewView(shown.review, shown.period, shown.paths, translator(shown.bundle), shown.locale);
  render();
  // renderMs: laying it out here, for the editor benchmark's breakdown of the time to a drawn review. The view
  // itself follows in a message of its own (for the end-to-end suite, which reads what the page laid out): with
  // 1,000 clients it is megabytes, whose copy would hold up the news that the review is on screen.
  vscode.postMessage({ type: 'drawn', seq: shown.seq, renderMs: performance.now() - received });
  vscode.postMessage({ type: 'view', seq: shown.seq, view });
});
vscode.postMessage({ type: 'ready' });
