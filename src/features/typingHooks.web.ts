import type * as vscode from 'vscode';

/** The web bundle's ./typingHooks.ts: none (the typing scenario runs in the Node host only). */
export const typingHooks = (_index: unknown): vscode.Disposable[] => [];
