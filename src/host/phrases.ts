import * as vscode from 'vscode';
import { phrasesLoaded, setPhrases, type Phrases } from '../core';

let loading: Promise<void> | undefined;

/**
 * The drafts' plain sentences (src/core/drafts/phrases.json), which dist/extension.js leaves out to stay small
 * (vscode.dev downloads it on every start): read once, through workspace.fs, from dist/phrases.json beside it,
 * which the Node host and the browser's web worker host both serve. A draft awaits this first.
 */
export function loadPhrases(extensionUri: vscode.Uri): Promise<void> {
  if (phrasesLoaded()) return Promise.resolve();
  loading ??= (async () => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'phrases.json'));
    setPhrases(JSON.parse(new TextDecoder().decode(bytes)) as Phrases);
  })().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
