/**
 * The Node extension host's entry (package.json `main`, dist/node.js): the extension itself is dist/extension.js,
 * the one bundle the web worker host runs too (package.json `browser`), required here at run time and not
 * bundled again; this file only hands it the services that need Node (the file service of ./files.ts). So the
 * web bundle stays free of Node and within its size budget, and both hosts run the same extension code.
 */
import * as vscode from 'vscode';
import type * as Shared from '../extension';
import { workspaceFiles } from '../host/files';
import { nodeFiles } from './files';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const shared = require('./extension.js') as typeof Shared;

export function activate(context: vscode.ExtensionContext): void {
  shared.activate(context, nodeFiles(workspaceFiles(vscode.workspace.fs)));
}

export function deactivate(): void {
  shared.deactivate();
}
