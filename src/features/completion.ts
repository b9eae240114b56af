import * as vscode from 'vscode';
import {
  CONTACT_KEYS,
  contextAt,
  dateSuggestions,
  keywordSuggestions,
  LANGUAGES,
  languageOfLocale,
  logTimeZone,
  tagCounts,
  zonedNow,
  type ClientLog,
  type ContactKey,
  type DateSuggestionKey,
  type KeywordName,
  type Language,
} from '../core';
import type { Clock } from '../host/clock';
import { SELECTOR, toRange, type EditorModels } from '../host/editorModel';
import { userTimeZone } from '../host/settings';

function dateLabel(key: DateSuggestionKey): string {
  switch (key) {
    case 'today':
      return vscode.l10n.t('today');
    case 'tomorrow':
      return vscode.l10n.t('tomorrow');
    case 'nextMonday':
      return vscode.l10n.t('next Monday');
    case 'nextTuesday':
      return vscode.l10n.t('next Tuesday');
    case 'nextWednesday':
      return vscode.l10n.t('next Wednesday');
    case 'nextThursday':
      return vscode.l10n.t('next Thursday');
    case 'nextFriday':
      return vscode.l10n.t('next Friday');
    case 'endOfWeek':
      return vscode.l10n.t('end of the week (Friday)');
    case 'endOfMonth':
      return vscode.l10n.t('end of the month');
    case 'plus1w':
      return vscode.l10n.t('in 1 week');
    case 'plus2w':
      return vscode.l10n.t('in 2 weeks');
    case 'plus1m':
      return vscode.l10n.t('in 1 month');
  }
}

function keywordDetail(k: KeywordName): string {
  switch (k) {
    case 'PROMISE':
      return vscode.l10n.t('A promise we made: due date, then what we promised');
    case 'WAITING':
      return vscode.l10n.t('Waiting on the client: follow-up date, then what we wait for');
    case 'SCOPE':
      return vscode.l10n.t('A scope or deadline change, told to the client on this date');
    case 'URGENT':
      return vscode.l10n.t('Urgency triage: request (it can wait a day) or crisis (harm grows by the hour)');
    case 'APOLOGY':
      return vscode.l10n.t('Apology note: what happened, apology, fix, prevention, make-up');
    case 'REFUSAL':
      return vscode.l10n.t('Refusal note: request, reason, facts, alternative');
    case 'ESCALATION':
      return vscode.l10n.t('Escalation note: kind, what breaks, deadline source, owner, next update');
    case '##':
      return vscode.l10n.t('A dated entry: date, then a title');
  }
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function weekdayName(iso: string, locale: string): string {
  let f = weekdayFormats.get(locale);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    }
    weekdayFormats.set(locale, f);
  }
  return f.format(new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10))));
}

function contactKeyDetail(k: ContactKey): string {
  switch (k) {
    case 'name':
      return vscode.l10n.t('Full name, as the client writes it');
    case 'handle':
      return vscode.l10n.t('Short name for @mentions in the log');
    case 'role':
      return vscode.l10n.t('Role or job title');
    case 'email':
      return vscode.l10n.t('E-mail address');
    case 'address':
      return vscode.l10n.t('How letters greet them, as it follows the greeting: Елена Викторовна, domnule Ionescu, Mr Petrov');
  }
}

