import * as vscode from 'vscode';
import { addDays, countedJson, frameStart, review, reviewFrame, weekday, type Review, type ReviewRef } from '../core';
import type { Clock } from '../host/clock';
import type { ReviewInputs, ReviewLog } from '../host/reviewInputs';
import { userTimeZone } from '../host/settings';

import { PAGE_ROWS, PERIODS, reviewSummary, type PeriodId, type ReviewView } from '../webview/view';

/** The dates a period button stands for, on `today`. */
export function periodDates(id: PeriodId, today: string): { since: string; until: string } {
  const monday = addDays(today, -weekday(today));
  const [since, until] =
    id === 'thisWeek' ? [monday, today] : id === 'lastWeek' ? [addDays(monday, -7), addDays(monday, -1)] : [addDays(today, id === 'days30' ? -29 : -89), today];
  return { since, until };
}

/** The page's script nonce: 144 random bits in base64 (Web Crypto: the Node and the web worker host have it). */
const nonce = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));

/**
 * The webview page: strict CSP (nothing remote, the one script by nonce), the bundled script and style (the script
 * sets the page's language with the first review).
 */
function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'review.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'review.css'));
  const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; script-src 'nonce-${n}';`;
  // One line: each newline is a byte of the bundle.
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><link rel="stylesheet" href="${style}"></head><body><main id="app" aria-live="polite"></main><script nonce="${n}" src="${script}"></script></body></html>`;
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
  /** Reviews sent to the page so far. */
  private sent = 0;
  /** Client rows sent with a review: a page of them, more once the page asked for more. */
  private rows = PAGE_ROWS;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly inputs: ReviewInputs,
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
    // Read the logs' histories and make the review now, while the webview loads its page (it is sent when the
    // page says it is ready; doing it only then put the two one after the other).
    const made = this.make(openedAt);
    made.catch(() => undefined);
    const panel = vscode.window.createWebviewPanel('clientlog.review', vscode.l10n.t('Weekly Review'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')],
    });
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'file-icon.svg');
    panel.webview.html = html(panel.webview, this.extensionUri);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.lastShown = undefined;
      this.rows = PAGE_ROWS;
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
        at?: unknown;
        ask?: number;
        laidOut?: number;
        from?: number;
        to?: number;
      }) => {
        // Messages about a review (`seq`) count for the one shown only.
        const cur = this.lastShown?.seq === m.seq ? this.lastShown : undefined;
        if (m.type === 'ready') void this.update(openedAt, made);
        else if (m.type === 'period' && (PERIODS as readonly string[]).includes(m.id ?? '')) {
          this.period = m.id as PeriodId;
          void this.update();
        } else if (m.type === 'open' && typeof m.source === 'number' && typeof m.line === 'number') void this.open(m.source, m.line);
        else if (m.type === 'copy' && typeof m.text === 'string') void this.copy(m.text);
        else if (!cur) return;
        else if (m.type === 'list') void this.list(cur, m.row, m.at, m.ask);
        else if (m.type === 'rows' && typeof m.to === 'number') {
          // More client rows for the page to lay out; later reviews (live updates) send as many at once.
          this.rows = m.to;
          void panel.webview.postMessage({ type: 'rows', seq: cur.seq, from: m.from, rows: countedJson(cur.review.clients.slice(m.from, m.to)) });
        } else if (m.type === 'full')
          void panel.webview.postMessage({
            type: 'full',
            seq: cur.seq,
            review: cur.review,
            paths: this.logs.map((l) => vscode.workspace.asRelativePath(l.uri)),
          });
        else if (m.type === 'drawn') {
          const t = performance.now();
          cur.drawnMs = t - cur.openedAt;
          cur.drawnAt = performance.timeOrigin + t;
          cur.renderMs = m.renderMs;
        } else if (m.type === 'view') {
          // What the page laid out, for the test hooks (it follows `drawn`).
          cur.view = m.view;
          cur.laidOut = m.laidOut;
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

  /** Reads every log's input and makes the review of the period; when each was done, in ms after `openedAt`. */
  private async make(openedAt: number): Promise<{ logs: ReviewLog[]; review: Review; marks: number[] }> {
    const { since, until } = periodDates(this.period, this.clock.today());
    const options = { now: this.clock.now(), timeZone: userTimeZone(), since, until };
    // Each log's history from the frame's first day (its period's or its trend's) on.
    const logs = await this.inputs.logs(frameStart(reviewFrame(options)));
    const read = performance.now() - openedAt;
    const r = review(
      logs.map((l) => l.input),
      options,
    );
    return { logs, review: r, marks: [read, performance.now() - openedAt] };
  }

  /** Sends the webview the review (`made`, or one made now): the first rows' figures, the total's, the charts'. */
  async update(openedAt = performance.now(), made = this.make(openedAt)): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const ready = performance.now() - openedAt;
    const { logs, review: r, marks: done } = await made;
    if (panel !== this.panel) return;
    this.logs = logs;
    const marks = [ready, ...done];
    const seq = ++this.sent;
    this.lastShown = { review: r, openedAt, logs: logs.length, marks, seq };
    // The webview lays it out and translates it with the same l10n bundle (none for English).
    await panel.webview.postMessage({
      type: 'review',
      summary: reviewSummary(r, this.period, this.rows),
      bundle: vscode.l10n.bundle ?? null,
      locale: vscode.env.language,
      seq,
    });
    marks.push(performance.now() - openedAt);
  }

  /**
   * The lines behind a number of the review shown: `row` a client's index (the total's after the last client's),
   * `at` their place in its figures (`CELL_PATHS`).
   */
  private async list(cur: { review: Review; seq: number }, row: unknown, at: unknown, ask: unknown): Promise<void> {
    const r = cur.review;
    // Anything but a row's index and a place of lines in its figures finds none.
    const f = (row === r.clients.length ? r.total : r.clients[row as number]) as unknown as Record<string, Record<string, unknown> | undefined> | undefined;
    const refs = Array.isArray(at) ? f?.[at[0]]?.[at[1]] : undefined;
    if (!Array.isArray(refs)) return;
    const where = (refs as ReviewRef[]).map((x) => `${vscode.workspace.asRelativePath(this.logs[x.source].uri)}:${x.line + 1}`);
    await this.panel?.webview.postMessage({ type: 'list', seq: cur.seq, row, ask, refs, where });
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
