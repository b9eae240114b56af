import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { isFileGone, type Files } from '../../src/host/files';
import { nodeFiles } from '../../src/node/files';

/** What the service reads of a `vscode.Uri`: its scheme and file system path. */
const uriOf = (scheme: string, fsPath: string) => ({ scheme, fsPath, toString: () => `${scheme}://${fsPath}` }) as unknown as vscode.Uri;
const fileUri = (p: string) => uriOf('file', p);

/** A fallback that records what it was asked, as `workspace.fs` would answer for another scheme. */
function recordingFallback() {
  const calls: string[] = [];
  const files: Files = {
    stat: async (u) => {
      calls.push(`stat ${u.toString()}`);
      return { size: 7, mtime: 42 };
    },
    readFile: async (u) => {
      calls.push(`read ${u.toString()}`);
      return new TextEncoder().encode('virtual');
    },
    writeFile: async (u, bytes) => {
      calls.push(`write ${u.toString()} ${bytes.length}`);
    },
  };
  return { calls, files };
}

describe('the Node file service (src/node/files.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stats and reads a file: URI with node:fs, not through the fallback', async () => {
    const p = path.join(dir, 'acme.clientlog');
    const text = 'client: Acme\r\n\r\n## 2026-11-02 Кикоф\r\nPROMISE 2026-11-06: send the plan\r\n';
    fs.writeFileSync(p, text);
    const { calls, files } = recordingFallback();
    const service = nodeFiles(files);
    const st = await service.stat(fileUri(p));
    assert.deepEqual(st, { size: Buffer.byteLength(text), mtime: fs.statSync(p).mtimeMs });
    const bytes = await service.readFile(fileUri(p));
    assert.ok(bytes instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(bytes), text);
    assert.deepEqual(calls, []);
  });

  it('sees a change at once (nothing is cached) and reads bytes as they are (BOM, bad UTF-8)', async () => {
    const p = path.join(dir, 'a.clientlog');
    fs.writeFileSync(p, 'one');
    const service = nodeFiles(recordingFallback().files);
    assert.equal((await service.stat(fileUri(p))).size, 3);
    const raw = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x0a]);
    fs.writeFileSync(p, raw);
    fs.utimesSync(p, new Date(2026, 0, 2), new Date(2026, 0, 2, 3, 4, 5));
    const st = await service.stat(fileUri(p));
    assert.equal(st.size, raw.length);
    assert.equal(st.mtime, new Date(2026, 0, 2, 3, 4, 5).getTime());
    assert.deepEqual([...(await service.readFile(fileUri(p)))], [...raw]);
  });

  it('a file gone between the listing and the read rejects as gone; a directory or an unreadable file rejects, not as gone', async () => {
    const p = path.join(dir, 'gone.clientlog');
    fs.writeFileSync(p, 'client: Gone\n');
    const service = nodeFiles(recordingFallback().files);
    await service.stat(fileUri(p)); // listed and stat'ed ...
    fs.rmSync(p); // ... then deleted before its read
    await assert.rejects(service.readFile(fileUri(p)), (e) => isFileGone(e));
    await assert.rejects(service.stat(fileUri(p)), (e) => isFileGone(e));
    // A path through a file (its folder is now a file): gone too.
    fs.writeFileSync(path.join(dir, 'team'), '');
    await assert.rejects(service.readFile(fileUri(path.join(dir, 'team', 'x.clientlog'))), (e) => isFileGone(e));
    // A folder named like a log exists but is no file to read.
    fs.mkdirSync(path.join(dir, 'folder.clientlog'));
    await assert.rejects(service.readFile(fileUri(path.join(dir, 'folder.clientlog'))), (e) => !isFileGone(e));
    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, 'locked.clientlog');
      fs.writeFileSync(locked, 'x');
      fs.chmodSync(locked, 0);
      await assert.rejects(service.readFile(fileUri(locked)), (e) => !isFileGone(e));
    }
  });

  it('writes a file: URI with node:fs, creating its folders, and replaces what was there, not through the fallback', async () => {
    const { calls, files } = recordingFallback();
    const service = nodeFiles(files);
    // The extension's workspace storage does not exist until something is written there.
    const p = path.join(dir, 'workspaceStorage', 'abc123', 'clientlog.clientlog', 'index.bin');
    const first = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    await service.writeFile(fileUri(p), first);
    assert.deepEqual(fs.readFileSync(p), Buffer.from(first));
    await service.writeFile(fileUri(p), Uint8Array.of(1, 2, 3));
    assert.deepEqual([...fs.readFileSync(p)], [1, 2, 3]);
    assert.deepEqual(calls, []);
    // A path through a file cannot be written: the promise rejects (the persisted index then only logs it).
    fs.writeFileSync(path.join(dir, 'plain'), '');
    await assert.rejects(service.writeFile(fileUri(path.join(dir, 'plain', 'index.bin')), first));
  });

  it('hands every other scheme to the fallback (a virtual workspace, the web)', async () => {
    const { calls, files } = recordingFallback();
    const service = nodeFiles(files);
    const u = uriOf('vscode-vfs', '/github/acme/a.clientlog');
    assert.deepEqual(await service.stat(u), { size: 7, mtime: 42 });
    assert.equal(new TextDecoder().decode(await service.readFile(u)), 'virtual');
    await service.writeFile(u, Uint8Array.of(9, 9));
    assert.deepEqual(calls, [
      'stat vscode-vfs:///github/acme/a.clientlog',
      'read vscode-vfs:///github/acme/a.clientlog',
      'write vscode-vfs:///github/acme/a.clientlog 2',
    ]);
  });

  it("isFileGone knows workspace.fs's FileNotFound and Node's ENOENT, and nothing else", () => {
    assert.ok(isFileGone(Object.assign(new Error('x'), { code: 'FileNotFound' })));
    assert.ok(isFileGone(Object.assign(new Error('x'), { code: 'ENOENT' })));
    for (const e of [
      Object.assign(new Error('x'), { code: 'NoPermissions' }),
      Object.assign(new Error('x'), { code: 'EISDIR' }),
      new Error('x'),
      undefined,
      null,
      'ENOENT',
    ])
      assert.ok(!isFileGone(e), String(e));
  });
});
