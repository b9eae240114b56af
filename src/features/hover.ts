import * as vscode from 'vscode';
import { daysBetween, durationDays, escapeMarkdown, hoverInfo, relativeDays, zonedNow, type ContactHover, type ItemHover } from '../core';
import type { Clock } from '../host/clock';
import { lineSource } from '../host/edit';
import { SELECTOR, toRange, type EditorModels } from '../host/editorModel';
import { targetArg } from './promiseActions';
import { relative } from './promiseTree';
import { analyzeOptions } from '../host/settings';

/** The commands hover links may run (the MarkdownString's trust allow-list). */
export const HOVER_COMMANDS = [
  'clientlog.promise.markKept',
  'clientlog.promise.reschedule',
  'clientlog.promise.ownIt',
  'clientlog.promise.drop',
  'clientlog.waiting.markReceived',
  'clientlog.waiting.reschedule',
  'clientlog.scope.confirm',
  'clientlog.scope.decline',
] as const;
type HoverCommand = (typeof HOVER_COMMANDS)[number];

function link(title: string, command: HoverCommand, arg: unknown): string {
  return `[${escapeMarkdown(title)}](command:${command}?${encodeURIComponent(JSON.stringify([arg]))} "${title.replace(/["\\]/g, '')}")`;
}

function stateLine(h: ItemHover): string {
  const on = h.closedOn ?? '?';
  switch (h.state) {
    case 'open':
      return vscode.l10n.t('Open');
    case 'overdue':
      return h.kind === 'promise'
        ? vscode.l10n.t('Open, overdue')
        : h.kind === 'waiting'
          ? vscode.l10n.t('Open, follow-up date passed')
          : vscode.l10n.t('Open, awaiting confirmation');
    case 'keptOnTime':
      return vscode.l10n.t('Kept on time ({0})', on);
    case 'keptLate':
      return vscode.l10n.t('Kept late ({0})', on);
    case 'dropped':
      return h.reason ? vscode.l10n.t('Dropped on {0}: {1}', on, h.reason) : vscode.l10n.t('Dropped on {0}', on);
    case 'broken':
      return vscode.l10n.t('Broken on {0}', on);
    case 'received':
      return vscode.l10n.t('Received on {0}', on);
    case 'confirmed':
      return vscode.l10n.t('Confirmed on {0}', on);
    case 'declined':
      return vscode.l10n.t('Declined on {0}', on);
  }
}

function when(date: string | undefined, time: string | undefined): string {
  return `\`${date ?? '?'}${time ? ` ${time}` : ''}\``;
}