function languageName(lang: Language, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

let zones: string[] | undefined;
function timeZones(): string[] {
  if (!zones) {
    let list: string[] = [];
    try {
      list = Intl.supportedValuesOf('timeZone');
    } catch {
      list = [];
    }
    zones = list.includes('UTC') ? list : [...list, 'UTC'];
  }
  return zones;
}

function utcOffset(zone: string, now: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

type ZoneItem = vscode.CompletionItem & { zone?: string };

class Completion implements vscode.CompletionItemProvider<ZoneItem> {
  constructor(
    private readonly models: EditorModels,
    private readonly clock: Clock,
  ) {}

  /** Today in the log's time zone (its dates are calendar dates there). */
  private today(log: ClientLog | undefined): string {
    return log ? zonedNow(this.clock.now(), logTimeZone(log, userTimeZone())).date : this.clock.today();
  }

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionList<ZoneItem> | undefined {
    const log = this.models.latest(doc);
    const lineText = doc.lineAt(position.line).text;
    const ctx = contextAt(log, lineText, position);
    if (!ctx) return undefined;
    const range = toRange(ctx.range);
    const locale = vscode.env.language;
    const items: ZoneItem[] = [];
    switch (ctx.kind) {
      case 'mention':
        for (const c of log?.frontMatter?.contacts ?? []) {
          if (!c.handle) continue;
          const item: ZoneItem = new vscode.CompletionItem({ label: c.handle, description: c.name }, vscode.CompletionItemKind.User);
          item.detail = [c.name, c.role].filter(Boolean).join(' · ');
          if (c.email) item.documentation = c.email;
          item.filterText = `${c.handle} ${c.name}`;
          item.insertText = c.handle;
          item.range = range;
          items.push(item);
        }
        break;
      case 'tag': {
        const counts = tagCounts(this.models.index.all().map((e) => e.log));
        counts.forEach(({ tag, count }, i) => {
          // The tag being typed is in the index too: do not offer it back on its own.
          if (tag === ctx.prefix && count === 1) return;
          const item: ZoneItem = new vscode.CompletionItem(tag, vscode.CompletionItemKind.Reference);
          item.detail = vscode.l10n.t('Used in the workspace: {0}', count);
          item.range = range;
          item.sortText = String(i).padStart(5, '0');
          items.push(item);
        });
        break;
      }
      case 'keyword': {
        const lang = log?.frontMatter?.language ?? languageOfLocale(locale);
        keywordSuggestions(this.today(log), lang).forEach((k, i) => {
          const item: ZoneItem = new vscode.CompletionItem(k.keyword === '##' ? '## ' : k.keyword, vscode.CompletionItemKind.Keyword);
          item.detail = keywordDetail(k.keyword);
          item.insertText = new vscode.SnippetString(k.snippet);
          item.range = range;
          item.filterText = k.keyword;
          item.sortText = String(i).padStart(2, '0');
          if (k.suggestDate) item.command = { title: '', command: 'editor.action.triggerSuggest' };
          items.push(item);
        });
        break;
      }
      case 'date': {
        const typed = ctx.prefix;
        dateSuggestions(this.today(log)).forEach((d, i) => {
          const human = dateLabel(d.key);
          const item: ZoneItem = new vscode.CompletionItem({ label: d.date, description: human }, vscode.CompletionItemKind.Value);
          item.detail = `${human} · ${weekdayName(d.date, locale)}`;
          item.insertText = d.date;
          item.range = range;
          item.sortText = String(i).padStart(2, '0');
          // Typing "+1w" or "tomo" finds the date as well as typing its digits.
          item.filterText = typed.startsWith('+') ? (d.shorthand ?? d.date) : /^\p{L}/u.test(typed) ? human : d.date;
          if (i === 1) item.preselect = true;
          items.push(item);
        });
        return new vscode.CompletionList(items, true);
      }
      case 'timezone': {
        for (const zone of timeZones()) {
          const item: ZoneItem = new vscode.CompletionItem(zone, vscode.CompletionItemKind.Value);
          item.range = range;
          item.zone = zone;
          items.push(item);
        }
        break;
      }
      case 'contactKey':
        CONTACT_KEYS.forEach((k, i) => {
          const item: ZoneItem = new vscode.CompletionItem(k, vscode.CompletionItemKind.Property);
          item.detail = contactKeyDetail(k);
          item.insertText = `${k}: `;
          item.range = range;
          item.sortText = String(i);
          items.push(item);
        });
        break;
      case 'language':
        for (const lang of LANGUAGES) {
          const item: ZoneItem = new vscode.CompletionItem({ label: lang, description: languageName(lang, locale) }, vscode.CompletionItemKind.Value);
          item.detail = languageName(lang, locale);
          item.range = range;
          items.push(item);
        }
        break;
    }
    return new vscode.CompletionList(items, false);
  }

  resolveCompletionItem(item: ZoneItem): ZoneItem {
    if (item.zone && !item.detail) item.detail = utcOffset(item.zone, this.clock.now());
    return item;
  }
}

/** Completion of contacts, tags, keywords, dates, time zones and languages in client logs. */
export function registerCompletion(models: EditorModels, clock: Clock): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(SELECTOR, new Completion(models, clock), '@', '#', ' ');
}
