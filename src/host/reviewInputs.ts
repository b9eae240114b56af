import * as vscode from 'vscode';
import { parseBytes, reviewInput, type ClientLog, type ReviewInput } from '../core';
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
 * index's compact models of closed files leave out). Kept per file and re-read only when the index's model
 * of that file changes (an open document's full model is read directly; a closed file's text is read once
 * more, through the index's file service: node:fs in the Node host, `workspace.fs` in the web worker host). `logs()` answers once every file is read; `onDidChange` fires after the index changed.
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

  constructor(private readonly index: WorkspaceIndex) {
    this.subscription = index.onDidChange(() => {
      this.generation++;
      this.changed = true;
    });
    this.onDidChange = index.onDidChange;
  }

  /** The input of a log as last read, if it is still that of the index's model (no reading). */
  cached(uri: vscode.Uri): ReviewInput | undefined {
    const e = this.index.get(uri);
    const hit = e && this.cache.get(uri.toString());
    return hit && hit.log === e.log ? hit.input : undefined;
  }

  /** Reads what changed since the last read, in the background, then fires `onDidLoad` (once per change). */
  warm(): void {
    if (this.warming || !this.changed) return;
    this.changed = false;
    this.warming = this.logs().then(
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
  logs(): Promise<ReviewLog[]> {
    // A call after the index changed reads again (the read under way may have missed the change).
    if (this.reading && this.readingGeneration === this.generation) return this.reading;
    const p: Promise<ReviewLog[]> = this.read().finally(() => {
      if (this.reading === p) this.reading = undefined;
    });
    this.reading = p;
    this.readingGeneration = this.generation;
    return p;
  }

  private reading: Promise<ReviewLog[]> | undefined;
  private readingGeneration = 0;
  /** Counts the index's changes. */
  private generation = 0;

  private async read(): Promise<ReviewLog[]> {
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
        out[k] = await this.inputOf(entries[k]);
        if (performance.now() - slice >= YIELD_MS) {
          await new Promise((r) => setTimeout(r, 0));
          slice = performance.now();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, worker));
    return out.filter((x): x is ReviewLog => !!x);
  }

  private async inputOf(e: IndexedLog): Promise<ReviewLog | undefined> {
    const key = e.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.log === e.log) return { uri: e.uri, input: hit.input };
    let full = e.log;
    if (e.log.compact) {
      try {
        const bytes = await this.index.files.readFile(e.uri);
        full = parseBytes(bytes, { fileName: e.uri.path });
      } catch {
        return undefined;
      }
    }
    const input = reviewInput(full);
    this.cache.set(key, { log: e.log, input });
    return { uri: e.uri, input };
  }

  dispose(): void {
    this.subscription.dispose();
    this.loadedEmitter.dispose();
  }
}
