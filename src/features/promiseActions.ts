import * as vscode from 'vscode';
import {
  addDays,
  fixNearMiss,
  markDropped,
  markKept,
  markReceived,
  markScope,
  parseDateTime,
  reschedule,
  skipOccurrence,
  trackedAt,
  type EditResult,
  type LineSource,
  type Tracked,
  type TrackedKind,
} from '../core';
import type { Clock } from '../host/clock';
import type { Findings } from './diagnostics';
import { applyResult, failureMessage, lineSource } from '../host/edit';
import { SELECTOR } from '../host/editorModel';
import type { ItemNode, TreeViews } from './promiseTree';
import { relative } from './promiseTree';
import { isUserLog, type WorkspaceIndex } from '../host/workspaceIndex';

/** What a command acts on: a line of a file, with the item as the caller saw it. */
export interface Target {
  readonly uri: vscode.Uri;
  readonly line: number;
  /** As the caller saw it; the command refuses when the line no longer matches. */
  readonly seen?: Pick<Tracked, 'kind' | 'date' | 'text'>;
}

/** Which open items a command acts on (a pick lists only them), and what to say when there is none. */
interface Only {
  readonly test: (item: Tracked) => boolean;
  readonly none: string;
}

/** The argument code actions and code lenses pass to commands (plain JSON). */
export interface TargetArg {
  readonly uri: string;
  readonly line: number;
  readonly kind: TrackedKind;
  readonly date?: string;
  readonly text: string;
}

export function targetArg(uri: vscode.Uri, item: Tracked): TargetArg {
  return { uri: uri.toString(), line: item.line, kind: item.kind, date: item.date, text: item.text };
}

function fromArg(arg: unknown): Target | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as Partial<ItemNode>;
  if (node.type === 'item' && node.item && node.uri instanceof vscode.Uri) return { uri: node.uri, line: node.item.line, seen: node.item };
  const a = arg as Partial<TargetArg>;
  if (typeof a.uri === 'string' && typeof a.line === 'number' && typeof a.kind === 'string') {
    return { uri: vscode.Uri.parse(a.uri), line: a.line, seen: { kind: a.kind, date: a.date, text: a.text ?? '' } };
  }
  return undefined;
}

/** Reads the current item on the target's line, refusing when it is not what the caller saw. */
function current(src: LineSource, t: Target, kind: TrackedKind): { item: Tracked; lineText: string } | EditResult {
  const item = trackedAt(src, t.line);
  if (!item || item.kind !== kind) return { ok: false, reason: t.seen ? 'changed' : 'notFound' };
  if (t.seen && (item.date !== t.seen.date || item.text !== t.seen.text)) return { ok: false, reason: 'changed' };
  if (item.state !== 'open') return { ok: false, reason: 'closed' };
  return { item, lineText: src.lineAt(t.line) };
}

