/**
 * Issue 18: the persisted index (core/logStore.ts, on the cache format of core/cacheTable.ts that the command
 * line's --cache shares). Whatever happened between two windows (files edited, edited again within the racy
 * window at the same size and mtime, deleted, renamed; the stored bytes cut short, corrupted, or written by
 * another build), the models a scan takes from the store give exactly the findings of a fresh parse.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { agenda, logSource, OVERDUE_KINDS, overdueByKind } from '../../src/core/agenda';
import { analyze, compactLog, logSpan } from '../../src/core/analyze';
import { CacheTable, RACY_MS, concatBytes, fnv1aOf, type Checksum } from '../../src/core/cacheTable';
import { nodeChecksum } from '../../src/node/checksum';
import { LogStore, restoreCompact, storeCompact } from '../../src/core/logStore';
import type { ClientLog } from '../../src/core/model';
import { lastTimedDue } from '../../src/core/reminders';
import { recentInput } from '../../src/core/review/input';
import { ReviewLogStore, unrestored } from '../../src/core/reviewLogStore';
import { parse } from '../../src/core/parse';
import { storedRange } from '../../src/core/storedRange';
import { storedRange as webStoredRange } from '../../src/core/storedRange.web';
import { documentArb } from './property.test';

const SEED = Number(process.env.CLIENTLOG_FUZZ_SEED) || 20261201;
const LONG_RUNS = Number(process.env.CLIENTLOG_FUZZ_RUNS) || 0;
const runs = (base: number) => (LONG_RUNS > 0 ? Math.max(base, Math.round(LONG_RUNS / 20)) : base);
const instants = [new Date('2025-06-01T12:00:00Z'), new Date('2026-11-23T21:59:00Z'), new Date('2026-11-24T08:00:00Z'), new Date('2027-03-01T00:00:00Z')];
const json = (x: unknown) => (x === undefined ? undefined : (JSON.parse(JSON.stringify(x)) as unknown));
const findingsAt = (log: ClientLog) => instants.map((now) => json(analyze(log, { now, timeZone: 'Europe/Sofia', horizonDays: 3, confirmationDays: 3 })));
const T0 = Date.parse('2026-12-01T09:00:00Z');
const utf8 = new TextEncoder();
/** A model's properties as plain data (the Node host's store gives models restored when first read, whose properties are getters). */
const plain = (log: ClientLog) => ({
  client: log.client,
  frontMatter: log.frontMatter,
  entries: log.entries,
  items: log.items,
  urgents: log.urgents,
  notes: log.notes,
  mentions: log.mentions,
  tags: log.tags,
  problems: log.problems,
  lineCount: log.lineCount,
  eol: log.eol,
  bom: log.bom,
  compact: log.compact,
});

