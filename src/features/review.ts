import * as vscode from 'vscode';
import {
  addDays,
  columnTitle,
  percent,
  review,
  reviewMarkdown,
  reviewRow,
  weekday,
  REVIEW_COLUMNS,
  type Figures,
  type Review,
  type ReviewMoveRef,
  type ReviewRef,
} from '../core';
import type { Clock } from '../host/clock';
import type { ReviewInputs, ReviewLog } from '../host/reviewInputs';
import { userTimeZone } from '../host/settings';

/** The period buttons. */
export const PERIODS = ['thisWeek', 'lastWeek', 'days30', 'days90'] as const;
export type PeriodId = (typeof PERIODS)[number];

/** The dates a period button stands for, on `today`. */
export function periodDates(id: PeriodId, today: string): { since: string; until: string } {
  const monday = addDays(today, -weekday(today));
  switch (id) {
    case 'thisWeek':
      return { since: monday, until: today };
    case 'lastWeek':
      return { since: addDays(monday, -7), until: addDays(monday, -1) };
    case 'days30':
      return { since: addDays(today, -29), until: today };
    case 'days90':
      return { since: addDays(today, -89), until: today };
  }
}

function periodLabel(id: PeriodId): string {
  switch (id) {
    case 'thisWeek':
      return vscode.l10n.t('This week');
    case 'lastWeek':
      return vscode.l10n.t('Last week');
    case 'days30':
      return vscode.l10n.t('30 days');
    case 'days90':
      return vscode.l10n.t('90 days');
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
  readonly rows: ReadonlyArray<{ readonly total: boolean; readonly cells: ReadonlyArray<{ readonly text: string; readonly list?: number }>; readonly trend: ReadonlyArray<number | null> }>;
  /** The lists behind the numbers: a title and its lines. */
  readonly lists: ReadonlyArray<{ readonly title: string; readonly items: readonly ViewRef[] }>;
  readonly trend: { readonly title: string; readonly weeks: readonly string[]; readonly rates: ReadonlyArray<number | null>; readonly counts: readonly string[] };
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

/** The view model of a review (pure but for vscode.l10n). */
export function reviewView(r: Review, period: PeriodId, logs: readonly ReviewLog[]): ReviewView {
  const t = vscode.l10n.t;
  const locale = vscode.env.language;
  const weeks = r.total.trend.length;
  const lists: Array<{ title: string; items: ViewRef[] }> = [];
  const where = (x: ReviewRef) => `${vscode.workspace.asRelativePath(logs[x.source].uri)}:${x.line + 1}`;
  const refItem = (x: ReviewRef): ViewRef => {
    const m = x as Partial<ReviewMoveRef>;
    const extra = [
      m.from && m.to ? t('from {0} to {1}', m.from, m.to) : '',
      x.days !== undefined ? t('{0} d', x.days) : '',
      x.who ? (m.from ? t('agreed by {0}', x.who) : x.who) : '',
    ].filter(Boolean);
    return { label: `${x.date ?? ''} ${x.text}`.trim(), detail: `${x.client}${extra.length ? ` · ${extra.join(' · ')}` : ''} · ${where(x)}`, source: x.source, line: x.line };
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
    subtitle: t('Made on {0} ({1}). Promises due in the period; on time = kept on time / (kept on time + kept late + broken + open overdue).', r.today, r.timeZone),
    period,
    periods: PERIODS.map((id) => ({ id, label: periodLabel(id) })),
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

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

/** The webview page: strict CSP (nothing remote, the one script by nonce), the bundled script and style. */
function html(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'review.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'review.css'));
  const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${n}';`;
  return `<!DOCTYPE html>
<html lang="${lang.replace(/[^A-Za-z-]/g, '')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}

/**
 * "Clientlog: Weekly Review": one panel with the review of every log in the workspace, redrawn as logs change.
 * Numbers list the lines behind them; each opens its log at the line.
 */
export class ReviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private period: PeriodId = 'thisWeek';
  private logs: ReviewLog[] = [];
  private last: Review | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** For the end-to-end suite: the last review shown, and when the webview said it had drawn it. */
  lastShown: { review: Review; view: ReviewView; drawnMs?: number; openedAt: number } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly inputs: ReviewInputs,
    private readonly clock: Clock,
  ) {
    this.disposables.push(inputs.onDidChange(() => this.schedule()));
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const openedAt = performance.now();
    const panel = vscode.window.createWebviewPanel('clientlog.review', vscode.l10n.t('Weekly Review'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'file-icon.svg');
    panel.webview.html = html(panel.webview, this.extensionUri, vscode.env.language);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.lastShown = undefined;
    });
    panel.webview.onDidReceiveMessage((m: { type?: string; id?: string; source?: number; line?: number; ms?: number }) => {
      if (m.type === 'ready') void this.update(openedAt);
      else if (m.type === 'period' && (PERIODS as readonly string[]).includes(m.id ?? '')) {
        this.period = m.id as PeriodId;
        void this.update();
      } else if (m.type === 'open' && typeof m.source === 'number' && typeof m.line === 'number') void this.open(m.source, m.line);
      else if (m.type === 'copy') void this.copy();
      else if (m.type === 'drawn' && this.lastShown) this.lastShown.drawnMs = performance.now() - this.lastShown.openedAt;
    });
  }

  private schedule(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, 250);
  }

  /** Recomputes the review and sends it to the webview. */
  async update(openedAt = performance.now()): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    this.logs = await this.inputs.logs();
    const now = this.clock.now();
    const { since, until } = periodDates(this.period, this.clock.today());
    const r = review(
      this.logs.map((l) => l.input),
      { now, timeZone: userTimeZone(), since, until },
    );
    this.last = r;
    const view = reviewView(r, this.period, this.logs);
    this.lastShown = { review: r, view, openedAt };
    await panel.webview.postMessage({ type: 'view', view, empty: this.logs.length === 0 });
  }

  private async open(source: number, line: number): Promise<void> {
    const log = this.logs[source];
    if (!log) return;
    const at = new vscode.Range(line, 0, line, 0);
    await vscode.window.showTextDocument(log.uri, { selection: at, viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  private async copy(): Promise<void> {
    if (!this.last) return;
    const logs = this.logs;
    const md = reviewMarkdown(this.last, vscode.l10n.t, vscode.env.language, (x) => `${vscode.workspace.asRelativePath(logs[x.source].uri)}:${x.line + 1}`);
    await vscode.env.clipboard.writeText(md);
    void vscode.window.showInformationMessage(vscode.l10n.t('The weekly review is on the clipboard as Markdown.'));
  }

  /** Test hook: act as the webview would (pick a period, open a ref). */
  async act(m: { type: string; id?: string; source?: number; line?: number }): Promise<void> {
    if (m.type === 'period' && (PERIODS as readonly string[]).includes(m.id ?? '')) {
      this.period = m.id as PeriodId;
      await this.update();
    } else if (m.type === 'open' && m.source !== undefined && m.line !== undefined) await this.open(m.source, m.line);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerReview(panel: ReviewPanel): vscode.Disposable {
  return vscode.Disposable.from(
    panel,
    vscode.commands.registerCommand('clientlog.review', () => panel.show()),
  );
}
