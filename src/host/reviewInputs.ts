import * as vscode from 'vscode';
import { covers, parseBytes, reviewInput, type ClientLog, type ReviewInput } from '../core';
import { WEB_BUNDLE } from './bundle';
// Only the Node host's bundle has it (./indexStore.ts; the web bundle folds its use away).
import * as nodeStore from './indexStore';
import type { IndexedLog, WorkspaceIndex } from './workspaceIndex';

/** Reads in flight (`workspace.fs` in the web worker host; the Node host's node:fs reads return at once). */
const READ_CONCURRENCY = 16;
/** The reading yields to the extension host's other work this often (the Node host reads and parses in one go). */
const YIELD_MS = 10;

export interface ReviewLog {
  readonly uri: vscode.Uri;
  readonly input: ReviewInput;
}

/**
 * What the weekly review reads of every log (`ReviewInput`: closed items and their history too, which the
 * index's compact models of closed files leave out). Kept per file and made again only when the index's model
 * of that file changes. An open document's full model is read directly. A closed file's is the recent input the
 * persisted index keeps with its model (the Node host's parse worker made both of one read: no file is read), when
 * it reaches back far enough; else the file's text is read once more, through the index's file service (node:fs in
 * the Node host, `workspace.fs` in the web worker host). Each call says from which day it needs the logs' history
 * (`frameStart` of its review). `logs()` answers once every file is read; `onDidChange` fires after the index changed.
 */
export class ReviewInputs implements vscode.Disposable {
  private readonly cache = new Map<string, { log: ClientLog; input: ReviewInput }>();
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** Fires when the index changed (the inputs are read again on the next `logs()`): the index's own event. */
  readonly onDidChange: vscode.Event<unknown>;
  /** Fires when `warm()` has read every log. */
  readonly onDidLoad = this.loadedEmitter.event;
  private changed = true;
  private warming: Promise<void> | undefined;
  /** How many inputs were made so far of the persisted index's recent ones (test hooks, editor benchmark). */
  fromStore = 0;

  constructor(private readonly index: WorkspaceIndex) {
    this.subscription = index.onDidChange(() => {
      this.generation++;
      this.changed = true;
    });
    this.onDidChange = index.onDidChange;
  }

  /** The input of a log as last read, if it is still that of the index's model and reaches back to `from` (no reading). */
  cached(uri: vscode.Uri, from: string): ReviewInput | undefined {
    const e = this.index.get(uri);
    const hit = e && this.cache.get(uri.toString());
    return hit && hit.log === e.log && covers(hit.input, from) ? hit.input : undefined;
  }

  /** Reads what changed since the last read, in the background, then fires `onDidLoad` (once per change). */
  warm(from: string): void {
    if (this.warming || !this.changed) return;
    this.changed = false;
    this.warming = this.logs(from).then(
      () => {
        this.warming = undefined;
        this.loadedEmitter.fire();
      },
      () => {
        this.warming = undefined;
      },
    );
  }

  /**
   * Every indexed log's review input, in the index's order (files that cannot be read are left out). Calls made
   * while a read is under way share it (the Weekly Review starts one when its panel opens, then asks again
   * once its page is ready).
   */
  logs(from: string): Promise<ReviewLog[]> {
    // A call after the index changed reads again (the read under way may have missed the change), and so does one
    // that needs more history.
    if (this.reading && this.readingGeneration === this.generation && this.readingFrom <= from) return this.reading;
    const p: Promise<ReviewLog[]> = this.read(from).finally(() => {
      if (this.reading === p) this.reading = undefined;
    });
    this.reading = p;
    this.readingGeneration = this.generation;
    this.readingFrom = from;
    return p;
  }

  private reading: Promise<ReviewLog[]> | undefined;
  private readingGeneration = 0;
  private readingFrom = '';
  /** Counts the index's changes. */
  private generation = 0;

  private async read(from: string): Promise<ReviewLog[]> {
    await this.index.ready();
    const entries = this.index.all();
    const live = new Set(entries.map((e) => e.uri.toString()));
    for (const k of this.cache.keys()) if (!live.has(k)) this.cache.delete(k);
    const out: Array<ReviewLog | undefined> = new Array(entries.length);
    let next = 0;
    let slice = performance.now();
    const worker = async () => {
      while (next < entries.length) {
        const k = next++;
        out[k] = await this.inputOf(entries[k], from);
        if (performance.now() - slice >= YIELD_MS) {
          await new Promise((r) => setTimeout(r, 0));
          slice = performance.now();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, worker));
    return out.filter((x): x is ReviewLog => !!x);
  }

  private async inputOf(e: IndexedLog, from: string): Promise<ReviewLog | undefined> {
    const key = e.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.log === e.log && covers(hit.input, from)) return { uri: e.uri, input: hit.input };
    let input = e.log.compact ? await this.stored(e, from) : reviewInput(e.log);
    if (!input) {
      try {
        const bytes = await this.index.files.readFile(e.uri);
        input = reviewInput(parseBytes(bytes, { fileName: e.uri.path }));
      } catch {
        return undefined;
      }
    }
    this.cache.set(key, { log: e.log, input });
    return { uri: e.uri, input };
  }

  /** The recent input the persisted index keeps with the closed file's model, if it reaches back to `from`. */
  private async stored(e: IndexedLog, from: string): Promise<ReviewInput | undefined> {
    // The web worker host has no parse worker to make them.
    const json = WEB_BUNDLE ? undefined : await nodeStore.storedReview(this.index.persisted, e.uri, e.log);
    if (json === undefined) return undefined;
    try {
      const input = JSON.parse(json) as ReviewInput;
      if (!covers(input, from)) return undefined;
      this.fromStore++;
      return input;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.loadedEmitter.dispose();
  }
}
