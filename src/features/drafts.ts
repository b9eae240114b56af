import * as vscode from 'vscode';
import {
  addDays,
  agreedSeed,
  combineEdits,
  draftApology,
  draftEscalation,
  draftRefusal,
  fixSeed,
  ENTRY_TITLES,
  formatTime,
  insertNote,
  isIsoDate,
  logTimeZone,
  zonedNow,
  languageOfLocale,
  markBroken,
  missedSeed,
  parseDateTime,
  reasonLabel,
  REFUSAL_REASONS,
  reschedule,
  shortTitle,
  suggestAlternatives,
  trackedAt,
  type ClientLog,
  type Contact,
  type Draft,
  type EditResult,
  type Language,
  type NoteKind,
  type Recipient,
  type RefusalReason,
  type Tracked,
} from '../core';
import type { Clock } from '../host/clock';
import { applyResult, lineSource } from '../host/edit';
import { loadPhrases } from '../host/phrases';
import { userTimeZone } from '../host/settings';
import type { PromiseActions } from './promiseActions';
import { isUserLog, type WorkspaceIndex } from '../host/workspaceIndex';

/** The client a draft is for: its log, open as a document, and the language drafts are written in. */
interface ClientTarget {
  readonly doc: vscode.TextDocument;
  readonly log: ClientLog;
  readonly lang: Language;
}

class Cancelled extends Error {}

/** The name that signs drafts (setting `clientlog.senderName`), if any. */
function sender(): string | undefined {
  return vscode.workspace.getConfiguration('clientlog').get<string>('senderName', '').trim() || undefined;
}

/** Who the letter is to, as the drafts read a contact: the name, and how to address them. */
function recipientOf(c: Contact | null | undefined): Recipient | undefined {
  return c ? { name: c.name, address: c.address } : undefined;
}

/** How the client's text is read for their letter: their language, their people, their today. */
function readerOf(t: ClientTarget, today: string): { lang: Language; people: readonly Contact[]; today: string } {
  return { lang: t.lang, people: t.log.frontMatter?.contacts ?? [], today };
}

/** Unwraps a step's answer; undefined (Escape) cancels the whole flow and nothing is written. */
function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Cancelled();
  return v;
}

/** Runs a guided flow: a step cancelled with Escape (see `need`) ends it with false; other errors pass. */
async function guided(flow: () => Promise<boolean>): Promise<boolean> {
  try {
    return await flow();
  } catch (e) {
    if (e instanceof Cancelled) return false;
    throw e;
  }
}

/**
 * "Draft refusal", "Draft apology" and "Draft escalation": guided steps prefilled from context, then the
 * note in the client's log (under today's entry, created when missing) and a client-facing draft in the
 * client's language, opened beside it in an untitled editor. Nothing is ever sent. Cancelling any step
 * leaves every file untouched.
 */