export class PromiseActions {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly clock: Clock,
    private readonly views: TreeViews,
  ) {}

  /** The target from a command argument, the cursor line, or a pick among the open items. */
  async resolve(arg: unknown, kind: TrackedKind, only?: Only): Promise<Target | undefined> {
    const direct = fromArg(arg);
    if (direct) return direct;
    const editor = vscode.window.activeTextEditor;
    // Only the user's own logs: never the HEAD side of Open Changes or another read-only view.
    if (editor && isUserLog(editor.document)) {
      const line = editor.selection.active.line;
      const item = trackedAt(lineSource(editor.document), line);
      if (item && item.kind === kind && item.state === 'open' && (!only || only.test(item))) return { uri: editor.document.uri, line, seen: item };
    }
    const provider = kind === 'promise' ? this.views.promises : this.views.waiting;
    const nodes = provider.allItems().filter((n) => n.item.kind === kind && (!only || only.test(n.item)));
    if (nodes.length === 0) {
      void vscode.window.showInformationMessage(
        only
          ? only.none
          : kind === 'promise'
            ? vscode.l10n.t('There are no open promises.')
            : kind === 'waiting'
              ? vscode.l10n.t('Nothing is awaited from clients.')
              : vscode.l10n.t('No scope change awaits confirmation.'),
      );
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      nodes.map((n) => ({ label: n.item.text, description: `${n.client} · ${relative(n)}`, node: n })),
      { placeHolder: vscode.l10n.t('Which one?'), matchOnDescription: true },
    );
    return pick ? { uri: pick.node.uri, line: pick.node.item.line, seen: pick.node.item } : undefined;
  }

  /**
   * Runs an edit on the target's line: checks the line is still the item the caller saw, lets `ask`
   * gather answers (undefined cancels, leaving the file untouched), then checks again and applies.
   */
  async edit<A>(
    t: Target,
    kind: TrackedKind,
    ask: (item: Tracked, doc: vscode.TextDocument) => Promise<A | undefined>,
    build: (src: LineSource, line: number, answers: A, lineText: string) => EditResult,
  ): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(t.uri);
    const before = current(lineSource(doc), t, kind);
    if ('ok' in before) return applyResult(doc, before);
    const answers = await ask(before.item, doc);
    if (answers === undefined) return false;
    // The user may have typed while answering: the line must still be the same.
    const src = lineSource(doc);
    if (t.line >= doc.lineCount || src.lineAt(t.line) !== before.lineText) {
      void vscode.window.showWarningMessage(failureMessage('changed'));
      return false;
    }
    const version = doc.version;
    const ok = await applyResult(doc, build(src, t.line, answers, before.lineText), version);
    if (ok) {
      this.index.refreshDocument(doc);
      if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) {
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(t.line, 0, t.line, 0), preview: true });
      }
    }
    return ok;
  }

  /**
   * The frame every command shares: resolve the target, read today in the target log's zone, then `edit`
   * with `ask` and `build` given that day.
   */
  private async act<A>(
    arg: unknown,
    kind: TrackedKind,
    ask: (item: Tracked, doc: vscode.TextDocument, today: string) => Promise<A | undefined>,
    build: (src: LineSource, line: number, answers: A, lineText: string, today: string) => EditResult,
    only?: Only,
  ): Promise<boolean> {
    const t = await this.resolve(arg, kind, only);
    if (!t) return false;
    const today = this.clock.todayFor(this.index.get(t.uri)?.log);
    return this.edit(
      t,
      kind,
      (item, doc) => ask(item, doc, today),
      (src, line, a, lineText) => build(src, line, a, lineText, today),
    );
  }

  markKept(arg?: unknown): Promise<boolean> {
    return this.act(
      arg,
      'promise',
      async () => true,
      (src, line, _a, lineText, today) => markKept(src, line, today, { lineText }),
    );
  }

  reschedule(arg?: unknown, kind: TrackedKind = 'promise'): Promise<boolean> {
    return this.act(
      arg,
      kind,
      async (item, doc, today) => {
        const base = item.date && item.date > today ? item.date : today;
        const value = await vscode.window.showInputBox({
          title: kind === 'promise' ? vscode.l10n.t('Reschedule: {0}', item.text) : vscode.l10n.t('New follow-up date: {0}', item.text),
          prompt: vscode.l10n.t('New date as YYYY-MM-DD, optionally with a time (YYYY-MM-DD HH:MM). The old date is kept in the line.'),
          value: addDays(base, 7),
          validateInput: (v) =>
            parseDue(v, item) ? undefined : vscode.l10n.t('Write a new date as YYYY-MM-DD (and optionally HH:MM), different from the current one'),
          ignoreFocusOut: true,
        });
        if (value === undefined) return undefined;
        const due = parseDue(value, item)!;
        let by: string | undefined = '';
        if (kind === 'promise') {
          by = await askWho(doc, this.index, vscode.l10n.t('Who agreed to the new date?'));
          if (by === undefined) return undefined;
        }
        return { ...due, by };
      },
      (src, line, a, lineText, today) => reschedule(src, line, { newDate: a.date, newTime: a.time, agreedBy: a.by || undefined, today }, { lineText }, kind),
    );
  }

  drop(arg?: unknown): Promise<boolean> {
    return this.act(
      arg,
      'promise',
      async (item) =>
        vscode.window.showInputBox({
          title: vscode.l10n.t('Drop: {0}', item.text),
          prompt: vscode.l10n.t('Why is it dropped? (for example: agreed with the client that it is no longer needed)'),
          ignoreFocusOut: true,
        }),
      (src, line, why, lineText, today) => markDropped(src, line, today, why, { lineText }),
    );
  }

  /** Skip this one: drops a recurring promise's occurrence with a reason, and writes the next (one edit). */
  skip(arg?: unknown): Promise<boolean> {
    return this.act(
      arg,
      'promise',
      async (item) =>
        vscode.window.showInputBox({
          title: vscode.l10n.t('Skip this one: {0}', item.text),
          prompt: vscode.l10n.t('Why is this one skipped? (for example: the client is on holiday this week) The next one is added below.'),
          ignoreFocusOut: true,
        }),
      (src, line, why, lineText, today) => skipOccurrence(src, line, today, why, { lineText }),
      { test: (item) => item.recur !== undefined, none: vscode.l10n.t('There are no open recurring promises.') },
    );
  }

  markReceived(arg?: unknown): Promise<boolean> {
    return this.act(
      arg,
      'waiting',
      async () => true,
      (src, line, _a, lineText, today) => markReceived(src, line, today, { lineText }),
    );
  }

  decideScope(arg: unknown, verdict: 'confirmed' | 'declined'): Promise<boolean> {
    return this.act(
      arg,
      'scope',
      (_item, doc) => askWho(doc, this.index, verdict === 'confirmed' ? vscode.l10n.t('Who confirmed the change?') : vscode.l10n.t('Who declined the change?')),
      (src, line, by, lineText, today) => markScope(src, line, verdict, today, by || undefined, { lineText }),
    );
  }
}