describe('cache table (the format --cache and the persisted index share)', () => {
  const rows = [
    { p: '/w/a.clientlog', nums: [10, T0 - 10_000, 7], blob: 'alpha' },
    { p: '/w/b c.clientlog', nums: [20, T0 - 20_000, 8], blob: '' },
    { p: '/w/sub/ș.clientlog', nums: [30, T0 - 30_000, 9], blob: 'гама' },
  ];
  const written = (checksum: false | Checksum, header = 'h') => {
    const t = new CacheTable(header, 5, T0, checksum);
    t.decode(undefined);
    for (const r of rows) t.set(r.p, r.nums, r.blob);
    return concatBytes(t.encode());
  };
  const blobOf = (t: CacheTable, r: (typeof rows)[number]) => {
    const b = t.blob(r.p, r.nums[0], r.nums[1]);
    return b && new TextDecoder().decode(b.buf.subarray(b.start, b.end));
  };

  for (const checksum of [false, fnv1aOf, nodeChecksum] as const) {
    it(`keeps rows by path, size and mtime${checksum ? `, with a checksum (${checksum === fnv1aOf ? 'FNV-1a' : 'CRC-32'})` : ''}`, () => {
      const t = new CacheTable('h', 5, T0, checksum);
      assert.equal(t.decode(written(checksum)), true);
      assert.equal(t.size, 3);
      for (const r of rows) assert.equal(blobOf(t, r), r.blob);
      assert.equal(t.row(rows[0].p, 11, rows[0].nums[1]), -1, 'another size');
      assert.equal(t.row(rows[0].p, 10, rows[0].nums[1] + 1), -1, 'another mtime');
      assert.equal(t.numbers[t.row(rows[2].p, 30, rows[2].nums[1]) * 5 + 2], 9);
    });

    it(`ignores bytes cut short anywhere${checksum ? `, with a checksum (${checksum === fnv1aOf ? 'FNV-1a' : 'CRC-32'})` : ''}`, () => {
      const bytes = written(checksum);
      for (let k = 0; k < bytes.length; k++)
        assert.equal(new CacheTable('h', 5, T0, checksum).decode(bytes.subarray(0, k)), false, `cut at ${k} of ${bytes.length}`);
    });
  }

  it('ignores another build, another format, another width, and bytes that are not a cache', () => {
    assert.equal(new CacheTable('other build', 5, T0).decode(written(false)), false);
    assert.equal(new CacheTable('h', 4, T0).decode(written(false)), false);
    const text = new TextDecoder().decode(written(false));
    assert.equal(new CacheTable('h', 5, T0).decode(utf8.encode(text.replace('"clientlogCache":2', '"clientlogCache":1'))), false);
    for (const junk of [
      '',
      '\n',
      'null\n',
      '{}\n',
      '{"clientlogCache":2,"header":"h","width":5,"endianness":"LE","count":-1,"pathBytes":0}\n',
      'PK\u0003\u0004 a zip',
    ]) {
      assert.equal(new CacheTable('h', 5, T0).decode(utf8.encode(junk)), false, JSON.stringify(junk));
    }
  });

  for (const [name, checksum] of [
    ['FNV-1a', fnv1aOf],
    ["CRC-32, the Node host's", nodeChecksum],
  ] as const)
    it(`with a checksum (${name}), a byte changed anywhere either makes the bytes foreign or changes no row read back`, () => {
      const bytes = written(checksum);
      for (let k = 0; k < bytes.length; k++) {
        const bad = bytes.slice();
        bad[k] ^= 0x20;
        const t = new CacheTable('h', 5, T0, checksum);
        if (!t.decode(bad)) continue;
        for (const r of rows) {
          const got = blobOf(t, r);
          assert.ok(got === undefined || got === r.blob, `byte ${k}: ${r.p} read back as ${JSON.stringify(got)}`);
        }
      }
    });

  it('does not keep a file modified within the racy window of the run', () => {
    const t = new CacheTable('h', 4, T0);
    t.decode(undefined);
    t.set('/w/fresh', [1, T0 - RACY_MS + 1], 'x');
    t.set('/w/settled', [1, T0 - RACY_MS], 'y');
    const back = new CacheTable('h', 4, T0 + 60_000);
    back.decode(concatBytes(t.encode()));
    assert.equal(back.row('/w/fresh', 1, T0 - RACY_MS + 1), -1);
    assert.ok(back.row('/w/settled', 1, T0 - RACY_MS) >= 0);
  });
});

