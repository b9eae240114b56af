/**
 * The Node extension host's file service (see src/host/files.ts): `file:` URIs are stat'ed and read with
 * node:fs, synchronously, and every other scheme goes to `fallback` (`workspace.fs`).
 *
 * Why synchronous: a file of the index is a few kilobytes in the page cache, and `readFileSync` reads it in
 * tens of microseconds. `workspace.fs.readFile` is an open, a stat, a read and a close, each a round trip
 * through libuv's four threads, plus VS Code's own handling: 10,000 of them took about 11 s in a loaded
 * extension host that sat idle most of that time (the command line measured the same: fs.promises twice as
 * slow as readFileSync over 10,000 files). The callers yield between files, so the extension host still gets
 * its event loop back every few milliseconds.
 *
 * Writes (the persisted index's files, tens of megabytes at 10,000 logs) are asynchronous, in libuv's threads, as
 * `workspace.fs` made them too here (VS Code's own disk provider in the Node extension host): one service for the
 * index's reads and writes.
 *
 * Errors are Node's (`code` ENOENT for a file that is gone, which `isFileGone` recognises, EISDIR, EACCES...).
 * No `vscode` import: the unit tests run it as it is.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Files, FileStat } from '../host/files';

/** What the service needs of a URI (a `vscode.Uri` has both). */
interface FileUri {
  readonly scheme: string;
  readonly fsPath: string;
}

/** The service: every call a promise (the fallback's answers too). */
export interface NodeFiles extends Files {
  stat(uri: Parameters<Files['stat']>[0]): Promise<FileStat>;
  readFile(uri: Parameters<Files['readFile']>[0]): Promise<Uint8Array>;
  writeFile(uri: Parameters<Files['writeFile']>[0], bytes: Uint8Array): Promise<void>;
}

export function nodeFiles(fallback: Files): NodeFiles {
  return {
    stat: async (uri) => (isLocal(uri) ? statOf(uri.fsPath) : fallback.stat(uri)),
    readFile: async (uri) => (isLocal(uri) ? readFileSync(uri.fsPath) : fallback.readFile(uri)),
    writeFile: async (uri, bytes) => {
      if (!isLocal(uri)) return fallback.writeFile(uri, bytes);
      await mkdir(dirname(uri.fsPath), { recursive: true });
      await writeFile(uri.fsPath, bytes);
    },
  };
}

const isLocal = (uri: FileUri) => uri.scheme === 'file';

function statOf(path: string): FileStat {
  const st = statSync(path);
  return { size: st.size, mtime: st.mtimeMs };
}
