/**
 * False here, true in the web worker host's bundle (dist/extension.js, which vscode.dev downloads on every start,
 * held to a size budget): it is built from ./bundle.web.ts instead (scripts/extension-build.mjs resolves a
 * sibling `x.web.ts` first), and esbuild folds the constant, so what only the Node host runs (its parse worker's
 * path, say) is not downloaded by the browser.
 */
export const WEB_BUNDLE: boolean = false;

/**
 * The files (in dist/) of the code that makes this host's models, whose bytes stamp the persisted index: a
 * store written by other code is ignored. The Node host's bundle, its parse worker and the parser they share.
 */
export const BUNDLE_FILES: readonly string[] = ['node.js', 'parse-worker.js', 'cli-parse.js'];
