/**
 * Issue 18: the Node host's worker thread that reads and parses closed files (src/node/parseWorker.ts), run as
 * the package runs it: dist/node.js (built by test/setup.ts) with the parser of dist/cli-parse.js. What it sends
 * is the compact model the extension host would have made itself, whatever the file holds.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { analyze, compactLog } from '../../src/core/analyze';
import { restoreCompact, storeCompact } from '../../src/core/logStore';
import { recentInput } from '../../src/core/review/input';
import { parseBytes } from '../../src/core/parse';
import { isFileGone } from '../../src/host/files';
import { workerReader } from '../../src/node/parseWorker';

const root = path.join(__dirname, '..', '..');
const script = path.join(root, 'dist', 'parse-worker.js');
const parser = path.join(root, 'dist', 'cli-parse.js');
const fileUri = (p: string) => ({ scheme: 'file', fsPath: p, path: p.replace(/\\/g, '/') }) as unknown as vscode.Uri;
const now = new Date('2026-11-23T09:00:00Z');
const findings = (json: string) => analyze(restoreCompact(json)!, { now, timeZone: 'Europe/Sofia', horizonDays: 3, confirmationDays: 3 });

describe('the parse worker (src/node/parseWorker.ts, in dist/node.js)', function () {
  this.timeout(30_000);
  let dir: string;
  let reader: ReturnType<typeof workerReader>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-worker-'));
    reader = workerReader(script, parser);
  });
  afterEach(() => {
    reader.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The inputs: the examples, the hostile fixtures (bad UTF-8, binary, control characters...), CRLF, BOM, UTF-16. */
  function inputs(): Array<[string, Uint8Array]> {
    const out: Array<[string, Uint8Array]> = [];
    for (const d of ['examples', 'test/fixtures/hostile']) {
      for (const f of fs.readdirSync(path.join(root, d)).sort()) {
        if (/\.(clientlog|bin)$/.test(f)) out.push([f, fs.readFileSync(path.join(root, d, f))]);
      }
    }
    const text = '---\nclient: Ромашка\ntimezone: Asia/Tokyo\n---\n\n## 2026-11-02 Старт\nPROMISE 2026-11-20 16:30: trimit oferta @ana\n';
    out.push(['crlf.clientlog', new TextEncoder().encode(text.replace(/\n/g, '\r\n'))]);
    out.push(['bom.clientlog', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])]);
    const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le');
    out.push(['utf16.clientlog', new Uint8Array(utf16)]);
    return out;
  }

  it("sends each file's compact model as the extension host would make it (same JSON, same findings), many files at once", async () => {
    const files = inputs();
    // More files than a chunk, in several directories, all asked for in the same turn.
    const all: Array<[string, Uint8Array]> = [];
    for (let k = 0; k < 3; k++) for (const [name, bytes] of files) all.push([path.join(dir, `t${k}`, name), bytes]);
    for (const [p, bytes] of all) {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, bytes);
    }
    assert.ok(all.length > 64, `${all.length} files`);
    const got = await Promise.all(all.map(([p]) => reader.compact(fileUri(p))));
    all.forEach(([p, bytes], k) => {
      const here = storeCompact(compactLog(parseBytes(bytes, { fileName: p })));
      assert.equal(got[k]?.json, here, p);
      assert.equal(got[k]?.review, undefined);
      assert.deepEqual(findings(got[k]!.json), findings(here), p);
    });
  });

  it("with a day, sends each file's recent review input after its compact model, as the extension host would make them", async () => {
    const files = inputs();
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    const from = '2026-09-01';
    const got = await Promise.all(files.map(([name]) => reader.compact(fileUri(path.join(dir, name)), from)));
    let history = 0;
    files.forEach(([name, bytes], k) => {
      const p = path.join(dir, name);
      const log = parseBytes(bytes, { fileName: p });
      assert.equal(got[k]?.json, storeCompact(compactLog(log)), name);
      assert.equal(new TextDecoder().decode(got[k]?.review), JSON.stringify(recentInput(log, from)), name);
      history += recentInput(log, from).items.length;
    });
    assert.ok(history > 20, `${history} items in the examples' recent inputs`);
  });

  it("stamps each answer with the file's size and mtime (the persisted index's key), stat'ed where it was read", async () => {
    const files = inputs();
    const times = files.map((_, k) => new Date(2026, 10, 1 + (k % 28), 9, k % 60, 7));
    files.forEach(([name, bytes], k) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, bytes);
      fs.utimesSync(p, times[k], times[k]);
    });
    const got = await Promise.all(files.map(([name]) => reader.compact(fileUri(path.join(dir, name)))));
    files.forEach(([name, bytes], k) => {
      const st = fs.statSync(path.join(dir, name));
      assert.deepEqual(got[k]?.stamp, { size: bytes.length, mtimeMs: st.mtimeMs }, name);
      assert.equal(got[k]?.stamp?.mtimeMs, times[k].getTime(), name);
    });
    // Changed since: the next answer says so.
    const [name] = files[0];
    fs.appendFileSync(path.join(dir, name), '\nNOTE 2026-11-30: one more line\n');
    const again = await reader.compact(fileUri(path.join(dir, name)));
    assert.equal(again?.stamp?.size, fs.statSync(path.join(dir, name)).size);
    assert.notEqual(again?.stamp?.size, files[0][1].length);
  });

  it('a file gone before its read rejects as gone, a folder as unreadable; other files of the chunk are answered', async () => {
    const ok = path.join(dir, 'ok.clientlog');
    fs.writeFileSync(ok, '---\nclient: Acme\n---\n\n## 2026-11-02 Call\nPROMISE 2026-11-06: send the plan\n');
    fs.mkdirSync(path.join(dir, 'folder.clientlog'));
    const [gone, folder, fine] = await Promise.allSettled([
      reader.compact(fileUri(path.join(dir, 'gone.clientlog'))),
      reader.compact(fileUri(path.join(dir, 'folder.clientlog'))),
      reader.compact(fileUri(ok)),
    ]);
    assert.ok(gone.status === 'rejected' && isFileGone(gone.reason), JSON.stringify(gone));
    assert.ok(folder.status === 'rejected' && !isFileGone(folder.reason), JSON.stringify(folder));
    assert.ok(fine.status === 'fulfilled' && restoreCompact(fine.value!.json)?.client === 'Acme');
  });

  it('leaves other schemes to the caller, and so does a worker that cannot start or is gone', async () => {
    assert.equal(await reader.compact({ scheme: 'vscode-vfs', fsPath: '/a.clientlog', path: '/a.clientlog' } as unknown as vscode.Uri), undefined);
    const p = path.join(dir, 'a.clientlog');
    fs.writeFileSync(p, '---\nclient: A\n---\n');
    const broken = workerReader(path.join(dir, 'no-such-script.js'), parser);
    try {
      assert.equal(await broken.compact(fileUri(p)), undefined);
      assert.equal(await broken.compact(fileUri(p)), undefined);
    } finally {
      broken.dispose();
    }
    assert.equal(restoreCompact((await reader.compact(fileUri(p)))!.json)?.client, 'A');
    reader.dispose();
    assert.equal(await reader.compact(fileUri(p)), undefined);
  });
});
