import * as vscode from 'vscode';
import { logTimeZone, msUntilNextMidnight, zonedNow, type ClientLog } from '../core';
import { userTimeZone } from './settings';

const CHECK_EVERY_MS = 60_000;

/**
 * "Now" for the whole extension, and a signal when findings may have changed because time passed:
 * at local midnight, on the minute while something is due today at a given time, and when the window
 * regains focus or the machine wakes after the date changed. Tests can move it (see `setOffset`).
 */
export class Clock implements vscode.Disposable {
  private offsetMs = 0;
  private fixed: number | undefined;
  private midnight: ReturnType<typeof setTimeout> | undefined;
  private readonly interval: ReturnType<typeof setInterval>;
  private lastDate: string;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly focus: vscode.Disposable;
  /** Fires when the local date changed (or the clock was moved). */
  readonly onDidChangeDay = this.emitter.event;
  /** Set by features that have items due at a time today, so the minute tick refreshes them. */
  minuteListeners = new Set<() => void>();

  constructor() {
    this.lastDate = this.today();
    this.armMidnight();
    // A minute check catches sleep/wake (timers stall while the machine sleeps) and due times.
    this.interval = setInterval(() => this.tick(), CHECK_EVERY_MS);
    this.focus = vscode.window.onDidChangeWindowState((s) => {
      if (s.focused) this.tick();
    });
  }

  now(): Date {
    return new Date(this.fixed ?? Date.now() + this.offsetMs);
  }

  /** Today's date in the user's time zone. */
  today(): string {
    return zonedNow(this.now(), userTimeZone()).date;
  }

  /** Today's date where a log's dates are read: its front matter time zone, else the user's. */
  todayFor(log: ClientLog | undefined): string {
    return log ? zonedNow(this.now(), logTimeZone(log, userTimeZone())).date : this.today();
  }

  /** Test hook: evaluate as of another instant (undefined returns to the real time). */
  setNow(iso: string | undefined): void {
    this.fixed = iso ? Date.parse(iso) : undefined;
    if (this.fixed !== undefined && Number.isNaN(this.fixed)) this.fixed = undefined;
    this.tick(true);
  }

  /** Re-arms timers after the time-zone setting changed. */
  reset(): void {
    this.tick(true);
  }

  private armMidnight(): void {
    if (this.midnight) clearTimeout(this.midnight);
    const ms = Math.min(msUntilNextMidnight(this.now(), userTimeZone()) + 500, 2 ** 31 - 1);
    this.midnight = setTimeout(() => this.tick(), ms);
  }

  private tick(force = false): void {
    const d = this.today();
    if (force || d !== this.lastDate) {
      this.lastDate = d;
      this.armMidnight();
      this.emitter.fire();
    } else {
      for (const l of this.minuteListeners) l();
    }
  }

  dispose(): void {
    if (this.midnight) clearTimeout(this.midnight);
    clearInterval(this.interval);
    this.focus.dispose();
    this.emitter.dispose();
  }
}
