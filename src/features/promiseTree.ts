import * as vscode from 'vscode';
import {
  describeRule,
  addDays,
  agenda,
  percent,
  review,
  zonedNow,
  durationDays,
  escapeMarkdown,
  logSource,
  relativeDays,
  type AgendaFilter,
  type AgendaRow,
  type Band,
  type DateGroup,
  type QuietRow,
  type Tracked,
} from '../core';
import { WEB_BUNDLE } from '../host/bundle';
import type { Clock } from '../host/clock';
// Only the Node host's bundle has it (its ./indexStore.ts; the use is in a branch the web bundle folds away).
import * as nodeStore from '../host/indexStore';
import type { TimeScheduler } from '../host/scheduler';
import { affectsAnalysis, analyzeOptions } from '../host/settings';
import type { ReviewInputs } from '../host/reviewInputs';
import type { IndexedLog, WorkspaceIndex } from '../host/workspaceIndex';

export type GroupBy = 'client' | 'date';

/** One open item in a view, with everything a command needs to act on it safely. */
export interface ItemNode {
  readonly type: 'item';
  readonly uri: vscode.Uri;
  readonly item: Tracked;
  readonly client: string;
  readonly clientKey: string;
  readonly band: Band;
  /** Days from today to the date (negative when past). */
  readonly days: number;
  /** Scope changes: days since the change was raised (what "unconfirmed for" counts, as in the diagnostic). */
  readonly age?: number;
  readonly timeZone: string;
  readonly contact?: string;
  readonly entryTitle?: string;
}

/** A client gone quiet (`client.quiet`), in the Waiting on clients view. */
export interface QuietNode {
  readonly type: 'quiet';
  readonly uri: vscode.Uri;
  readonly client: string;
  readonly clientKey: string;
  /** Days since the latest entry, and the cadence they exceed. */
  readonly days: number;
  readonly cadence: number;
  readonly lastEntry: string;
  /** Where the finding is (the `client:` line, or the first line). */
  readonly line: number;
}

export interface GroupNode {
  readonly type: 'group';
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly children: Array<ItemNode | QuietNode>;
  readonly overdue: number;
  /** Grouped by client: the client's log. */
  readonly client?: vscode.Uri;
}

export type Node = GroupNode | ItemNode | QuietNode;

export interface Filter extends AgendaFilter {
  /** The client filter's label (`client` is the log's URI). */
  readonly clientLabel?: string;
}

/** How both views show their items: one grouping and one filter, set for both at once. */
export class ViewState {
  filter: Filter = {};
  constructor(public groupBy: GroupBy = 'client') {}

  get filtered(): boolean {
    return !!(this.filter.text || this.filter.overdueOnly || this.filter.client);
  }
}

const ICONS: Record<Band, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  today: new vscode.ThemeIcon('bell', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  soon: new vscode.ThemeIcon('clock', new vscode.ThemeColor('charts.yellow')),
  later: new vscode.ThemeIcon('calendar', new vscode.ThemeColor('charts.green')),
};

/** The date groups' titles. */
const DATE_LABELS: Record<DateGroup, () => string> = {
  overdue: () => vscode.l10n.t('Overdue'),
  today: () => vscode.l10n.t('Today'),
  week: () => vscode.l10n.t('This week'),
  later: () => vscode.l10n.t('Later'),
};

/** How long the views wait for more changes before they redraw. */
const REFRESH_COALESCE_MS = 75;
/** How long VS Code must not have asked for a view's rows before the view is told to redraw. */
const FETCH_QUIET_MS = 150;

/**
 * "Promises" and "Waiting on clients": the open items of every log in the workspace, most urgent first,
 * grouped by client or by date band.
 */
