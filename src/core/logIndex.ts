/**
 * The rules of the workspace index, without VS Code: which text a log's model comes from, when it is kept
 * whole or compact, and what changed since the listeners were last told. The host (host/workspaceIndex.ts)
 * only forwards editor and file events here and reads files.
 *
 * - An editor's text wins: while an editor shows a log, the disk's text is ignored (unsaved changes count).
 * - Typing re-parses only what changed: an editor's text is kept as a `ParsedDocument` and each change is
 *   spliced in (`reparse`); a gap in the editor's versions (a change not seen) parses the whole text again.
 * - A log no editor shows is kept compact (`compactLog`: what the views and diagnostics need); closing its
 *   editor compacts it at once, until the host has read the file on disk again.
 * - A rename moves the model to the new name at once (the host then reads the file there).
 * - Changes are batched: `takeChanges` returns each changed key once, however many events touched it.
 */
import { compactLog } from './analyze';
import { parseDocument, reparse, type ParsedDocument, type TextChange } from './incremental';
import type { ClientLog } from './model';
import { parse, parseBytes } from './parse';

/** What the index holds for a log: its model, where it came from, and the host's own data (`M`: its URI, folder...). */
export type IndexedEntry<M> = M & {
  readonly log: ClientLog;
  /** Whether the model came from an editor's (possibly unsaved) text. */
  readonly fromEditor: boolean;
};

interface Slot<M> {
  entry: IndexedEntry<M>;
  /** The editor's text and the version it is at, while an editor shows the log. */
  editor?: { doc: ParsedDocument; version: number };
}

export class LogIndex<M extends object> {
  private readonly slots = new Map<string, Slot<M>>();
  private readonly changed = new Set<string>();

  get(key: string): IndexedEntry<M> | undefined {
    return this.slots.get(key)?.entry;
  }