describe('persisted index (LogStore)', () => {
  it('a compact model, once stored and restored, gives exactly the findings of the log at any date', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const log = parse(text, { fileName: 'a.clientlog' });
        const back = restoreCompact(storeCompact(compactLog(log)));
        assert.ok(back, 'restores');
        assert.deepEqual(findingsAt(back), findingsAt(log));
        assert.equal(storeCompact(back), storeCompact(compactLog(log)), 'stores the same again');
        // What the views read of a closed file: its open items, their entries and the profile.
        const small = compactLog(log);
        const item = (i: ClientLog['items'][number]) =>
          json([
            i.kind,
            i.line,
            i.range,
            i.date,
            i.dateRange,
            i.time,
            i.timeRange,
            i.text,
            i.textRange,
            i.state,
            i.closedOn,
            i.entry,
            i.handles,
            i.tags,
            i.history.map((h) => [h.verb, h.range, h.date, h.from, h.fromTime, h.by, h.reason, h.apology]),
          ]);
        assert.deepEqual(back.items.map(item), small.items.map(item));
        assert.deepEqual(
          back.entries.map((e) => [e.line, e.date, e.title, e.endLine]),
          small.entries.map((e) => [e.line, e.date, e.title, e.endLine]),
        );
        assert.deepEqual(
          json(back.frontMatter?.contacts.map((c) => [c.name, c.handle, c.role, c.email])),
          json(small.frontMatter?.contacts.map((c) => [c.name, c.handle, c.role, c.email])),
        );
      }),
      { numRuns: runs(300), seed: SEED },
    );
  });

  it("restores every property of a compact model, the front matter's cadence and client range too (the examples, generated logs)", () => {
    /** A model's properties as the features read them: own fields and the getters of its classes (lazy ranges). */
    const keysOf = (o: object): string[] => {
      const ks = new Set(Object.keys(o));
      for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype && p !== Array.prototype; p = Object.getPrototypeOf(p))
        for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (d.get) ks.add(k);
      return [...ks];
    };
    /** The values reachable from `x` by the public properties of `like` (the restored, plain object names them). */
    const lost: string[] = [];
    const walk = (a: unknown, b: unknown, at: string): void => {
      if (a === undefined && b === undefined) return;
      if (!a || !b || typeof a !== 'object' || typeof b !== 'object') {
        if (json(a) !== undefined || json(b) !== undefined) assert.deepEqual(json(b), json(a), at);
        return;
      }
      if (Array.isArray(a)) {
        assert.equal((b as unknown[]).length, a.length, at);
        a.forEach((x, k) => walk(x, (b as unknown[])[k], `${at}[${k}]`));
        return;
      }
      const bk = new Set(keysOf(b));
      for (const k of keysOf(a)) {
        const v = (a as Record<string, unknown>)[k];
        // The classes' own position fields (lineLength, dateStart...) are how their ranges are kept, not properties.
        if (!bk.has(k)) {
          if (v !== undefined && !/(Start|End|^lineLength|^line|^start|^end)$/.test(k)) lost.push(`${at}.${k}`);
          continue;
        }
        walk(v, (b as Record<string, unknown>)[k], `${at}.${k}`);
      }
    };
    const texts = fs
      .readdirSync(path.join(__dirname, '..', '..', 'examples'))
      .filter((f) => f.endsWith('.clientlog'))
      .map((f) => fs.readFileSync(path.join(__dirname, '..', '..', 'examples', f), 'utf8'));
    texts.push('---\nclient: Quiet Co\ncadence: 14\n---\n\n## 2026-10-01 Call\nNothing since.\n');
    texts.push(...fc.sample(documentArb, { numRuns: 100, seed: SEED }));
    for (const text of texts) {
      const small = compactLog(parse(text, { fileName: 'a.clientlog' }));
      walk(small, restoreCompact(storeCompact(small)), 'log');
    }
    assert.deepEqual(lost, []);
    // A cadence in the front matter makes a quiet client a finding: a window opened again must show it too.
    const quiet = compactLog(parse(texts[texts.length - 101], { fileName: 'a.clientlog' }));
    const codes = (log: ClientLog) => analyze(log, { now: instants[1], timeZone: 'UTC', horizonDays: 3, confirmationDays: 3 }).map((f) => f.code);
    assert.ok(codes(quiet).includes('client.quiet'));
    assert.deepEqual(codes(restoreCompact(storeCompact(quiet))!), codes(quiet));
  });

  it("restores ranges as one object of four numbers, the same ranges as the web bundle's plain objects", () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), (a) => {
        const node = storedRange(a);
        const web = webStoredRange(a);
        assert.deepEqual({ start: node.start, end: node.end }, web);
        assert.equal(JSON.stringify(node), JSON.stringify(web));
        // One object: its positions are made when read, not kept.
        assert.deepEqual(Object.keys(node).length, 4);
      }),
    );
  });

  it('restores nothing from JSON it did not write', () => {
    for (const j of ['', 'null', '{}', '[]', '{"v":2}', '{"v":1,"client":"x"}', '{"v":1,"client":"x","entries":[],"items":[{}],"tags":[],"problems":[]}']) {
      assert.equal(restoreCompact(j), undefined, j);
    }
  });

  // A workspace on a file system whose mtimes have one-second ticks, windows opened one after another.
  type Step =
    | { op: 'edit'; file: number; text: string }
    | { op: 'sameSize'; file: number; at: number }
    | { op: 'delete'; file: number }
    | { op: 'rename'; file: number }
    | { op: 'add'; text: string }
    | { op: 'wait'; ms: number }
    | { op: 'cut'; at: number }
    | { op: 'flip'; at: number }
    | { op: 'otherBuild' }
    | { op: 'scan' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('edit' as const), file: fc.nat(9), text: documentArb }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('sameSize' as const), file: fc.nat(9), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), file: fc.nat(9) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), file: fc.nat(9) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), text: documentArb }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4000 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ op: 'otherBuild' as const }) },
    { weight: 4, arbitrary: fc.constant({ op: 'scan' as const }) },
  );
  /** A change of one ASCII digit or letter: the same size, often another date or keyword. */
  function sameSize(text: string, at: number): string {
    const spots = [...text.matchAll(/[0-9A-Za-z]/g)].map((m) => m.index);
    if (spots.length === 0) return text;
    const i = spots[at % spots.length];
    const c = text[i];
    const next = /[0-9]/.test(c) ? String((Number(c) + 1 + (at % 8)) % 10) : c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    return text.slice(0, i) + next + text.slice(i + 1);
  }

  it('a scan through the store gives the findings of a fresh scan, whatever happened between windows', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(documentArb, { minLength: 1, maxLength: 5 }), fc.array(step, { minLength: 1, maxLength: 30 }), (initial, steps) => {
        let now = T0;
        const tick = () => Math.floor(now / 1000) * 1000;
        const files = new Map<string, { text: string; mtimeMs: number }>();
        let named = 0;
        const write = (p: string, text: string) => files.set(p, { text, mtimeMs: tick() });
        for (const t of initial) write(`/ws/f${named++}.clientlog`, t);
        let bytes: Uint8Array | undefined;
        let build = 'b1';
        let fromStore = 0;
        const scan = () => {
          const store = new LogStore(build, now);
          store.load(bytes);
          for (const [p, f] of files) {
            const stamp = { size: utf8.encode(f.text).length, mtimeMs: f.mtimeMs };
            let log = store.get(p, stamp);
            if (log) fromStore++;
            else {
              log = compactLog(parse(f.text, { fileName: p }));
              store.set(p, stamp, log);
            }
            assert.deepEqual(findingsAt(log), findingsAt(parse(f.text, { fileName: p })), `${p} after ${JSON.stringify(steps.map((s) => s.op))}`);
          }
          store.prune(['/ws/']);
          bytes = store.encode();
          const kept = new LogStore(build, now);
          kept.load(bytes);
          assert.ok(kept.size <= files.size, 'no row outlives its file');
        };
        scan();
        for (const s of steps) {
          const paths = [...files.keys()];
          const pick = (k: number) => paths[k % Math.max(1, paths.length)];
          if (s.op === 'edit' && paths.length) write(pick(s.file), s.text);
          else if (s.op === 'sameSize' && paths.length) {
            // Rewritten in the same mtime tick, at the same size: only the racy window can tell.
            const f = files.get(pick(s.file))!;
            if (tick() === f.mtimeMs) f.text = sameSize(f.text, s.at);
            else write(pick(s.file), sameSize(f.text, s.at));
          } else if (s.op === 'delete' && paths.length) files.delete(pick(s.file));
          else if (s.op === 'rename' && paths.length) {
            const p = pick(s.file);
            const f = files.get(p)!;
            files.delete(p);
            files.set(`/ws/f${named++}.clientlog`, f); // a rename keeps the mtime
          } else if (s.op === 'add') write(`/ws/f${named++}.clientlog`, s.text);
          else if (s.op === 'wait') now += s.ms;
          else if (s.op === 'cut' && bytes) bytes = bytes.subarray(0, s.at % (bytes.length + 1));
          else if (s.op === 'flip' && bytes && bytes.length) {
            bytes = bytes.slice();
            bytes[s.at % bytes.length] ^= 1 << (s.at % 8);
          } else if (s.op === 'otherBuild') build = build === 'b1' ? 'b2' : 'b1';
          else if (s.op === 'scan') scan();
          now += 1;
        }
        now += RACY_MS + 1000;
        scan();
        scan();
        answered += fromStore;
      }),
      { numRuns: runs(80), seed: SEED },
    );
    assert.ok(answered > 100, `the store answered ${answered} lookups`);
  });

  it('answers a second window from the store: unchanged files are neither read nor parsed', () => {
    const texts = ['---\nclient: A\n---\n## 2026-11-20 Call\nPROMISE 2026-11-21 Send the plan\n', '## 2026-11-02 x\nWAITING 2026-11-03 @ivan the data\n'];
    const stamps = texts.map((t, i) => ({ size: t.length, mtimeMs: T0 - 60_000 * (i + 1) }));
    const first = new LogStore('b', T0);
    assert.equal(first.load(undefined), false);
    texts.forEach((t, i) => first.set(`/ws/${i}`, stamps[i], compactLog(parse(t))));
    const second = new LogStore('b', T0 + 3_600_000);
    assert.equal(second.load(first.encode()), true);
    texts.forEach((t, i) => assert.deepEqual(findingsAt(second.get(`/ws/${i}`, stamps[i])!), findingsAt(parse(t))));
    assert.equal(second.get('/ws/0', { ...stamps[0], mtimeMs: stamps[0].mtimeMs + 1 }), undefined);
    assert.equal(new LogStore('another build', T0).load(first.encode()), false);
  });
});

