import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/**
 * The "Clientlog" output channel (View > Output), where errors the extension recovers from are written
 * instead of being swallowed: a file that cannot be read, a parser failure, a failed scan. Its level is
 * VS Code's own for it ("Developer: Set Log Level…", or the gear in the Output view); at Debug it also
 * says which files went before they could be read. Created on first use.
 */
export const output = {
  error: (message: string, ...args: unknown[]) => get().error(message, ...args),
  warn: (message: string, ...args: unknown[]) => get().warn(message, ...args),
  info: (message: string, ...args: unknown[]) => get().info(message, ...args),
  debug: (message: string, ...args: unknown[]) => get().debug(message, ...args),
  /** Disposes the channel (at deactivation). */
  dispose: () => {
    channel?.dispose();
    channel = undefined;
  },
};

function get(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Clientlog', { log: true });
  return channel;
}
