/** Folding ranges of a log. */
import type { ClientLog } from '../model';

export interface Fold {
  readonly start: number;
  readonly end: number;
  readonly kind: 'frontMatter' | 'entry' | 'note';
}

/** Folding ranges: the front matter, each entry (heading to last content line), each note block. */
export function foldingRanges(log: ClientLog): Fold[] {
  const out: Fold[] = [];
  const fm = log.frontMatter;
  if (fm && fm.endLine > fm.startLine) out.push({ start: fm.startLine, end: fm.endLine, kind: 'frontMatter' });
  for (const e of log.entries) if (e.lastContentLine > e.line) out.push({ start: e.line, end: e.lastContentLine, kind: 'entry' });
  for (const n of log.notes) if (n.endLine > n.line) out.push({ start: n.line, end: n.endLine, kind: 'note' });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
