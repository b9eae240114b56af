// c. The apology, refusal and escalation snippets are offered by completion (Ctrl+Space) in a
//    .clientlog file, and accepting one inserts its template.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { installedExtensionDir, waitFor } from '../lib/harness.mjs';
import { findSnippet, staticFragments } from '../lib/snippets.mjs';
import { acceptSuggestion, focusEditor, triggerSuggest, waitForActiveTab, waitForLanguageStatus } from '../lib/workbench.mjs';

export const name = 'snippets apology, refusal and escalation complete and insert their templates';

const FILE = 'e2e-snippets.clientlog';
export const session = {
  files: {
    [FILE]: '---\nclient: Snippet Test Ltd\nlanguage: en\n---\n\n## 2026-11-03 Call with the client\nThey asked about the invoice.\n',
  },
};

const PREFIXES = ['apology', 'refusal', 'escalation'];

export async function run({ page, probe, server, screenshot }) {
  const snippetsFile = path.join(installedExtensionDir(server.extensionsDir), 'snippets/clientlog.code-snippets');
  assert.ok(fs.existsSync(snippetsFile), `the packaged extension has no snippets/clientlog.code-snippets (rebuild clientlog.vsix)`);

  await probe.waitForActivation();
  await probe.command('probe.openFile', [FILE]);
  await waitForActiveTab(page, FILE);
  await waitForLanguageStatus(page, 'Client Log');
  await focusEditor(page);
  const position = page.locator('[id="status.editor.selection"]');

  for (const prefix of PREFIXES) {
    const snippet = findSnippet(snippetsFile, prefix);
    assert.ok(snippet, `no snippet with prefix "${prefix}" in ${snippetsFile}`);
    const expected = staticFragments(snippet.body);
    assert.ok(expected.length > 0, `snippet "${prefix}" has no static text to check`);

    // A blank line, then the prefix typed at column 0 of a new last line (typing goes through the keyboard;
    // the line breaks go through the probe so that on-enter indentation rules cannot shift the column).
    const current = await probe.command('probe.getText');
    const lines = current.split('\n');
    const last = { line: lines.length - 1, ch: lines[lines.length - 1].length };
    await probe.command('probe.insertText', [last.ch === 0 ? '\n' : '\n\n', { $position: [last.line, last.ch] }]);
    const target = last.line + (last.ch === 0 ? 1 : 2);
    await probe.command('probe.setCursor', [target, 0]);
    // The renderer applies the selection a moment later; typing before it lands splits the prefix
    // between the old cursor and the new one (seen on a loaded machine).
    await waitFor(async () => (await position.innerText().catch(() => '')).includes(`Ln ${target + 1}, Col 1`), {
      message: `the cursor on line ${target + 1}`,
    });
    const before = (await probe.command('probe.getText')).length;
    await page.keyboard.type(prefix);
    await waitFor(async () => (await probe.command('probe.getText')).endsWith(prefix), { message: `"${prefix}" to be typed` });

    const row = await triggerSuggest(page, prefix, { icon: 'symbol-snippet' });
    await screenshot(`snippets-${prefix}-suggest`);
    await acceptSuggestion(page, row);

    const text = await waitFor(
      async () => {
        const t = await probe.command('probe.getText');
        return t.length > before + prefix.length && expected.every((f) => t.includes(f)) ? t : null;
      },
      { message: `snippet "${prefix}" to insert ${JSON.stringify(expected)}` },
    );
    assert.ok(!text.trimEnd().endsWith(`\n${prefix}`), `the typed prefix "${prefix}" was replaced`);
    await page.keyboard.press('Escape'); // leave snippet mode
  }
  const final = await probe.command('probe.getText');
  for (const word of ['APOLOGY', 'REFUSAL', 'ESCALATION']) {
    assert.ok(final.includes(word), `inserted text contains ${word}`);
  }
}
