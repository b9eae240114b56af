/** The document outline of a log (front matter and contacts, entries with their items and notes). */
import type { ClientLog, TrackedState } from '../model';
import { inside, lineRange, range, type Range } from '../text';

export type OutlineKind = 'client' | 'contact' | 'entry' | 'promise' | 'waiting' | 'scope' | 'urgent' | 'apology' | 'refusal' | 'escalation';

export interface OutlineNode {
  readonly kind: OutlineKind;
  /** The name shown (client name, entry "date [time] title", item text, note title, contact name). */
  readonly name: string;
  /** The whole extent (for an entry: heading to its last line). */
  readonly range: Range;
  /** What is revealed and highlighted (the heading, the line, the handle). */
  readonly selectionRange: Range;
  /** Tracked items: their state, and their date. Entries: their date. */
  readonly state?: TrackedState;
  readonly date?: string;
  readonly time?: string;
  /** Contacts: role and handle. URGENT: the triage. */
  readonly role?: string;
  readonly handle?: string;
  readonly triage?: string;
  readonly children: OutlineNode[];
}

/**
 * The document outline: the client (front matter, with its contacts), then each dated entry holding its
 * promises, waits, scope changes, urgent lines and notes. Items before the first entry are top-level.
 * `lineLength` gives the length of a line, so ranges end at the end of their last line.
 */
export function outline(log: ClientLog, lineLength: (line: number) => number): OutlineNode[] {
  const out: OutlineNode[] = [];
  const fm = log.frontMatter;
  if (fm) {
    out.push({
      kind: 'client',
      name: log.client,
      range: fm.range,
      selectionRange: lineRange(fm.startLine, 0, lineLength(fm.startLine)),
      children: fm.contacts.map((c) => ({
        kind: 'contact' as const,
        name: c.name,
        range: c.range,
        selectionRange: c.handleRange && inside(c.handleRange, c.range) ? c.handleRange : c.range,
        role: c.role,
        handle: c.handle,
        children: [],
      })),
    });
  }
  const entryNodes: OutlineNode[] = log.entries.map((e) => ({
    kind: 'entry',
    name: [e.date ?? '', e.time ?? '', e.title].filter(Boolean).join(' ') || e.title,
    range: range(e.line, 0, e.endLine, lineLength(e.endLine)),
    selectionRange: e.range,
    date: e.date,
    time: e.time,
    children: [],
  }));
  type Child = { line: number; entry: number; node: OutlineNode };
  const children: Child[] = [];
  for (const it of log.items) {
    children.push({
      line: it.line,
      entry: it.entry,
      node: {
        kind: it.kind,
        name: it.text,
        range: it.range,
        selectionRange: it.textRange.end.character > it.textRange.start.character ? it.textRange : it.range,
        state: it.state,
        date: it.date,
        time: it.time,
        children: [],
      },
    });
  }
  for (const u of log.urgents) {
    children.push({
      line: u.line,
      entry: u.entry,
      node: { kind: 'urgent', name: u.text, range: u.range, selectionRange: u.range, triage: u.triage, children: [] },
    });
  }
  for (const n of log.notes) {
    children.push({
      line: n.line,
      entry: n.entry,
      node: { kind: n.kind, name: n.title, range: range(n.line, 0, n.endLine, lineLength(n.endLine)), selectionRange: n.range, children: [] },
    });
  }
  children.sort((a, b) => a.line - b.line);
  const top: Child[] = [];
  for (const c of children) {
    const parent = c.entry >= 0 ? entryNodes[c.entry] : undefined;
    if (parent && inside(c.node.range, parent.range)) parent.children.push(c.node);
    else top.push(c);
  }
  // Top level in document order: the client, then entries and loose items by line.
  const rest = [...entryNodes.map((n) => ({ line: n.range.start.line, node: n })), ...top.map((c) => ({ line: c.line, node: c.node }))].sort(
    (a, b) => a.line - b.line,
  );
  out.push(...rest.map((r) => r.node));
  return out;
}