export class ItemsProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: GroupNode[] = [];
  private items: ItemNode[] = [];
  private quietNodes: QuietNode[] = [];
  private overdue = 0;
  private dirty = true;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly clock: Clock,
    private readonly kinds: ReadonlySet<Tracked['kind']>,
    readonly view: ViewState,
    /** For each client's promise-keeping record over 90 days (the Promises view only). */
    private readonly records?: ReviewInputs,
  ) {}

  /** "92% on time" over the last 90 days, and its breakdown; undefined until the log's history is read. */
  private record(uri: vscode.Uri, now: Date, timeZone: string): { text: string; tooltip: string } | undefined {
    const today = zonedNow(now, timeZone).date;
    const since = addDays(today, -89);
    const input = this.records?.cached(uri, since);
    if (!input) {
      this.records?.warm(since);
      return undefined;
    }
    const p = review([input], { now, timeZone, since, until: today }).total.promises;
    const counted = p.onTime.length + p.late.length + p.broken.length + p.overdue.length;
    if (counted === 0) return undefined;
    return {
      text: vscode.l10n.t('{0} on time', percent(p.onTimeRate, vscode.env.language)),
      tooltip: vscode.l10n.t(
        'Last 90 days: {0} kept on time ({1} on the first date), {2} kept late, {3} broken, {4} open and overdue; {5} dropped, not counted',
        p.onTime.length,
        p.firstDate.length,
        p.late.length,
        p.broken.length,
        p.overdue.length,
        p.dropped.length,
      ),
    };
  }

  get groupBy(): GroupBy {
    return this.view.groupBy;
  }

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Marks the model stale; it is rebuilt lazily when the view asks. The view itself is told once per
   * burst of changes: a refresh that reaches VS Code while it is still asking for the previous
   * refresh's children makes it drop those children ("No tree item with id … found"), leaving
   * expanded groups empty.
   */
  invalidate(): void {
    this.dirty = true;
    // At least a few times the last rebuild apart: a view shown during a scan of 10,000 logs lays them all out
    // at every report, which would take most of the extension host's time.
    this.refreshTimer ??= setTimeout(this.redraw, Math.max(REFRESH_COALESCE_MS, 4 * this.rebuildMs));
  }

  /** When VS Code last asked for a row (ms, performance.now()). */
  private asked = 0;

  /**
   * Tells the view, once VS Code has not asked for a row for FETCH_QUIET_MS: a refresh that reached the extension
   * host's side of the view between VS Code's asking for the groups and for their rows left the expanded groups
   * empty ("No tree item with id … found"), seen in a scenario on a loaded machine.
   */
  private readonly redraw = (): void => {
    const wait = this.asked + FETCH_QUIET_MS - performance.now();
    this.refreshTimer = wait > 0 ? setTimeout(this.redraw, wait) : undefined;
    if (wait <= 0) this.changeEmitter.fire(undefined);
  };

  /** How long the last rebuild took (ms). */
  private rebuildMs = 0;

  /** Each log's overdue count and their sum, kept until the log changes (its model, the time, or the settings). */
  private readonly counts = new Map<string, number>();
  private sum = 0;
  /** The logs to count again (changed since the last count); undefined: every log. */
  private stale: Map<string, vscode.Uri> | undefined;

  /**
   * How many of the open items are overdue (filtered out or not). Without the tree built, each log's count is
   * the agenda's own (one log at a time), kept with their sum, and only the logs that changed since the last
   * count are counted again: the badge and the status bar follow a scan of 10,000 logs without a pass over all of
   * them at every report (which took 0.24 s of the extension host's thread over a window's scan).
   */
  overdueCount(): number {
    if (!this.dirty) return this.overdue;
    const base = analyzeOptions(this.clock.now());
    const opts = { ...base, kinds: this.kinds };
    const stale = this.stale ?? (this.counts.clear(), (this.sum = 0), new Map(this.index.all().map((e) => [e.uri.toString(), e.uri])));
    this.stale = new Map();
    for (const [key, uri] of stale) {
      const e = this.index.get(uri);
      // The Node host: a closed file's count as an earlier window kept it with its diagnostics (../host/indexStore.ts).
      // A log with none of the kinds counted has none overdue: no agenda for it.
      const n =
        (WEB_BUNDLE ? undefined : e && nodeStore.shownOverdue(this.index.persisted, uri, e.log, base, this.kinds)) ??
        (e?.log.items.some((i) => this.kinds.has(i.kind)) ? agenda([logSource(e.log, key, '')], opts).overdue : 0);
      this.sum += n - (this.counts.get(key) ?? 0);
      if (e) this.counts.set(key, n);
      else this.counts.delete(key);
    }
    return this.sum;
  }

  /** Forgets the kept overdue counts of these logs (changed, added, removed, or their findings' time came), or of all. */
  forgetOverdue(uris?: readonly vscode.Uri[]): void {
    if (!uris) this.stale = undefined;
    else for (const u of uris) this.stale?.set(u.toString(), u);
  }

  /** All open items (unfiltered), most urgent first. */
  allItems(): ItemNode[] {
    this.rebuild();
    return this.items;
  }

  /** The clients gone quiet (unfiltered; the Waiting on clients view only), longest silence first. */
  allQuiet(): QuietNode[] {
    this.rebuild();
    return this.quietNodes;
  }

  getTreeItem(n: Node): vscode.TreeItem {
    // VS Code asks for each row it fetches (the test hooks' dump only for recurring rows).
    this.asked = performance.now();
    if (n.type === 'group') {
      const t = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.Expanded);
      t.id = `${this.groupBy}:${n.id}`;
      t.description = n.description;
      t.tooltip = n.tooltip;
      t.contextValue = 'group';
      // Every group has an icon, so rows line up the same under every group.
      t.iconPath =
        this.groupBy === 'client'
          ? n.overdue > 0
            ? ICONS.overdue
            : new vscode.ThemeIcon('account')
          : (ICONS[n.id === 'week' ? 'soon' : (n.id as Band)] ?? ICONS.later);
      return t;
    }
    if (n.type === 'quiet') return quietItem(n, this.groupBy);
    const t = new vscode.TreeItem(n.item.text || vscode.l10n.t('(no text)'), vscode.TreeItemCollapsibleState.None);
    t.id = `${n.uri.toString()}#${n.item.line}:${n.item.kind}`;
    // A recurring promise says its rhythm after when it is due ("in 3 days · every week").
    const rule = n.item.recur && describeRule(n.item.recur, vscode.l10n.t, vscode.env.language);
    const when = rule ? `${relative(n)} · ${rule}` : relative(n);
    t.description = this.groupBy === 'date' ? `${when} · ${n.client}` : when;
    t.iconPath = ICONS[n.band];
    t.contextValue = n.item.recur ? `${n.item.kind}.open.recurring` : `${n.item.kind}.open`;
    t.tooltip = tooltip(n);
    t.resourceUri = undefined;
    t.accessibilityInformation = { label: `${n.item.text}, ${relative(n)}, ${n.client}` };
    t.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open'),
      arguments: [n.uri, { selection: new vscode.Range(n.item.line, 0, n.item.line, 0), preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
    };
    return t;
  }

  getChildren(n?: Node): Node[] | Thenable<Node[]> {
    if (n) return n.type === 'group' ? n.children : [];
    // The Node host restores the stored models first, between yields (../host/indexStore.ts): a window opened again
    // restores a closed log's model only when something reads it, and the view reads every one.
    return (WEB_BUNDLE ? undefined : nodeStore.restoring(this.index.all())?.then(() => this.getChildren())) ?? (this.rebuild(), this.addRecords(), this.roots);
  }

  getParent(n: Node): Node | undefined {
    if (n.type === 'group') return undefined;
    return this.roots.find((g) => g.children.includes(n));
  }

  private rebuild(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const t0 = performance.now();
    const opts = analyzeOptions(this.clock.now());
    const logs = this.index.all();
    const nameCount = new Map<string, number>();
    for (const e of logs) nameCount.set(e.log.client, (nameCount.get(e.log.client) ?? 0) + 1);
    const byId = new Map(logs.map((e) => [e.uri.toString(), e]));
    const sources = logs.map((e) => logSource(e.log, e.uri.toString(), clientLabel(e, nameCount)));
    const { filter, groupBy } = this.view;
    const a = agenda(sources, { ...opts, kinds: this.kinds, groupBy, filter, quiet: this.kinds.has('waiting') });

    const nodes = new Map<AgendaRow<Tracked>, ItemNode>();
    for (const r of a.rows) {
      const e = byId.get(r.source.id)!;
      const it = r.item;
      const entry = it.entry >= 0 ? e.log.entries[it.entry] : undefined;
      nodes.set(r, {
        type: 'item',
        uri: e.uri,
        item: it,
        client: r.source.label,
        clientKey: r.source.id,
        band: r.band,
        days: r.days,
        age: r.age,
        timeZone: r.timeZone,
        contact: r.contact,
        entryTitle: entry ? `${entry.date ?? ''} ${entry.title}`.trim() : undefined,
      });
    }
    this.items = [...nodes.values()];
    this.overdue = a.overdue;
    const quietNodes = new Map<QuietRow<Tracked>, QuietNode>();
    for (const q of a.quiet) {
      const e = byId.get(q.source.id)!;
      quietNodes.set(q, {
        type: 'quiet',
        uri: e.uri,
        client: q.source.label,
        clientKey: q.source.id,
        days: q.days,
        cadence: q.cadence,
        lastEntry: q.lastEntry,
        line: q.line,
      });
    }
    this.quietNodes = [...quietNodes.values()];
    this.roots = a.groups.map((g) => {
      const client = groupBy === 'client' ? byId.get(g.key) : undefined;
      const count = g.overdue > 0 ? vscode.l10n.t('{0} of {1} overdue', g.overdue, g.rows.length + g.quiet.length) : String(g.rows.length + g.quiet.length);
      const where = client ? vscode.workspace.asRelativePath(client.uri) : undefined;
      return {
        type: 'group',
        id: g.key,
        label: client ? g.label! : DATE_LABELS[g.key as DateGroup](),
        description: count,
        tooltip: where,
        children: [...g.quiet.map((q) => quietNodes.get(q)!), ...g.rows.map((r) => nodes.get(r)!)],
        overdue: g.overdue,
        client: client?.uri,
      };
    });
    this.recordsAdded = false;
    this.rebuildMs = performance.now() - t0;
  }

  private recordsAdded = false;

  /**
   * Each client's on-time record, in its group's description and tooltip: only when the view asks for its rows.
   * The badge and the status bar count overdue promises without it, and the record needs every log's history,
   * read from disk once more: asking for it on every rebuild read all 10,000 logs of a big workspace again in
   * every new window, the Promises view closed or not.
   */
  private addRecords(): void {
    if (this.recordsAdded || !this.records) return;
    this.recordsAdded = true;
    const { now, timeZone } = analyzeOptions(this.clock.now());
    this.roots = this.roots.map((g) => {
      const rec = g.client && this.record(g.client, now, timeZone);
      return rec ? { ...g, description: `${g.description} · ${rec.text}`, tooltip: g.tooltip ? `${g.tooltip}\n\n${rec.tooltip}` : rec.tooltip } : g;
    });
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.changeEmitter.dispose();
  }
}