function itemHover(h: ItemHover, uri: vscode.Uri, today: string): vscode.MarkdownString {
  const locale = vscode.env.language;
  const out = new vscode.MarkdownString(undefined, true);
  const title = h.kind === 'promise' ? vscode.l10n.t('Promise') : h.kind === 'waiting' ? vscode.l10n.t('Waiting on the client') : vscode.l10n.t('Scope change');
  out.appendMarkdown(`**${escapeMarkdown(title)}** · ${escapeMarkdown(h.client)}\n\n`);
  const dateLabel = h.kind === 'promise' ? vscode.l10n.t('Due') : h.kind === 'waiting' ? vscode.l10n.t('Follow up') : vscode.l10n.t('Raised');
  if (h.date) {
    let rel = '';
    if (h.status) rel = relative({ band: h.status.band, days: h.status.days, item: h.item });
    else rel = relativeDays(daysBetween(today, h.date), locale);
    out.appendMarkdown(`- ${escapeMarkdown(dateLabel)}: ${when(h.date, h.time)} (${escapeMarkdown(h.timeZone)}) · ${escapeMarkdown(rel)}\n`);
    if (h.userDeadline) {
      const label = h.time ? vscode.l10n.t('Your time') : vscode.l10n.t('Your time (end of that day there)');
      out.appendMarkdown(`- ${escapeMarkdown(label)}: ${when(h.userDeadline.date, h.userDeadline.time)} (${escapeMarkdown(h.userTimeZone)})\n`);
    }
  } else {
    out.appendMarkdown(`- ${escapeMarkdown(dateLabel)}: ${escapeMarkdown(vscode.l10n.t('no valid date'))}\n`);
  }
  out.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('State'))}: ${escapeMarkdown(stateLine(h))}\n`);
  if (h.apology) out.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Apology in the entry of {0}', h.apology))}\n`);
  for (const m of h.moves) {
    const who = m.byName ? `${m.byName} (@${m.by})` : m.by;
    const from = `${m.from ?? '?'}${m.fromTime ? ` ${m.fromTime}` : ''}`;
    const text =
      who && m.on
        ? vscode.l10n.t('Rescheduled from {0}, agreed by {1} on {2}', from, who, m.on)
        : who
          ? vscode.l10n.t('Rescheduled from {0}, agreed by {1}', from, who)
          : m.on
            ? vscode.l10n.t('Rescheduled from {0} on {1}', from, m.on)
            : vscode.l10n.t('Rescheduled from {0}', from);
    out.appendMarkdown(`- ${escapeMarkdown(text)}\n`);
  }
  if (h.moves.length > 1) out.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Rescheduled {0} times', h.moves.length))}\n`);
  if (h.people.length) out.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Contact'))}: ${escapeMarkdown(h.people.join(', '))}\n`);
  if (h.item.state === 'open' && h.date) {
    const arg = targetArg(uri, h.item);
    const links =
      h.kind === 'promise'
        ? [
            link(vscode.l10n.t('Mark kept'), 'clientlog.promise.markKept', arg),
            link(vscode.l10n.t('Reschedule…'), 'clientlog.promise.reschedule', arg),
            link(vscode.l10n.t('Own it: draft an apology…'), 'clientlog.promise.ownIt', arg),
            link(vscode.l10n.t('Drop…'), 'clientlog.promise.drop', arg),
          ]
        : h.kind === 'waiting'
          ? [
              link(vscode.l10n.t('Mark received (today)'), 'clientlog.waiting.markReceived', arg),
              link(vscode.l10n.t('Move the follow-up date…'), 'clientlog.waiting.reschedule', arg),
            ]
          : [
              link(vscode.l10n.t('Client confirmed the change'), 'clientlog.scope.confirm', arg),
              link(vscode.l10n.t('Client declined the change'), 'clientlog.scope.decline', arg),
            ];
    out.appendMarkdown(`\n---\n\n${links.join(' · ')}\n`);
    out.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  }
  if (h.status && h.status.band === 'overdue' && h.status.days < 0 && h.kind === 'promise') {
    out.appendMarkdown(`\n${escapeMarkdown(vscode.l10n.t('Late by {0}: tell the client before they have to ask.', durationDays(-h.status.days, locale)))}\n`);
  }
  return out;
}

function contactHover(h: ContactHover): vscode.MarkdownString {
  const out = new vscode.MarkdownString();
  const c = h.contact;
  if (!c) {
    out.appendMarkdown(
      escapeMarkdown(
        h.hasContacts
          ? vscode.l10n.t('@{0} is not a contact of this client', h.handle)
          : vscode.l10n.t('@{0}: this log lists no contacts in its front matter', h.handle),
      ),
    );
    return out;
  }
  out.appendMarkdown(`**${escapeMarkdown(c.name)}** · @${escapeMarkdown(h.handle)}\n\n`);
  if (c.role) out.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Role'))}: ${escapeMarkdown(c.role)}\n`);
  if (c.address) out.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Addressed as'))}: ${escapeMarkdown(c.address)}\n`);
  if (c.email) out.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Email'))}: [${escapeMarkdown(c.email)}](mailto:${encodeURI(c.email)})\n`);
  return out;
}

class Hovers implements vscode.HoverProvider {
  constructor(
    private readonly models: EditorModels,
    private readonly clock: Clock,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const log = this.models.current(doc);
    if (!log) return undefined;
    const options = analyzeOptions(this.clock.now());
    const h = hoverInfo(
      log,
      position,
      { now: options.now, userTimeZone: options.timeZone, horizonDays: options.horizonDays, confirmationDays: options.confirmationDays },
      lineSource(doc),
    );
    if (!h) return undefined;
    if (h.type === 'contact') return new vscode.Hover(contactHover(h), toRange(h.range));
    const today = zonedNow(options.now, h.timeZone).date;
    return new vscode.Hover(itemHover(h, doc.uri, today), toRange(h.item.range));
  }
}

/** Hovers on PROMISE / WAITING / SCOPE lines (due date, state, history, quick actions) and on @handles. */
export function registerHover(models: EditorModels, clock: Clock): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, new Hovers(models, clock));
}