  all(): IndexedEntry<M>[] {
    return [...this.slots.values()].map((s) => s.entry);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Whether an editor shows the log (its text then wins over the disk's). */
  inEditor(key: string): boolean {
    return this.slots.get(key)?.editor !== undefined;
  }

  /** The editor's version the model is at (undefined: no editor shows the log). */
  editorVersion(key: string): number | undefined {
    return this.slots.get(key)?.editor?.version;
  }

  /** An editor shows this text (just opened, or read again in full): it is parsed whole and wins over the disk. */
  setEditorText(key: string, meta: M, fileName: string, text: string, version: number): IndexedEntry<M> {
    const doc = parseDocument(text, { fileName });
    return this.put(key, { entry: { ...meta, log: doc.log, fromEditor: true }, editor: { doc, version } });
  }

  /**
   * An editor's text changed (VS Code's `contentChanges`, applied in order, now at `version`): only the
   * entries the changes touch are parsed again. When the index is not at the version before this one (an
   * event it did not see, or no editor model yet), `text()` is parsed whole instead.
   */
  applyEditorChanges(key: string, meta: M, fileName: string, changes: readonly TextChange[], version: number, text: () => string): IndexedEntry<M> {
    const ed = this.slots.get(key)?.editor;
    if (!ed || ed.version >= version || ed.doc.options.fileName !== fileName || (changes.length > 0 && ed.version !== version - 1)) {
      return this.setEditorText(key, meta, fileName, text(), version);
    }
    let doc = ed.doc;
    for (const c of changes) doc = reparse(doc, c);
    return this.put(key, { entry: { ...meta, log: doc.log, fromEditor: true }, editor: { doc, version } });
  }

  /** The file's text on disk. Ignored (false) while an editor shows the log; otherwise kept compact. */
  setDiskText(key: string, meta: M, fileName: string, text: string): boolean {
    if (this.inEditor(key)) return false;
    this.put(key, { entry: { ...meta, log: compactLog(parse(text, { fileName })), fromEditor: false } });
    return true;
  }

  /**
   * `setDiskText` for the file's bytes, decoded as they say (UTF-8, UTF-16 with a BOM; a bad byte or
   * binary data is a finding of the log, see decodeLog).
   */
  setDiskBytes(key: string, meta: M, fileName: string, bytes: Uint8Array): boolean {
    if (this.inEditor(key)) return false;
    this.put(key, { entry: { ...meta, log: compactLog(parseBytes(bytes, { fileName })), fromEditor: false } });
    return true;
  }

  /** The compact model of the file on disk, kept from an earlier window (see logStore.ts). Ignored (false) while an editor shows the log. */
  setDiskLog(key: string, meta: M, log: ClientLog): boolean {
    if (this.inEditor(key)) return false;
    this.put(key, { entry: { ...meta, log: compactLog(log), fromEditor: false } });
    return true;
  }

  /** The file is gone from disk (deleted, unreadable, no longer a log). Kept while an editor shows it. */
  diskGone(key: string): void {
    if (this.inEditor(key)) return;
    if (this.slots.delete(key)) this.changed.add(key);
  }

  /**
   * The editor showing the log closed. `onDisk`: the file exists on disk; its model is compacted now and the
   * host reads the disk's text again (unsaved changes were discarded). Otherwise (untitled) it is dropped.
   */
  editorClosed(key: string, onDisk: boolean): void {
    const slot = this.slots.get(key);
    if (!slot?.editor) return;
    if (!onDisk) {
      this.slots.delete(key);
      this.changed.add(key);
      return;
    }
    this.put(key, { entry: { ...slot.entry, log: compactLog(slot.entry.log), fromEditor: false } });
  }

  /**
   * A file was renamed. A model no editor holds moves to the new key at once (`meta` is the new one), so
   * the views keep its items while the host reads the file there; `isLog` false: the new name is not a log.
   */
  renamed(oldKey: string, newKey: string, meta: M, isLog: boolean): void {
    const slot = this.slots.get(oldKey);
    if (!slot || slot.editor) return;
    this.slots.delete(oldKey);
    this.changed.add(oldKey);
    if (isLog && !this.slots.has(newKey)) this.put(newKey, { entry: { ...slot.entry, ...meta } });
  }

  /** After a full scan found `keys`: every other log goes, unless an editor shows it. */
  retain(keys: ReadonlySet<string>): void {
    for (const [key, slot] of this.slots) {
      if (keys.has(key) || slot.editor) continue;
      this.slots.delete(key);
      this.changed.add(key);
    }
  }

  /** The keys whose model changed (added, changed or removed) since the last call, each once. */
  takeChanges(): string[] {
    const out = [...this.changed];
    this.changed.clear();
    return out;
  }

  get hasChanges(): boolean {
    return this.changed.size > 0;
  }

  private put(key: string, slot: Slot<M>): IndexedEntry<M> {
    this.slots.set(key, slot);
    this.changed.add(key);
    return slot.entry;
  }
}

/**
 * Whether a document with this URI scheme is one of the user's logs: a file (`file`), one the user is writing
 * (`untitled`), or a file of the workspace's own file system (the scheme of a workspace folder, such as
 * `vscode-vfs` for a remote repository). Never `git:` (the HEAD side of Open Changes), a diff, an output,
 * a merge or any other read-only view of a log: those would count its promises twice.
 */
export function isUserLogScheme(scheme: string, workspaceSchemes: Iterable<string>): boolean {
  if (scheme === 'file' || scheme === 'untitled') return true;
  if (READ_ONLY_VIEWS.has(scheme)) return false;
  for (const s of workspaceSchemes) if (s === scheme) return true;
  return false;
}

/** Schemes that only ever show another document's text, whatever the workspace is. */
const READ_ONLY_VIEWS = new Set(['git', 'gitfs', 'vscode-scm', 'output', 'merge-conflict.conflict-diff', 'vscode-userdata', 'vscode-notebook-cell-output']);
