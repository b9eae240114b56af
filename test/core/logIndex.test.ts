import * as assert from 'node:assert/strict';
import { compactLog } from '../../src/core/analyze';
import { isUserLogScheme, LogIndex } from '../../src/core/logIndex';
import { parse } from '../../src/core/parse';
import type { Range } from '../../src/core/text';

const A = 'file:///w/a.clientlog';
const B = 'file:///w/b.clientlog';
const meta = (name: string) => ({ name });
const DISK = '## 2026-11-20 Call\nPROMISE 2026-11-23 From disk\n';
const EDITOR = '## 2026-11-20 Call\nPROMISE 2026-11-23 From the editor\nPROMISE 2026-11-24 Unsaved\n';
const texts = (ix: LogIndex<{ name: string }>, key: string) => ix.get(key)?.log.items.map((i) => i.text);
const at = (l1: number, c1: number, l2 = l1, c2 = c1): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('LogIndex (the workspace index rules, without VS Code)', () => {
  it("keeps an editor's text over the disk's, and the disk's once the editor closes", () => {
    const ix = new LogIndex<{ name: string }>();
    assert.equal(ix.setDiskText(A, meta('a'), '/w/a.clientlog', DISK), true);
    assert.equal(ix.get(A)?.fromEditor, false);
    assert.equal(ix.get(A)?.log.compact, true, 'a log no editor shows is kept compact');
    ix.setEditorText(A, meta('a'), '/w/a.clientlog', EDITOR, 1);
    assert.deepEqual(texts(ix, A), ['From the editor', 'Unsaved']);
    // A save elsewhere, a watcher event: the editor's unsaved text still wins.
    assert.equal(ix.setDiskText(A, meta('a'), '/w/a.clientlog', DISK), false);
    assert.deepEqual(texts(ix, A), ['From the editor', 'Unsaved']);
    assert.equal(ix.get(A)?.fromEditor, true);
    assert.equal(ix.get(A)?.log.compact, undefined);
    // Closed: compacted at once (the views keep its items), then the disk's text once read.
    ix.editorClosed(A, true);
    assert.equal(ix.get(A)?.log.compact, true);
    assert.equal(ix.get(A)?.fromEditor, false);
    assert.deepEqual(ix.get(A)?.log, compactLog(parse(EDITOR, { fileName: '/w/a.clientlog' })));
    assert.equal(ix.setDiskText(A, meta('a'), '/w/a.clientlog', DISK), true);
    assert.deepEqual(texts(ix, A), ['From disk']);
  });

  it("takes a stored model of a closed file (the persisted index), never over an editor's text", () => {
    const ix = new LogIndex<{ name: string }>();
    const stored = compactLog(parse(DISK, { fileName: '/w/a.clientlog' }));
    assert.equal(ix.setDiskLog(A, meta('a'), stored), true);
    assert.deepEqual(texts(ix, A), ['From disk']);
    assert.equal(ix.get(A)?.fromEditor, false);
    assert.deepEqual(ix.takeChanges(), [A]);
    ix.setEditorText(A, meta('a'), '/w/a.clientlog', EDITOR, 1);
    assert.equal(ix.setDiskLog(A, meta('a'), stored), false);
    assert.deepEqual(texts(ix, A), ['From the editor', 'Unsaved']);
  });

  it('drops an untitled log when its editor closes, and keeps a deleted file while an editor shows it', () => {
    const ix = new LogIndex<{ name: string }>();
    const U = 'untitled:Untitled-1';
    ix.setEditorText(U, meta('u'), 'Untitled-1', EDITOR, 1);
    ix.editorClosed(U, false);
    assert.equal(ix.get(U), undefined);
    ix.setEditorText(A, meta('a'), '/w/a.clientlog', EDITOR, 1);
    ix.diskGone(A);
    assert.deepEqual(texts(ix, A), ['From the editor', 'Unsaved']);
    ix.editorClosed(A, true);
    ix.diskGone(A);
    assert.equal(ix.get(A), undefined);
  });

  it('moves a model to its new name on rename, and drops it when the new name is not a log', () => {
    const ix = new LogIndex<{ name: string }>();
    ix.setDiskText(A, meta('a'), '/w/a.clientlog', DISK);
    ix.takeChanges();
    ix.renamed(A, B, meta('b'), true);
    assert.equal(ix.get(A), undefined);
    assert.deepEqual(texts(ix, B), ['From disk']);
    assert.equal(ix.get(B)?.name, 'b');
    assert.deepEqual(ix.takeChanges().sort(), [A, B]);
    ix.renamed(B, 'file:///w/b.txt', meta('t'), false);
    assert.equal(ix.size, 0);
  });

  it('retains only what a scan found, and whatever editors show', () => {
    const ix = new LogIndex<{ name: string }>();
    ix.setDiskText(A, meta('a'), '/w/a.clientlog', DISK);
    ix.setDiskText(B, meta('b'), '/w/b.clientlog', DISK);
    const C = 'file:///w/c.clientlog';
    ix.setEditorText(C, meta('c'), '/w/c.clientlog', EDITOR, 3);
    ix.retain(new Set([A]));
    assert.deepEqual(
      ix
        .all()
        .map((e) => e.name)
        .sort(),
      ['a', 'c'],
    );
  });

  it('batches: each changed log is reported once, however many events touched it', () => {
    const ix = new LogIndex<{ name: string }>();
    ix.setDiskText(A, meta('a'), '/w/a.clientlog', DISK);
    ix.setEditorText(A, meta('a'), '/w/a.clientlog', EDITOR, 1);
    ix.applyEditorChanges(A, meta('a'), '/w/a.clientlog', [{ range: at(1, 8), text: 'x' }], 2, () => assert.fail('not needed'));
    ix.setDiskText(B, meta('b'), '/w/b.clientlog', DISK);
    assert.equal(ix.hasChanges, true);
    assert.deepEqual(ix.takeChanges().sort(), [A, B]);
    assert.deepEqual(ix.takeChanges(), []);
    assert.equal(ix.hasChanges, false);
    ix.diskGone('file:///w/none.clientlog');
    assert.equal(ix.hasChanges, false, 'removing nothing changes nothing');
  });

  it("follows typing change by change, equal to parsing the editor's text", () => {
    const ix = new LogIndex<{ name: string }>();
    let text = EDITOR;
    ix.setEditorText(A, meta('a'), '/w/a.clientlog', text, 1);
    const edits: Array<{ range: Range; text: string }> = [
      { range: at(1, 8), text: '2' }, // inside the date: "2202..." is no longer a date
      { range: at(1, 8, 1, 9), text: '' },
      { range: at(3, 0), text: '\n## 2026-11-21 Next\nWAITING 2026-11-25 @ana the logo' },
      { range: at(2, 0, 3, 0), text: '' },
      { range: at(0, 0), text: '---\nclient: Acme\n---\n' }, // the front matter: a full parse inside reparse
    ];
    let version = 1;
    for (const e of edits) {
      text = apply(text, e.range, e.text);
      version++;
      const got = ix.applyEditorChanges(A, meta('a'), '/w/a.clientlog', [e], version, () => assert.fail('the index is at the previous version'));
      assert.deepEqual(got.log, parse(text, { fileName: '/w/a.clientlog' }), JSON.stringify(e));
    }
    assert.equal(ix.editorVersion(A), version);
  });

  it('parses the whole text when it missed a version (or never saw the document)', () => {
    const ix = new LogIndex<{ name: string }>();
    ix.setEditorText(A, meta('a'), '/w/a.clientlog', EDITOR, 1);
    let asked = 0;
    const got = ix.applyEditorChanges(A, meta('a'), '/w/a.clientlog', [{ range: at(0, 0), text: 'zzz' }], 3, () => (asked++, DISK));
    assert.equal(asked, 1);
    assert.deepEqual(got.log, parse(DISK, { fileName: '/w/a.clientlog' }));
    ix.applyEditorChanges(B, meta('b'), '/w/b.clientlog', [{ range: at(0, 0), text: 'x' }], 7, () => (asked++, EDITOR));
    assert.equal(asked, 2);
    assert.equal(ix.editorVersion(B), 7);
  });
});

describe('isUserLogScheme', () => {
  it("counts files, untitled logs and the workspace's own file system, never read-only views", () => {
    assert.equal(isUserLogScheme('file', []), true);
    assert.equal(isUserLogScheme('untitled', []), true);
    assert.equal(isUserLogScheme('vscode-vfs', ['vscode-vfs']), true);
    assert.equal(isUserLogScheme('vscode-vfs', ['file']), false);
    for (const s of ['git', 'gitfs', 'output', 'vscode-scm', 'merge-conflict.conflict-diff', 'vscode-userdata', 'diff', 'review']) {
      assert.equal(isUserLogScheme(s, ['file']), false, s);
    }
    assert.equal(isUserLogScheme('git', ['git']), false, 'git: is a view even where a folder claims the scheme');
  });
});

/** `text` with `range` replaced (positions in lines of `\n`). */
function apply(text: string, range: Range, insert: string): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(range.start)) + insert + text.slice(offset(range.end));
}