/** A new date (and time) typed for an item: a real one, different from its current date and time. */
function parseDue(v: string, item: Tracked): { date: string; time?: string } | undefined {
  const due = parseDateTime(v);
  if (!due || (due.date === item.date && due.time === item.time)) return undefined;
  return due;
}

/** Picks a contact of the client (or a typed name); '' for nobody named, undefined when cancelled. */
async function askWho(doc: vscode.TextDocument, index: WorkspaceIndex, title: string): Promise<string | undefined> {
  const log = index.refreshDocument(doc)?.log ?? index.get(doc.uri)?.log;
  const contacts = log?.frontMatter?.contacts ?? [];
  type P = vscode.QuickPickItem & { value?: string; other?: boolean };
  const picks: P[] = [
    ...contacts.map((c) => ({
      label: c.name,
      description: [c.handle ? `@${c.handle}` : '', c.role ?? ''].filter(Boolean).join(' · '),
      value: c.handle ? `@${c.handle}` : c.name,
    })),
    { label: `$(edit) ${vscode.l10n.t('Someone else…')}`, other: true },
    { label: `$(circle-slash) ${vscode.l10n.t('Not agreed yet')}`, description: vscode.l10n.t('tell the client and record who agrees later'), value: '' },
  ];
  const pick = await vscode.window.showQuickPick(picks, { title, placeHolder: title, ignoreFocusOut: true });
  if (!pick) return undefined;
  if (pick.other) {
    const name = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Name or @handle'), ignoreFocusOut: true });
    return name === undefined ? undefined : name.trim();
  }
  return pick.value ?? '';
}