export class Drafts {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly clock: Clock,
    private readonly actions: PromiseActions,
    /** Where dist/phrases.json is (the drafts' sentences; see host/phrases). */
    private readonly extensionUri: vscode.Uri,
  ) {}

  private async pickClient(title: string): Promise<ClientTarget | undefined> {
    const editor = vscode.window.activeTextEditor;
    let doc: vscode.TextDocument | undefined = editor && isUserLog(editor.document) ? editor.document : undefined;
    if (!doc) {
      await this.index.ready();
      const logs = this.index.all().sort((a, b) => a.log.client.localeCompare(b.log.client));
      if (logs.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no client log in this workspace yet. Create one with "New Client Log".'));
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        logs.map((e) => ({ label: e.log.client, description: vscode.workspace.asRelativePath(e.uri), uri: e.uri })),
        { title, placeHolder: vscode.l10n.t('Which client?'), ignoreFocusOut: true },
      );
      if (!pick) return undefined;
      doc = await vscode.workspace.openTextDocument(pick.uri);
    }
    const log = this.index.refreshDocument(doc)?.log;
    if (!log) return undefined;
    return { doc, log, lang: log.frontMatter?.language ?? languageOfLocale(vscode.env.language) };
  }

  /** The selected text, else the cursor line's text without its keyword, as a starting point. */
  private contextText(doc: vscode.TextDocument): string {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== doc) return '';
    if (!editor.selection.isEmpty) return doc.getText(editor.selection).replace(/\s+/g, ' ').trim();
    const line = doc.lineAt(editor.selection.active.line).text;
    if (line.startsWith('## ') || line.startsWith('---')) return '';
    return line
      .replace(/^(PROMISE|WAITING|SCOPE)\s+\S+(\s+\d{1,2}:\d{2})?\s+/, '')
      .replace(/^URGENT[\s:]+(\p{L}+[\s:]+)?/u, '')
      .split(' | ')[0]
      .trim();
  }

  private async pickRecipient(t: ClientTarget, title: string, hint: string): Promise<Contact | undefined | null> {
    const contacts = t.log.frontMatter?.contacts ?? [];
    if (contacts.length === 0) return null;
    if (contacts.length === 1) return contacts[0];
    const mentioned = new Set([...hint.matchAll(/@([\p{L}\p{N}_.-]+)/gu)].map((m) => m[1].toLowerCase()));
    const sorted = [...contacts].sort((a, b) => Number(mentioned.has(b.handle?.toLowerCase() ?? '')) - Number(mentioned.has(a.handle?.toLowerCase() ?? '')));
    const pick = await vscode.window.showQuickPick(
      sorted.map((c) => ({ label: c.name, description: [c.handle ? `@${c.handle}` : '', c.role ?? ''].filter(Boolean).join(' · '), c })),
      { title, placeHolder: vscode.l10n.t('Who is the message to?'), ignoreFocusOut: true },
    );
    return need(pick).c;
  }

  private input(title: string, prompt: string, value = '', required = true, validate?: (v: string) => string | undefined): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title,
      prompt,
      value,
      ignoreFocusOut: true,
      validateInput: (v) => (required && !v.trim() ? vscode.l10n.t('This step needs an answer (Escape cancels the draft).') : validate?.(v)),
    });
  }

  /** Writes the note (and any other line edits) in one undoable edit, then opens the client draft beside. */
  private async finish(t: ClientTarget, kind: NoteKind, draft: Draft, version: number, lineEdits: EditResult[] = []): Promise<boolean> {
    if (t.doc.version !== version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The log changed while you were answering; nothing was written. Run the command again.'));
      return false;
    }
    const note = insertNote(lineSource(t.doc), {
      today: this.clock.todayFor(t.log),
      entryTitle: ENTRY_TITLES[kind][t.lang],
      lines: [...draft.noteLines, ...draft.trackLines],
    });
    const results = [...lineEdits, note];
    const failed = results.find((r) => !r.ok);
    if (failed) return applyResult(t.doc, failed);
    const edits = combineEdits(results.flatMap((r) => (r.ok ? r.edits : [])));
    if (!(await applyResult(t.doc, { ok: true, edits }, version))) return false;
    this.index.refreshDocument(t.doc);
    const editor = await vscode.window.showTextDocument(t.doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    const header = edits.length ? findLine(t.doc, draft.noteLines[0]) : -1;
    if (header >= 0) editor.selection = new vscode.Selection(header, 0, header, 0);
    // Markdown, so the draft wraps (VS Code wraps Markdown by default) and pastes well into mail.
    const message = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${draft.subject}\n\n${draft.message}\n` });
    await vscode.window.showTextDocument(message, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    // Reveal the note only now: opening the message beside narrows the log's editor, and word wrap then
    // pushes a note revealed before the split out of view again.
    if (header >= 0) editor.revealRange(new vscode.Range(header, 0, header + draft.noteLines.length, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  async refusal(): Promise<boolean> {
    const title = vscode.l10n.t('Draft refusal');
    return guided(async () => {
      await loadPhrases(this.extensionUri);
      const t = await this.pickClient(title);
      if (!t) return false;
      const version = t.doc.version;
      const request = need(
        await this.input(title, vscode.l10n.t('What did {0} ask for? (the request you are declining)', t.log.client), this.contextText(t.doc)),
      );
      const uiLang = languageOfLocale(vscode.env.language);
      const reasonPick = need(
        await vscode.window.showQuickPick(
          REFUSAL_REASONS.map((r) => ({ label: reasonLabel(r, uiLang), r })),
          { title, placeHolder: vscode.l10n.t('Why not? Pick the reason'), ignoreFocusOut: true },
        ),
      );
      const reason: RefusalReason = reasonPick.r;
      let factsSeed = '';
      if (reason === 'scope' || reason === 'budget') {
        const agreed = agreedItems(t.log);
        if (agreed.length > 0) {
          const pick = need(
            await vscode.window.showQuickPick(
              [
                { label: vscode.l10n.t('Write the facts myself'), text: '' },
                ...agreed.map((a) => ({ label: a, text: a, description: vscode.l10n.t('agreed earlier, from the log') })),
              ],
              { title, placeHolder: vscode.l10n.t('What was agreed? The log says:'), ignoreFocusOut: true },
            ),
          );
          // In the client's language, whatever VS Code's: the facts go into their letter and their log.
          factsSeed = pick.text ? agreedSeed(pick.text, readerOf(t, this.clock.todayFor(t.log))) : '';
        }
      }
      const facts = need(await this.input(title, vscode.l10n.t('The facts behind the "no": what you know, from data and experience'), factsSeed));
      const alt = need(
        await vscode.window.showQuickPick(
          [
            ...suggestAlternatives(reason, t.lang).map((s) => ({ label: s, text: s })),
            { label: `$(edit) ${vscode.l10n.t('Write my own alternative…')}`, text: '' },
          ],
          { title, placeHolder: vscode.l10n.t('What do you offer instead? A refusal always offers an alternative.'), ignoreFocusOut: true },
        ),
      );
      const alternative = need(await this.input(title, vscode.l10n.t('The alternative, as close as possible to what they asked'), alt.text));
      const recipient = await this.pickRecipient(t, title, request);
      const today = this.clock.todayFor(t.log);
      const draft = draftRefusal({ ...readerOf(t, today), sender: sender(), recipient: recipientOf(recipient), request, reason, facts, alternative });
      return await this.finish(t, 'refusal', draft, version);
    });
  }

  async apology(arg?: unknown): Promise<boolean> {
    const title = vscode.l10n.t('Draft apology');
    return guided(async () => {
      await loadPhrases(this.extensionUri);
      // From a promise (quick fix, tree, code lens) or from the cursor's promise line, or for a client.
      let promiseTarget: { uri: vscode.Uri; line: number; item: Tracked } | undefined;
      if (arg) {
        const t = await this.actions.resolve(arg, 'promise');
        if (!t) return false;
        const doc = await vscode.workspace.openTextDocument(t.uri);
        const item = trackedAt(lineSource(doc), t.line);
        if (!item || item.kind !== 'promise' || (t.seen && (item.date !== t.seen.date || item.text !== t.seen.text))) {
          void vscode.window.showWarningMessage(vscode.l10n.t('The line changed since this action was offered; nothing was changed. Try again.'));
          return false;
        }
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(t.line, 0, t.line, 0), preview: false });
        promiseTarget = { uri: t.uri, line: t.line, item };
      } else {
        const editor = vscode.window.activeTextEditor;
        if (editor && isUserLog(editor.document)) {
          const item = trackedAt(lineSource(editor.document), editor.selection.active.line);
          if (item && item.kind === 'promise' && item.state === 'open') promiseTarget = { uri: editor.document.uri, line: editor.selection.active.line, item };
        }
      }
      const t = await this.pickClient(title);
      if (!t) return false;
      const version = t.doc.version;
      const p = promiseTarget?.item;
      const today = this.clock.todayFor(t.log);
      // Seeds in the client's language (whatever VS Code's), describing the promise rather than copying its line.
      const whatSeed = p ? missedSeed(p, readerOf(t, today)) : this.contextText(t.doc);
      const what = need(await this.input(title, vscode.l10n.t('What happened, in one or two sentences (no excuses)'), whatSeed));
      const fix = need(await this.input(title, vscode.l10n.t('What are you doing to fix it?'), p ? fixSeed(p, readerOf(t, today)) : ''));
      const fixDate = need(
        await this.input(title, vscode.l10n.t('By when will it be fixed? (YYYY-MM-DD)'), addDays(today, 1), true, (v) =>
          isIsoDate(v.trim()) ? undefined : vscode.l10n.t('Write a date as YYYY-MM-DD'),
        ),
      ).trim();
      const prevention = need(await this.input(title, vscode.l10n.t('What will prevent a repeat?')));
      const makeup = need(await this.input(title, vscode.l10n.t('What do you offer to make up for the trouble? (optional)'), '', false));
      const lineEdits: EditResult[] = [];
      let promise: { text: string; due: string } | undefined;
      if (promiseTarget && promiseTarget.uri.toString() === t.doc.uri.toString() && p?.state === 'open') {
        const choice = need(
          await vscode.window.showQuickPick(
            [
              {
                label: vscode.l10n.t('Reschedule it to {0}', fixDate),
                description: vscode.l10n.t('the promise stays open with the new date; the old one is kept'),
                v: 'move' as const,
              },
              {
                label: vscode.l10n.t('Mark it broken'),
                description: vscode.l10n.t('the line points to this apology; the fix becomes a new promise'),
                v: 'broken' as const,
              },
            ],
            { title, placeHolder: vscode.l10n.t('What happens to the promise?'), ignoreFocusOut: true },
          ),
        );
        const src = lineSource(t.doc);
        const lineText = src.lineAt(promiseTarget.line);
        if (choice.v === 'move') {
          lineEdits.push(
            fixDate === p.date ? { ok: false, reason: 'sameDate' } : reschedule(src, promiseTarget.line, { newDate: fixDate, today }, { lineText }),
          );
        } else {
          lineEdits.push(markBroken(src, promiseTarget.line, today, today, { lineText }));
          promise = { text: fix, due: fixDate };
        }
      }
      const recipient = await this.pickRecipient(t, title, p?.handles.map((h) => `@${h}`).join(' ') ?? '');
      const draft = draftApology({
        ...readerOf(t, today),
        title: p ? shortTitle(p.text) : undefined,
        sender: sender(),
        recipient: recipientOf(recipient),
        what,
        fix,
        fixDate,
        prevention: prevention,
        makeup: makeup.trim() || undefined,
        promise,
      });
      return await this.finish(t, 'apology', draft, version, lineEdits);
    });
  }

  async escalation(): Promise<boolean> {
    const title = vscode.l10n.t('Draft escalation');
    return guided(async () => {
      await loadPhrases(this.extensionUri);
      const t = await this.pickClient(title);
      if (!t) return false;
      const version = t.doc.version;
      const request = need(await this.input(title, vscode.l10n.t('What did the client ask for or report as urgent?'), this.contextText(t.doc)));
      const breaks = need(await this.input(title, vscode.l10n.t('If this waits until tomorrow, what breaks, and for whom?')));
      const deadlineSource = need(await this.input(title, vscode.l10n.t('Where does the deadline come from?')));
      const kind = need(
        await vscode.window.showQuickPick(
          [
            {
              label: vscode.l10n.t('Urgent request'),
              description: vscode.l10n.t('nothing breaks if it waits a day: agree a realistic date'),
              v: 'request' as const,
            },
            {
              label: vscode.l10n.t('Crisis'),
              description: vscode.l10n.t('something is broken now and harm grows by the hour: act today'),
              v: 'crisis' as const,
            },
          ],
          { title, placeHolder: vscode.l10n.t('Crisis or urgent request? Crises are the exception.'), ignoreFocusOut: true },
        ),
      ).v;
      const today = this.clock.todayFor(t.log);
      let owner: string | undefined;
      let nextUpdate: string | undefined;
      let proposedDate: string | undefined;
      if (kind === 'crisis') {
        owner = need(await this.input(title, vscode.l10n.t('Who owns it? (a name or @handle)')));
        const later = zonedNow(new Date(this.clock.now().getTime() + 2 * 3600_000), logTimeZone(t.log, userTimeZone()));
        const seed = `${later.date} ${formatTime(later.minutes - (later.minutes % 60))}`;
        nextUpdate = need(
          await this.input(title, vscode.l10n.t('When is the next update to the client? (YYYY-MM-DD HH:MM)'), seed, true, (v) => {
            return parseDateTime(v) ? undefined : vscode.l10n.t('Write YYYY-MM-DD HH:MM');
          }),
        ).trim();
      } else {
        proposedDate = need(
          await this.input(title, vscode.l10n.t('What date can you realistically agree? (YYYY-MM-DD)'), addDays(today, 2), true, (v) =>
            isIsoDate(v.trim()) ? undefined : vscode.l10n.t('Write a date as YYYY-MM-DD'),
          ),
        ).trim();
      }
      const recipient = await this.pickRecipient(t, title, request);
      const draft = draftEscalation({
        ...readerOf(t, today),
        sender: sender(),
        recipient: recipientOf(recipient),
        kind,
        request,
        breaks,
        deadlineSource,
        owner,
        nextUpdate,
        proposedDate,
      });
      return await this.finish(t, 'escalation', draft, version);
    });
  }
}

/** What the log says was agreed: confirmed scope changes and kept promises, newest first. */
function agreedItems(log: ClientLog): string[] {
  return log.items
    .filter((i) => (i.kind === 'scope' && i.state === 'confirmed') || (i.kind === 'promise' && i.state === 'kept'))
    .reverse()
    .slice(0, 15)
    .map((i) => i.text);
}

function findLine(doc: vscode.TextDocument, text: string): number {
  for (let i = doc.lineCount - 1; i >= 0; i--) if (doc.lineAt(i).text === text) return i;
  return -1;
}

export function registerDrafts(drafts: Drafts): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('clientlog.draftRefusal', () => drafts.refusal()),
    vscode.commands.registerCommand('clientlog.draftApology', () => drafts.apology()),
    vscode.commands.registerCommand('clientlog.draftEscalation', () => drafts.escalation()),
    vscode.commands.registerCommand('clientlog.promise.ownIt', (arg?: unknown) => drafts.apology(arg ?? {})),
  );
}
