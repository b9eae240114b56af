/**
 * The Node extension host's entry (package.json `main`, dist/node.js): a bundle of its own with the whole
 * extension inside (src/extension.ts, the same sources as the web worker host's dist/extension.js), handed the
 * services that need Node: the file service (./files.ts), the worker thread that reads and parses closed
 * files (./parseWorker.ts, run from dist/parse-worker.js) and the persisted index's native checksum (./checksum.ts). The parser itself is the command
 * line's dist/cli-parse.js, which this bundle, the worker and the CLI share (scripts/build.mjs); nothing here
 * counts against the web bundle's size budget.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate as activateExtension } from '../extension';
import { nodeChecksum } from './checksum';
import { nodeFiles } from './files';
import { workerReader } from './parseWorker';

export { deactivate } from '../extension';

export function activate(context: vscode.ExtensionContext): void {
  const reader = workerReader(path.join(__dirname, 'parse-worker.js'), path.join(__dirname, 'cli-parse.js'));
  context.subscriptions.push(reader);
  activateExtension(context, nodeFiles(vscode.workspace.fs), reader, nodeChecksum);
}