describe("the Node host's store: each file's recent review input beside its model (ReviewLogStore)", () => {
  const examples = fs
    .readdirSync(path.join(__dirname, '../../examples'))
    .filter((f) => f.endsWith('.clientlog'))
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(__dirname, '../../examples', f), 'utf8')] as const);
  const FROM = '2026-08-01';
  /** What the parse worker sends for a file, and the model the extension host restores of it. */
  const sent = (text: string, name: string) => {
    const log = parse(text, { fileName: name });
    const compact = storeCompact(compactLog(log));
    const review = JSON.stringify(recentInput(log, FROM));
    return { bytes: utf8.encode(review), compact, review, model: restoreCompact(compact)! };
  };
  /** A first window that parsed every example: its store, what it wrote (the index, the inputs), and what it was sent. */
  function firstWindow() {
    const store = new ReviewLogStore('b', T0);
    store.load(undefined);
    const kept = examples.map(([name, text], i) => {
      const s = sent(text, name);
      const stamp = { size: text.length, mtimeMs: T0 - 60_000 * (i + 1) };
      store.setParsed(`/ws/${name}`, stamp, s.compact, s.bytes, s.model);
      return { ...s, name, text, stamp, path: `/ws/${name}` };
    });
    return { store, kept };
  }

  /**
   * The window after `firstWindow`'s, from what it wrote: the first file changed while closed (one more promise, due
   * `due`), the second was deleted, the third is edited within the racy window; the rest are looked up unchanged.
   */
  function nextWindow(index: Uint8Array, kept: ReturnType<typeof firstWindow>['kept'], due: string) {
    const second = new ReviewLogStore('b', T0 + 3_600_000);
    second.load(index);
    const [changed, gone, fresh, ...same] = kept;
    const editedText = `${changed.text}\nPROMISE ${due} One more\n`;
    const edited = sent(editedText, changed.name);
    const editedStamp = { size: changed.stamp.size + 30, mtimeMs: T0 };
    second.setParsed(changed.path, editedStamp, edited.compact, edited.bytes, edited.model);
    second.setParsed(fresh.path, { ...fresh.stamp, mtimeMs: T0 + 3_600_000 - RACY_MS + 1 }, fresh.compact, fresh.bytes, fresh.model);
    const models = same.map((k) => second.get(k.path, k.stamp)!);
    second.prune(['']);
    return { second, changed, gone, fresh, same, edited, editedText, editedStamp, models };
  }

  it('gives the input kept with the model it was given; written, it is read again only when a review asks, for the model restored', () => {
    assert.ok(examples.length >= 6);
    const { store, kept } = firstWindow();
    for (const k of kept) {
      assert.equal(store.needsReviews(k.path, k.model), false);
      assert.equal(store.review(k.path, k.model), k.review, k.name);
      // Another model of the file (the index's after an edit) has none.
      assert.equal(store.review(k.path, restoreCompact(k.compact)!), undefined);
    }
    assert.equal(store.reviewsDirty, true);
    const index = store.encode();
    const reviews = store.encodeReviews();
    // The index's rows hold the models only: a window opened again restores them without the inputs.
    assert.ok(reviews.length > 0 && !new TextDecoder().decode(index).includes('"urgents"'));
    // Written, the inputs are no longer in memory.
    assert.equal(store.reviewsDirty, false);
    assert.equal(store.needsReviews(kept[0].path, kept[0].model), true);
    assert.equal(store.review(kept[0].path, kept[0].model), undefined);

    const second = new ReviewLogStore('b', T0 + 3_600_000);
    assert.equal(second.load(index), true);
    for (const k of kept) {
      const model = second.get(k.path, k.stamp)!;
      assert.equal(unrestored(model), true, 'restored when first read');
      assert.deepEqual(plain(model), plain(k.model));
      assert.equal(unrestored(model), false);
      assert.deepEqual(findingsAt(model), findingsAt(parse(k.text, { fileName: k.name })));
      assert.equal(second.needsReviews(k.path, model), true);
    }
    second.loadReviews(reviews);
    for (const k of kept) {
      const model = second.get(k.path, k.stamp)!;
      assert.equal(second.needsReviews(k.path, model), false);
      assert.equal(second.review(k.path, model), k.review);
      assert.deepEqual(JSON.parse(second.review(k.path, model)!), recentInput(parse(k.text, { fileName: k.name }), FROM));
      assert.equal(second.get(k.path, { ...k.stamp, mtimeMs: k.stamp.mtimeMs + 1 }), undefined);
    }
    // Nothing changed in the second window: nothing to write.
    assert.equal(second.reviewsDirty, false);
    // Inputs written by another build are none.
    const other = new ReviewLogStore('c', T0 + 3_600_000);
    other.load(undefined);
    const k = kept[0];
    other.setParsed(k.path, k.stamp, k.compact, k.bytes, k.model);
    other.encodeReviews();
    other.loadReviews(reviews);
    assert.equal(other.review(k.path, k.model), undefined);
  });

  it('writes again the inputs of unchanged files, the new ones of changed files, and none of files gone or too fresh', () => {
    const { store, kept } = firstWindow();
    const index = store.encode();
    const reviews = store.encodeReviews();
    const { second, changed, gone, fresh, same, edited, editedStamp, models } = nextWindow(index, kept, '2026-12-01');
    assert.equal(second.reviewsDirty, true);
    assert.equal(second.reviewsLoaded, false);
    second.loadReviews(reviews);
    const index2 = second.encode();
    const reviews2 = second.encodeReviews();

    const third = new ReviewLogStore('b', T0 + 7_200_000);
    third.load(index2);
    third.loadReviews(reviews2);
    same.forEach((k, n) => {
      const model = third.get(k.path, k.stamp)!;
      assert.deepEqual(plain(model), plain(models[n]));
      assert.equal(third.review(k.path, model), k.review, k.name);
    });
    const model = third.get(changed.path, editedStamp)!;
    assert.equal(third.review(changed.path, model), edited.review);
    assert.notEqual(edited.review, changed.review);
    assert.equal(third.get(gone.path, gone.stamp), undefined);
    assert.equal(third.get(fresh.path, fresh.stamp), undefined);
    // Written while the scan is under way (before every file was looked up): those not looked up yet keep theirs.
    const early = new ReviewLogStore('b', T0 + 7_200_000);
    early.load(index2);
    early.setParsed(same[0].path, { ...same[0].stamp, size: same[0].stamp.size + 1 }, same[0].compact, same[0].bytes, same[0].model);
    early.loadReviews(reviews2);
    const index3 = early.encode();
    const reviews3early = early.encodeReviews();
    const later = new ReviewLogStore('b', T0 + 9_000_000);
    later.load(index3);
    later.loadReviews(reviews3early);
    for (const k of same.slice(1)) assert.equal(later.review(k.path, later.get(k.path, k.stamp)!), k.review, k.name);
    // A row set without an input (a file the extension host parsed itself) has none, nor has one forgotten.
    third.set(same[0].path, same[0].stamp, same[0].compact);
    third.delete(same[1].path);
    const reviews3 = third.encodeReviews();
    const fourth = new ReviewLogStore('b', T0 + 9_000_000);
    fourth.load(third.encode());
    fourth.loadReviews(reviews3);
    const m0 = fourth.get(same[0].path, same[0].stamp)!;
    assert.equal(fourth.review(same[0].path, m0), undefined);
    assert.equal(fourth.get(same[1].path, same[1].stamp), undefined);
    const m2 = fourth.get(same[2].path, same[2].stamp)!;
    assert.equal(fourth.review(same[2].path, m2), same[2].review);
  });

  it('restores a model when first read; a row that does not restore stands for no model and is dropped', () => {
    const store = new ReviewLogStore('b', T0);
    store.load(undefined);
    const [name, text] = examples[0];
    const good = storeCompact(compactLog(parse(text, { fileName: name })));
    store.set('/ws/good.clientlog', { size: 1, mtimeMs: T0 - 60_000 }, good);
    store.set('/ws/bad.clientlog', { size: 2, mtimeMs: T0 - 60_000 }, '{"v":3,"client":');
    store.set('/ws/other.clientlog', { size: 3, mtimeMs: T0 - 60_000 }, '{"v":2,"client":"x"}');
    const bytes = store.encode();
    const second = new ReviewLogStore('b', T0 + 3_600_000);
    second.load(bytes);
    assert.equal(second.get('/ws/other.clientlog', { size: 3, mtimeMs: T0 - 60_000 }), undefined, 'another version: no model');
    const model = second.get('/ws/good.clientlog', { size: 1, mtimeMs: T0 - 60_000 })!;
    const bad = second.get('/ws/bad.clientlog', { size: 2, mtimeMs: T0 - 60_000 })!;
    assert.equal(second.restoredModels, 0);
    assert.deepEqual(plain(model), plain(restoreCompact(good)!));
    assert.equal(bad.items.length + bad.entries.length + bad.problems.length, 0);
    assert.equal(second.restoredModels, 2);
    assert.equal(second.get('/ws/bad.clientlog', { size: 2, mtimeMs: T0 - 60_000 }), undefined, 'dropped');
    const third = new ReviewLogStore('b', T0 + 7_200_000);
    third.load(second.encode());
    assert.equal(third.get('/ws/bad.clientlog', { size: 2, mtimeMs: T0 - 60_000 }), undefined, 'not written again');
    assert.ok(third.get('/ws/good.clientlog', { size: 1, mtimeMs: T0 - 60_000 }));
  });

  describe('what the diagnostics showed for each model, for the next window', () => {
    const KEY = '["Europe/Sofia",3,3,0,[],"en"]';
    const SETTINGS = { timeZone: 'Europe/Sofia', horizonDays: 3, confirmationDays: 3 };
    /** What a host would show for a model at an instant: its findings, as text (the host's rows are its own JSON). */
    const shownOf = (model: ClientLog, at: number) =>
      JSON.stringify(analyze(model, { now: new Date(at), timeZone: 'Europe/Sofia', horizonDays: 3, confirmationDays: 3 }));
    const AT = Date.parse('2026-11-24T08:00:00Z');

    it('gives what was shown for the model the store gave, under the same key, within the span its findings hold in', () => {
      const { store, kept } = firstWindow();
      store.loadShown(undefined, KEY, 'Europe/Sofia');
      let made = 0;
      for (const k of kept)
        store.keepShown(k.path, k.model, KEY, AT, SETTINGS, () => {
          made++;
          return shownOf(k.model, AT);
        });
      // Not for a model the store did not give (an editor's, or one restored again).
      store.keepShown(kept[0].path, restoreCompact(kept[0].compact)!, KEY, AT, SETTINGS, () => 'never');
      assert.equal(store.shownDirty, true);
      assert.equal(made, 0, 'nothing is encoded before the store is written');
      const index = store.encode();
      const shown = store.encodeShown();
      assert.equal(made, kept.length - 1, 'the first file was shown for another model last');
      assert.equal(store.shownDirty, false);
      // Written while the window's diagnostics are still being made: the rest of them still take the rows.
      for (const k of kept.slice(1)) assert.equal(store.shown(k.path, k.model, KEY, AT), shownOf(k.model, AT), k.name);

      const second = new ReviewLogStore('b', T0 + 3_600_000);
      second.load(index);
      second.loadShown(shown, KEY, 'Europe/Sofia');
      for (const k of kept.slice(1)) {
        const model = second.get(k.path, k.stamp)!;
        const span = logSpan(model, { now: new Date(AT), timeZone: 'Europe/Sofia' });
        assert.ok(span.from <= AT && AT < span.until);
        // Anywhere in the span it is what a fresh analysis there gives.
        for (const at of [span.from, AT, span.until - 1])
          assert.equal(second.shown(k.path, model, KEY, at), shownOf(parse(k.text, { fileName: k.name }), at), k.name);
        assert.equal(second.shown(k.path, model, KEY, span.until), undefined, 'after the span');
        assert.equal(second.shown(k.path, model, KEY, span.from - 1), undefined, 'before the span');
        assert.equal(second.shown(k.path, model, '["UTC",3,3,0,[],"en"]', AT), undefined, 'other settings');
        assert.equal(second.shown(k.path, restoreCompact(k.compact)!, KEY, AT), undefined, 'another model of the file');
      }
      assert.equal(second.shown(kept[0].path, second.get(kept[0].path, kept[0].stamp)!, KEY, AT), undefined);
      // Rows of another key, another build, or damaged bytes are none.
      const other = new ReviewLogStore('b', T0 + 3_600_000);
      other.load(index);
      other.loadShown(shown, '["UTC",3,3,0,[],"en"]', 'UTC');
      const k = kept[1];
      assert.equal(other.shown(k.path, other.get(k.path, k.stamp)!, '["UTC",3,3,0,[],"en"]', AT), undefined);
      const build = new ReviewLogStore('c', T0 + 3_600_000);
      build.load(index);
      build.loadShown(shown, KEY, 'Europe/Sofia');
      assert.equal(build.shown(k.path, build.get(k.path, k.stamp) ?? k.model, KEY, AT), undefined);
      const damaged = shown.slice();
      damaged[damaged.length - 3] ^= 0x20;
      const third = new ReviewLogStore('b', T0 + 3_600_000);
      third.load(index);
      third.loadShown(damaged, KEY, 'Europe/Sofia');
      for (const x of kept) assert.equal(third.shown(x.path, third.get(x.path, x.stamp)!, KEY, AT), undefined);
      third.loadShown(shown.subarray(0, shown.length - 5), KEY, 'Europe/Sofia');
      for (const x of kept) assert.equal(third.shown(x.path, third.get(x.path, x.stamp)!, KEY, AT), undefined, 'cut short');
    });

    it('says the span and the overdue counts of what it showed, by kind, without restoring the model', () => {
      const { store, kept } = firstWindow();
      store.loadShown(undefined, KEY, 'Europe/Sofia');
      for (const k of kept) store.keepShown(k.path, k.model, KEY, AT, SETTINGS, () => shownOf(k.model, AT));
      // The same bytes whether the rows' numbers were made beforehand, a few at a time, or when written.
      const { store: other, kept: same } = firstWindow();
      other.loadShown(undefined, KEY, 'Europe/Sofia');
      for (const k of same) other.keepShown(k.path, k.model, KEY, AT, SETTINGS, () => shownOf(k.model, AT));
      let chunks = 0;
      while (other.prepareShown(2)) chunks++;
      assert.equal(chunks, Math.ceil(kept.length / 2) - 1);
      const index = store.encode();
      const shown = store.encodeShown();
      assert.deepEqual(other.encodeShown(), shown);
      const second = new ReviewLogStore('b', T0 + 3_600_000);
      second.load(index);
      second.loadShown(shown, KEY, 'Europe/Sofia');
      let overdue = 0;
      for (const k of kept) {
        const model = second.get(k.path, k.stamp)!;
        const whole = parse(k.text, { fileName: k.name });
        const span = logSpan(whole, { now: new Date(AT), timeZone: 'Europe/Sofia' });
        for (const at of [span.from, AT, span.until - 1]) {
          const facts = second.shownFacts(k.path, model, KEY, at)!;
          assert.deepEqual({ from: facts.from, until: facts.until }, span, k.name);
          assert.deepEqual(second.shownSpan(k.path, model, 'Europe/Sofia', at), span);
          assert.equal(facts.lastTimedDue, Math.max(0, lastTimedDue(whole, 'Europe/Sofia')), k.name);
          // What a view's badge counts for any set of kinds: the agenda's count of those kinds, there.
          const now = new Date(at);
          assert.deepEqual(facts.overdue, overdueByKind(whole, { ...SETTINGS, now }), k.name);
          for (const kinds of [['promise'], ['waiting'], ['promise', 'waiting', 'scope']] as const) {
            const counted = OVERDUE_KINDS.reduce((n, kind, i) => n + ((kinds as readonly string[]).includes(kind) ? facts.overdue[i] : 0), 0);
            assert.equal(counted, agenda([logSource(whole, k.path, '')], { ...SETTINGS, now, kinds }).overdue, `${k.name} ${kinds.join()}`);
          }
        }
        overdue += second.shownFacts(k.path, model, KEY, AT)!.overdue[0];
        assert.equal(second.shownFacts(k.path, model, KEY, span.until), undefined, 'after the span');
        assert.equal(second.shownFacts(k.path, model, '["UTC",3,3,0,[],"en"]', AT), undefined, 'other settings');
        assert.equal(second.shownSpan(k.path, model, 'UTC', AT), undefined, 'spans made in another zone');
        assert.equal(second.shownFacts(k.path, restoreCompact(k.compact)!, KEY, AT), undefined, 'another model of the file');
        assert.equal(unrestored(model), true, k.name);
      }
      assert.ok(overdue > 0, 'the examples have overdue promises then');
      assert.equal(second.restoredModels, 0);
      assert.equal(second.get(kept[0].path, kept[0].stamp)!.items.length, kept[0].model.items.length);
      assert.equal(second.restoredModels, 1);
    });

    it('writes again the rows of files unchanged since, none of files changed, gone or too fresh, and starts afresh under another key', () => {
      const { store, kept } = firstWindow();
      store.loadShown(undefined, KEY, 'Europe/Sofia');
      for (const k of kept) store.keepShown(k.path, k.model, KEY, AT, SETTINGS, () => shownOf(k.model, AT));
      const index = store.encode();
      const shown = store.encodeShown();

      const { second, changed, gone, fresh, same, edited, editedText, editedStamp, models } = nextWindow(index, kept, '2026-11-20');
      second.loadShown(shown, KEY, 'Europe/Sofia');
      // Only the changed file is shown anew in this window (the others were answered from the rows).
      second.keepShown(changed.path, edited.model, KEY, AT, SETTINGS, () => shownOf(edited.model, AT));
      second.keepShown(fresh.path, fresh.model, KEY, AT, SETTINGS, () => shownOf(fresh.model, AT));
      const index2 = second.encode();
      const shown2 = second.encodeShown();

      const third = new ReviewLogStore('b', T0 + 7_200_000);
      third.load(index2);
      third.loadShown(shown2, KEY, 'Europe/Sofia');
      same.forEach((k, n) => {
        const model = third.get(k.path, k.stamp)!;
        assert.deepEqual(plain(model), plain(models[n]));
        assert.equal(third.shown(k.path, model, KEY, AT), shownOf(model, AT), k.name);
      });
      const model = third.get(changed.path, editedStamp)!;
      assert.equal(third.shown(changed.path, model, KEY, AT), shownOf(parse(editedText, { fileName: changed.name }), AT));
      assert.notEqual(third.shown(changed.path, model, KEY, AT), shownOf(changed.model, AT));
      assert.equal(third.get(gone.path, gone.stamp), undefined);
      assert.equal(third.get(fresh.path, fresh.stamp), undefined);

      // Settings changed in this window: what it shows from then on is kept under the new key only.
      const NEW = '["Europe/Sofia",7,3,0,[],"en"]';
      const m = third.get(same[0].path, same[0].stamp)!;
      third.keepShown(same[0].path, m, NEW, AT, SETTINGS, () => 'under the new key');
      const shown3 = third.encodeShown();
      const fourth = new ReviewLogStore('b', T0 + 9_000_000);
      fourth.load(index2);
      fourth.loadShown(shown3, NEW, 'Europe/Sofia');
      assert.equal(fourth.shown(same[0].path, fourth.get(same[0].path, same[0].stamp)!, NEW, AT), 'under the new key');
      assert.equal(fourth.shown(same[1].path, fourth.get(same[1].path, same[1].stamp)!, NEW, AT), undefined);
      fourth.loadShown(shown3, KEY, 'Europe/Sofia');
      assert.equal(fourth.shown(same[0].path, fourth.get(same[0].path, same[0].stamp)!, KEY, AT), undefined);
    });
  });
});
