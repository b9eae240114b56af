// Issue 12: what one keystroke costs the extension, measured where it ships. A 50,000-line log is open and
// a 110-character promise line is typed into it one character per edit (quick suggestions off); the index follows each change with the core's incremental re-parse (contentChanges), and
// `clientlog._test.editTimes` reports how long each took in the extension host. The index's model then
// equals a full parse of the editor's text. The figures go to test-results/e2e/typing-big-log.json (read by
// `npm run bench` into docs/BENCHMARKS.md), next to a full parse of the same document for comparison.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR, waitFor } from '../lib/harness.mjs';
import { openFile, setNow } from '../lib/promises.mjs';
import { waitForExplorerFile } from '../lib/workbench.mjs';

export const name = 'typing in a 50,000-line log: per-keystroke cost in the extension host, and the index stays exact';
export const timeout = 600_000;

const FILE = 'big.clientlog';
const TYPED = 'PROMISE 2026-12-09 Send the revised depot plan to @sarah and @tom #plan, then call them both to agree on it';

/** A log of exactly 50,000 lines: a front matter, then entries of ten lines (promises, waits, notes). */
function bigLog() {
  const lines = [
    '---',
    'client: Big Client',
    'timezone: Europe/Sofia',
    'contacts:',
    '  - name: Sarah',
    '    handle: sarah',
    '  - name: Tom',
    '    handle: tom',
    '---',
  ];
  for (let e = 0; lines.length < 50_000; e++) {
    const day = new Date(Date.UTC(2020, 0, 1) + e * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      '',
      `## ${day} Call ${e} with @sarah`,
      `Notes of call ${e}: the depot plan, the budget and the next steps.`,
      `PROMISE ${day} Send the minutes of call ${e} to @sarah #minutes | kept ${day}`,
      `WAITING ${day} @tom to confirm the figures of call ${e} | received ${day}`,
      `Tom asked about the timeline; Sarah wants it in writing.`,
      `PROMISE ${day} Update the plan after call ${e} #plan | kept ${day}`,
      `SCOPE ${day} Add the depot ${e} | confirmed ${day} by @sarah`,
      'Nothing else.',
    );
  }
  return lines.slice(0, 50_000).join('\n') + '\n';
}

export const session = {
  files: { [FILE]: bigLog() },
  settings: {
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    'editor.suggestOnTriggerCharacters': false,
    'editor.wordBasedSuggestions': 'off',
  },
};

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export async function run({ page, probe, workspaceDir, screenshot }) {
  await waitForExplorerFile(page, FILE);
  await probe.waitForActivation();
  await setNow(probe);
  const at = 25_000; // the middle of the file (0-based line)
  await openFile(page, probe, FILE, at);
  const uri = (await probe.command('probe.state')).activeEditor.uri;
  await probe.command('probe.insertText', ['\n', { $position: [at, 10_000] }]);
  await waitFor(async () => (await probe.command('clientlog._test.indexMatches', [uri])).matches, { message: 'the index to hold the editor text' });
  await probe.command('clientlog._test.editTimes', [true]);

  // One edit per character, as typing makes them (each an onDidChangeTextDocument with one content change).
  for (let ch = 0; ch < TYPED.length; ch++) await probe.command('probe.insertText', [TYPED[ch], { $position: [at + 1, ch] }]);
  const lines = (await probe.command('probe.getText', [FILE])).split('\n');
  assert.equal(lines[at + 1], TYPED);
  const times = await waitFor(
    async () => {
      const t = await probe.command('clientlog._test.editTimes');
      return t.length >= TYPED.length ? t : null;
    },
    { message: 'one timed index update per keystroke' },
  );
  const check = await probe.command('clientlog._test.indexMatches', [uri, 15]);
  assert.equal(check.matches, true, "the index's model equals a full parse of the editor's text");
  assert.equal(check.lines, 50_002);

  const figures = {
    lines: check.lines,
    bytes: fs.statSync(path.join(workspaceDir, FILE)).size,
    keystrokes: times.length,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: Math.max(...times),
    fullParseP50: pct(check.fullParseMs, 50),
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'typing-big-log.json'), JSON.stringify(figures, null, 2) + '\n');
  console.log(
    `      per keystroke in the extension host: p50 ${figures.p50.toFixed(2)} ms, p95 ${figures.p95.toFixed(2)} ms, max ${figures.max.toFixed(1)} ms over ${figures.keystrokes} keystrokes; a full parse: ${figures.fullParseP50.toFixed(1)} ms`,
  );
  // Incremental: a keystroke costs a small fraction of re-parsing the whole document.
  assert.ok(figures.p50 < figures.fullParseP50 / 5, `p50 ${figures.p50} ms vs a full parse ${figures.fullParseP50} ms`);
  await screenshot('typed');
}