/** A quiet client's row: how long since the latest entry, the cadence, and a click opens the log. */
function quietItem(n: QuietNode, groupBy: GroupBy): vscode.TreeItem {
  const locale = vscode.env.language;
  const t = new vscode.TreeItem(vscode.l10n.t('No entry for {0}', durationDays(n.days, locale)), vscode.TreeItemCollapsibleState.None);
  t.id = `${n.uri.toString()}#quiet`;
  const aim = vscode.l10n.t('you aim for every {0}', durationDays(n.cadence, locale));
  t.description = groupBy === 'date' ? `${aim} · ${n.client}` : aim;
  t.iconPath = new vscode.ThemeIcon('bell-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  t.contextValue = 'client.quiet';
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(n.client)}**\n\n`);
  md.appendText(vscode.l10n.t('Latest entry: {0}', n.lastEntry));
  t.tooltip = md;
  t.accessibilityInformation = { label: `${n.client}: ${vscode.l10n.t('No entry for {0}', durationDays(n.days, locale))}, ${aim}` };
  t.command = {
    command: 'vscode.open',
    title: vscode.l10n.t('Open'),
    arguments: [n.uri, { selection: new vscode.Range(n.line, 0, n.line, 0), preserveFocus: false } satisfies vscode.TextDocumentShowOptions],
  };
  return t;
}

/** The client's name; with the workspace folder when two roots have clients of the same name. */
function clientLabel(e: IndexedLog, nameCount: Map<string, number>): string {
  const name = e.log.client || vscode.workspace.asRelativePath(e.uri);
  if ((nameCount.get(e.log.client) ?? 0) > 1) {
    const where = e.folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? e.folder.name : vscode.workspace.asRelativePath(e.uri, false);
    return `${name} (${where})`;
  }
  return name;
}

/** "2 days overdue", "today", "tomorrow", "in 3 days" in the display language. */
export function relative(n: Pick<ItemNode, 'band' | 'days' | 'item' | 'age'>): string {
  const locale = vscode.env.language;
  if (n.item.kind === 'scope') {
    return n.band === 'overdue' ? vscode.l10n.t('unconfirmed for {0}', durationDays(n.age ?? -n.days, locale)) : vscode.l10n.t('awaiting confirmation');
  }
  if (n.band === 'overdue') {
    if (n.days === 0) return vscode.l10n.t('overdue since {0}', n.item.time ?? '');
    return n.item.kind === 'waiting'
      ? vscode.l10n.t('follow up: {0} late', durationDays(-n.days, locale))
      : vscode.l10n.t('{0} overdue', durationDays(-n.days, locale));
  }
  if (n.band === 'today') return n.item.time ? vscode.l10n.t('today at {0}', n.item.time) : vscode.l10n.t('today');
  return relativeDays(n.days, locale);
}

function tooltip(n: ItemNode): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  const kind =
    n.item.kind === 'promise'
      ? vscode.l10n.t('Promise')
      : n.item.kind === 'waiting'
        ? vscode.l10n.t('Waiting on the client')
        : vscode.l10n.t('Scope change awaiting confirmation');
  md.appendMarkdown(`**${escapeMarkdown(kind)}** · ${escapeMarkdown(n.client)}\n\n`);
  md.appendText(n.item.text);
  md.appendMarkdown('\n\n');
  const dateLabel = n.item.kind === 'promise' ? vscode.l10n.t('Due') : n.item.kind === 'waiting' ? vscode.l10n.t('Follow up') : vscode.l10n.t('Raised');
  md.appendMarkdown(
    `- ${escapeMarkdown(dateLabel)}: \`${n.item.date}${n.item.time ? ` ${n.item.time}` : ''}\` (${escapeMarkdown(n.timeZone)}) · ${escapeMarkdown(relative(n))}\n`,
  );
  if (n.contact) md.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Contact'))}: ${escapeMarkdown(n.contact)}\n`);
  if (n.item.recur) {
    const rule = describeRule(n.item.recur, vscode.l10n.t, vscode.env.language);
    md.appendMarkdown(
      `- $(sync) ${escapeMarkdown(vscode.l10n.t('Repeats {0}; closing it adds the next one', rule))} (\`${escapeMarkdown(n.item.recur.text)}\`)\n`,
    );
  }
  const moved = n.item.history.filter((h) => h.verb === 'moved');
  for (const h of moved) md.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Moved from {0}', h.from ?? '?'))}${h.by ? ` · ${escapeMarkdown(h.by)}` : ''}\n`);
  md.appendMarkdown(
    `- ${escapeMarkdown(vscode.l10n.t('Promised in'))}: ${escapeMarkdown(vscode.workspace.asRelativePath(n.uri))}:${n.item.line + 1}${n.entryTitle ? ` · ${escapeMarkdown(n.entryTitle)}` : ''}\n`,
  );
  return md;
}

