import * as vscode from 'vscode';
import { addDays, CELL_REFS, review, weekday, type Review, type ReviewListColumn } from '../core';
import type { Clock } from '../host/clock';
import type { ReviewInputs, ReviewLog } from '../host/reviewInputs';
import { userTimeZone } from '../host/settings';

import { PERIODS, reviewSummary, type PeriodId, type ReviewView } from '../webview/view';

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

/** The page's script nonce: 128 random bits (Web Crypto, in the Node and the web worker host alike). */
const nonce = () => crypto.randomUUID().replace(/-/g, '');

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
 * The page gets each row's figures (`reviewSummary`: no lines behind the numbers, a few hundred bytes a client);
 * a click on a number asks for its lines, "Copy as Markdown" for the whole review. Each line opens its log there.
 */
export class ReviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private period: PeriodId = 'thisWeek';
  private logs: ReviewLog[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * For the end-to-end suite and the editor benchmark: the last review shown, when the webview said it had drawn
   * it (ms after the command opened the panel, and on the extension host's performance clock, performance.timeOrigin +
   * performance.now()), and how many logs it read.
   */
  lastShown:
    | {
        review: Review;
        view?: ReviewView;
        /** How many client rows the page laid out (it lays out a page of them and more on request). */
        laidOut?: number;
        drawnMs?: number;
        drawnAt?: number;
        openedAt: number;
        logs: number;
        /** Which review this is: the page echoes it with `drawn` and `view`. */
        seq: number;
        /**
         * For the editor benchmark, ms after opening: the page said it was ready, every log's input was read, the
         * review was made, the message was handed over; and the page's time to lay it out.
         */
        marks: number[];
        renderMs?: number;
      }
    | undefined;
  private readonly drawnWaiters: Array<() => void> = [];
  /** Reviews sent to the page so far. */
  private sent = 0;

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
    // Start reading the logs' histories now, while the webview loads its page (the review is sent when the page
    // says it is ready; reading only then put the two one after the other).
    void this.inputs.logs().catch(() => undefined);
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
    panel.webview.onDidReceiveMessage(
      (m: {
        type?: string;
        id?: string;
        source?: number;
        line?: number;
        text?: string;
        view?: ReviewView;
        renderMs?: number;
        seq?: number;
        row?: number;
        column?: string;
        ask?: number;
        laidOut?: number;
      }) => {
        // Messages about a review (`seq`) count for the one shown only.
        const cur = this.lastShown?.seq === m.seq ? this.lastShown : undefined;
        if (m.type === 'ready') void this.update(openedAt);
        else if (m.type === 'period' && (PERIODS as readonly string[]).includes(m.id ?? '')) {
          this.period = m.id as PeriodId;
          void this.update();
        } else if (m.type === 'open' && typeof m.source === 'number' && typeof m.line === 'number') void this.open(m.source, m.line);
        else if (m.type === 'copy' && typeof m.text === 'string') void this.copy(m.text);
        else if (!cur) return;
        else if (m.type === 'list') void this.list(cur, m.row, m.column, m.ask);
        else if (m.type === 'full') void panel.webview.postMessage({ type: 'full', seq: cur.seq, review: cur.review, paths: this.logs.map((_, k) => this.path(k)) });
        else if (m.type === 'drawn') {
          cur.drawnMs = performance.now() - cur.openedAt;
          cur.drawnAt = performance.timeOrigin + performance.now();
          cur.renderMs = m.renderMs;
        } else if (m.type === 'view') {
          // What the page laid out, for the test hooks (it follows `drawn`).
          cur.view = m.view;
          cur.laidOut = m.laidOut;
          for (const w of this.drawnWaiters.splice(0)) w();
        }
      },
    );
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
    const marks = [performance.now() - openedAt];
    this.logs = await this.inputs.logs();
    marks.push(performance.now() - openedAt);
    const now = this.clock.now();
    const { since, until } = periodDates(this.period, this.clock.today());
    const r = review(
      this.logs.map((l) => l.input),
      { now, timeZone: userTimeZone(), since, until },
    );
    marks.push(performance.now() - openedAt);
    const seq = ++this.sent;
    this.lastShown = { review: r, openedAt, logs: this.logs.length, marks, seq };
    // The webview lays it out and translates it with the same l10n bundle (none for English).
    await panel.webview.postMessage({ type: 'review', ...reviewSummary(r, this.period), bundle: vscode.l10n.bundle ?? null, locale: vscode.env.language, seq });
    marks.push(performance.now() - openedAt);
  }

  /** The lines behind a number of the review shown (`row`: a client's, or the total's after the last client). */
  private async list(cur: { review: Review; seq: number }, row: unknown, column: unknown, ask: unknown): Promise<void> {
    const r = cur.review;
    const f = typeof row === 'number' ? (r.clients[row] ?? (row === r.clients.length ? r.total : undefined)) : undefined;
    const refs = f && Object.hasOwn(CELL_REFS, String(column)) ? CELL_REFS[column as ReviewListColumn](f) : undefined;
    if (!refs) return;
    const where = refs.map((x) => `${this.path(x.source)}:${x.line + 1}`);
    await this.panel?.webview.postMessage({ type: 'list', seq: cur.seq, row, column, ask, refs, where });
  }

  private path(source: number): string {
    const log = this.logs[source];
    return log ? vscode.workspace.asRelativePath(log.uri) : '';
  }

  private async open(source: number, line: number): Promise<void> {
    const log = this.logs[source];
    if (!log) return;
    const at = new vscode.Range(line, 0, line, 0);
    await vscode.window.showTextDocument(log.uri, { selection: at, viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  /** The Markdown the webview made of what it shows (reviewMarkdown), to the clipboard. */
  private async copy(md: string): Promise<void> {
    await vscode.env.clipboard.writeText(md);
    void vscode.window.showInformationMessage(vscode.l10n.t('The weekly review is on the clipboard as Markdown.'));
  }

  /** Test hook: act as the webview would (pick a period, open a ref). */
  async act(m: { type: string; id?: string; source?: number; line?: number }): Promise<void> {
    if (m.type === 'period' && (PERIODS as readonly string[]).includes(m.id ?? '')) {
      this.period = m.id as PeriodId;
      const drawn = new Promise<void>((resolve) => {
        this.drawnWaiters.push(resolve);
        setTimeout(resolve, 10_000);
      });
      await this.update();
      await drawn;
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
