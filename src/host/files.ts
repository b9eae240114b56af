import type * as vscode from 'vscode';
import type { FileStamp } from '../core';

/** A file's size (bytes) and modification time (ms since the epoch). */
export interface FileStat {
  readonly size: number;
  readonly mtime: number;
}

/**
 * How the extension stats and reads the files it indexes (the workspace index, the persisted index, the Weekly
 * Review's inputs: `WorkspaceIndex.files`). Both reject when the file cannot be read; `isFileGone(e)` tells a
 * file that is no longer there (deleted or renamed since it was listed) from one that cannot be read.
 *
 * `vscode.workspace.fs` is one (VS Code's file systems: the web worker host, a virtual workspace, every scheme
 * VS Code has; its `writeFile` creates missing folders). The Node extension host passes its own (src/node/files.ts):
 * `file:` URIs read with node:fs, one system call each, instead of one `workspace.fs` round trip per call, and
 * written with node:fs off the extension host's thread.
 */
export interface Files {
  stat(uri: vscode.Uri): PromiseLike<FileStat>;
  readFile(uri: vscode.Uri): PromiseLike<Uint8Array>;
  /** Replaces the file's bytes, creating it and its folders when missing (the persisted index's own files). */
  writeFile(uri: vscode.Uri, bytes: Uint8Array): PromiseLike<void>;
}

/**
 * Reads and parses closed files away from the extension host's thread: the Node host's worker thread
 * (src/node/parseWorker.ts). The web worker host has none (it parses as it reads, between yields).
 */
export interface LogReader {
  /**
   * A closed file's compact model, as `storeCompact`'s JSON, or undefined when it was not parsed there (then
   * the caller reads and parses the file itself). With `from`, its recent review input from that day too
   * (`recentInput`, JSON in UTF-8). Rejects as `Files.readFile` does when the file cannot be read.
   */
  compact(uri: vscode.Uri, from?: string): Promise<Parsed | undefined>;
}

/** What a `LogReader` made of a file: its compact model's JSON, and its recent review input's when asked for. */
export interface Parsed {
  readonly json: string;
  readonly review?: Uint8Array;
  /** The file's size and mtime, stat'ed on the descriptor it was read from, before the read (the persisted index's stamp). */
  readonly stamp?: FileStamp;
}

/** Whether a `Files` call failed because the file is not there (any more): `workspace.fs`'s FileNotFound, Node's ENOENT. */
export function isFileGone(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'FileNotFound' || code === 'ENOENT' || code === 'ENOTDIR';
}
