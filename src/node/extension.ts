/**
 * The Node extension host's entry (package.json `main`, dist/node.js): the extension itself is dist/extension.js,
 * the one bundle the web worker host runs too (package.json `browser`), required here at run time and not
 * bundled again; this file only hands it what needs Node: the file service (./files.ts) and the worker thread
 * that reads and parses closed files (./parseWorker.ts, which runs this same file).
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type * as Shared from '../extension';
import { nodeFiles } from './files';
import { serveIfParseWorker, workerReader } from './parseWorker';

let shared: typeof Shared | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // Required here, not at the top: the worker thread runs this file too, and has no `vscode`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  shared = require('./extension.js') as typeof Shared;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { workspace } = require('vscode') as typeof vscode;
  const reader = workerReader(__filename, path.join(__dirname, 'cli-parse.js'));
  context.subscriptions.push(reader);
  shared.activate(context, nodeFiles(workspace.fs), reader);
}

export function deactivate(): void {
  shared?.deactivate();
}

serveIfParseWorker();