export interface TreeViews extends vscode.Disposable {
  readonly promises: ItemsProvider;
  readonly waiting: ItemsProvider;
}

/** Overdue promises across the workspace (the badge and status bar count). */
export function overdueCount(p: ItemsProvider): number {
  return p.overdueCount();
}

/** Registers the two views, their title actions, the badge and the status bar item. */
export function registerPromiseTree(index: WorkspaceIndex, clock: Clock, time: TimeScheduler, state: vscode.Memento, records?: ReviewInputs): TreeViews {
  const view = new ViewState(state.get<GroupBy>('clientlog.groupBy', 'client'));
  const promises = new ItemsProvider(index, clock, new Set(['promise']), view, records);
  const waiting = new ItemsProvider(index, clock, new Set(['waiting', 'scope']), view);

  const promisesView = vscode.window.createTreeView('clientlog.promises', { treeDataProvider: promises, showCollapseAll: true });
  const waitingView = vscode.window.createTreeView('clientlog.waiting', { treeDataProvider: waiting, showCollapseAll: true });

  const status = vscode.window.createStatusBarItem('clientlog.overdue', vscode.StatusBarAlignment.Left, 50);
  status.name = vscode.l10n.t('Clientlog: overdue promises');
  status.command = 'clientlog.showPromises';

  const setContext = () => {
    void vscode.commands.executeCommand('setContext', 'clientlog.groupBy', view.groupBy);
    void vscode.commands.executeCommand('setContext', 'clientlog.filtered', view.filtered);
    void vscode.commands.executeCommand('setContext', 'clientlog.hasLogs', index.size > 0);
  };

  const refreshBadges = () => {
    const n = overdueCount(promises);
    promisesView.badge = n > 0 ? { value: n, tooltip: vscode.l10n.t('{0} overdue promises', n) } : undefined;
    const f = view.filter;
    const parts = [f.overdueOnly ? vscode.l10n.t('overdue only') : '', f.clientLabel ?? '', f.text ? `"${f.text}"` : ''].filter(Boolean);
    promisesView.message = parts.length ? vscode.l10n.t('Filtered: {0}', parts.join(', ')) : undefined;
    const showStatus = vscode.workspace.getConfiguration('clientlog').get<boolean>('statusBar.enabled', true);
    if (n > 0 && showStatus) {
      status.text = `$(warning) ${n}`;
      status.tooltip = vscode.l10n.t('{0} overdue promises: show them', n);
      status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      status.show();
    } else {
      status.hide();
    }
    setContext();
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    promises.invalidate();
    waiting.invalidate();
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      refreshBadges();
    }, 50);
  };

  const setGroup = (g: GroupBy) => {
    view.groupBy = g;
    void state.update('clientlog.groupBy', g);
    refresh();
  };

  const pickFilter = async () => {
    type P = vscode.QuickPickItem & { run: () => Promise<void> | void };
    const picks: P[] = [
      {
        label: `$(search) ${vscode.l10n.t('Filter by text…')}`,
        run: async () => {
          const text = await vscode.window.showInputBox({
            prompt: vscode.l10n.t('Show promises whose text, client or contact contains'),
            value: view.filter.text,
          });
          if (text !== undefined) view.filter = { ...view.filter, text: text.trim() || undefined };
        },
      },
      {
        label: `$(error) ${vscode.l10n.t('Overdue only')}`,
        picked: !!view.filter.overdueOnly,
        run: () => {
          view.filter = { ...view.filter, overdueOnly: !view.filter.overdueOnly };
        },
      },
      {
        label: `$(account) ${vscode.l10n.t('One client…')}`,
        run: async () => {
          const clients = new Map<string, string>();
          for (const n of [...promises.allItems(), ...waiting.allItems()]) clients.set(n.clientKey, n.client);
          const pick = await vscode.window.showQuickPick(
            [...clients].sort((a, b) => a[1].localeCompare(b[1])).map(([key, label]) => ({ label, key })),
            { placeHolder: vscode.l10n.t('Show the promises of one client') },
          );
          if (pick) view.filter = { ...view.filter, client: pick.key, clientLabel: pick.label };
        },
      },
      {
        label: `$(clear-all) ${vscode.l10n.t('Clear filter')}`,
        run: () => {
          view.filter = {};
        },
      },
    ];
    const pick = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Filter the promise views') });
    if (!pick) return;
    await pick.run();
    refresh();
  };

  /** Logs changed, or their findings' time came: counted again. */
  const changed = (uris: readonly vscode.Uri[]) => {
    promises.forgetOverdue(uris);
    waiting.forgetOverdue(uris);
    refresh();
  };

  refresh();
  const disposable = vscode.Disposable.from(
    promises,
    waiting,
    promisesView,
    waitingView,
    status,
    index.onDidChange(changed),
    ...(records ? [records.onDidLoad(refresh)] : []),
    time.onDidChange(changed),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAnalysis(e)) {
        promises.forgetOverdue();
        waiting.forgetOverdue();
      }
      if (affectsAnalysis(e) || e.affectsConfiguration('clientlog.statusBar.enabled')) refresh();
    }),
    vscode.commands.registerCommand('clientlog.tree.groupByClient', () => setGroup('client')),
    vscode.commands.registerCommand('clientlog.tree.groupByDate', () => setGroup('date')),
    vscode.commands.registerCommand('clientlog.tree.filter', pickFilter),
    vscode.commands.registerCommand('clientlog.tree.clearFilter', () => {
      view.filter = {};
      refresh();
    }),
    vscode.commands.registerCommand('clientlog.tree.refresh', async () => {
      await index.rescan();
      refresh();
    }),
    vscode.commands.registerCommand('clientlog.showPromises', async () => {
      await vscode.commands.executeCommand('clientlog.promises.focus');
    }),
  );
  return { promises, waiting, dispose: () => disposable.dispose() };
}