/** Quick fixes on the lines behind diagnostics, and on any open PROMISE/WAITING/SCOPE line. */
class ActionsProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly findings: Findings) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    if (!isUserLog(doc)) return out;
    const src = lineSource(doc);
    const seen = new Set<number>();
    const lines = new Set<number>([range.start.line, ...context.diagnostics.map((d) => d.range.start.line)]);
    for (const line of lines) {
      if (seen.has(line)) continue;
      seen.add(line);
      const item = trackedAt(src, line);
      if (!item || item.state !== 'open') continue;
      const arg = targetArg(doc.uri, item);
      const diags = context.diagnostics.filter((d) => d.range.start.line === line && d.source === 'Clientlog');
      const cmd = (title: string, command: string, preferred = false, args: unknown[] = [arg]) => {
        const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        a.command = { title, command, arguments: args };
        a.diagnostics = diags;
        a.isPreferred = preferred;
        out.push(a);
      };
      if (item.kind === 'promise') {
        const overdue = diags.some((d) => d.code === 'promise.overdue');
        cmd(vscode.l10n.t('Mark kept (today)'), 'clientlog.promise.markKept', !overdue);
        cmd(vscode.l10n.t('Reschedule…'), 'clientlog.promise.reschedule');
        if (overdue) cmd(vscode.l10n.t('Own it: draft an apology…'), 'clientlog.promise.ownIt', true);
        cmd(vscode.l10n.t('Drop…'), 'clientlog.promise.drop');
        if (item.recur) cmd(vscode.l10n.t('Skip this one…'), 'clientlog.promise.skip');
      } else if (item.kind === 'waiting') {
        cmd(vscode.l10n.t('Mark received (today)'), 'clientlog.waiting.markReceived', true);
        cmd(vscode.l10n.t('Move the follow-up date…'), 'clientlog.waiting.reschedule');
      } else {
        cmd(vscode.l10n.t('Client confirmed the change'), 'clientlog.scope.confirm', true);
        cmd(vscode.l10n.t('Client declined the change'), 'clientlog.scope.decline');
      }
    }
    // Date spelled another way: offer the ISO spelling.
    for (const d of context.diagnostics) {
      if (d.source !== 'Clientlog' || d.code !== 'date.format') continue;
      const suggestion = this.findings.match(doc.uri, d)?.data.suggestion;
      if (typeof suggestion !== 'string' || !suggestion) continue;
      const a = new vscode.CodeAction(vscode.l10n.t('Write as {0}', suggestion), vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(doc.uri, d.range, suggestion);
      a.diagnostics = [d];
      a.isPreferred = true;
      out.push(a);
    }
    // A line that looks like a keyword line but is not tracked: rewrite the keyword (or date) canonically.
    for (const d of context.diagnostics) {
      if (d.source !== 'Clientlog' || d.code !== 'keyword.nearMiss') continue;
      const f = this.findings.match(doc.uri, d);
      const r = f && fixNearMiss(src, f);
      if (!f || !r || !r.ok) continue;
      const a = new vscode.CodeAction(vscode.l10n.t('Replace with {0}', String(f.data.replacement)), vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      // The core's one edit: the finding's range (the diagnostic's) becomes the canonical spelling.
      a.edit.replace(doc.uri, d.range, r.edits[0].newText);
      a.diagnostics = [d];
      a.isPreferred = true;
      out.push(a);
    }
    return out;
  }
}

export function registerPromiseActions(actions: PromiseActions, findings: Findings): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ActionsProvider(findings), { providedCodeActionKinds: ActionsProvider.kinds }),
    vscode.commands.registerCommand('clientlog.promise.markKept', (a?: unknown) => actions.markKept(a)),
    vscode.commands.registerCommand('clientlog.promise.reschedule', (a?: unknown) => actions.reschedule(a, 'promise')),
    vscode.commands.registerCommand('clientlog.promise.drop', (a?: unknown) => actions.drop(a)),
    vscode.commands.registerCommand('clientlog.promise.skip', (a?: unknown) => actions.skip(a)),
    vscode.commands.registerCommand('clientlog.waiting.markReceived', (a?: unknown) => actions.markReceived(a)),
    vscode.commands.registerCommand('clientlog.waiting.reschedule', (a?: unknown) => actions.reschedule(a, 'waiting')),
    vscode.commands.registerCommand('clientlog.scope.confirm', (a?: unknown) => actions.decideScope(a, 'confirmed')),
    vscode.commands.registerCommand('clientlog.scope.decline', (a?: unknown) => actions.decideScope(a, 'declined')),
  );
}
