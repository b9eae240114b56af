import * as vscode from 'vscode';
import { logTimeZone, zonedNow, type ClientLog, type Timers } from '../core';
import { userTimeZone } from './settings';

/**
 * "Now" for the whole extension. When time passing changes findings is the scheduler's business
 * (host/scheduler.ts); the clock only tells it when tests move "now" (`onDidMove`).
 */
export class Clock implements vscode.Disposable {
  /** Set by the test hooks: the instant "now" was moved to, and the real instant it was moved at. */
  private moved: { to: number; at: number; running: boolean } | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when tests moved "now" (see `setNow`). */
  readonly onDidMove = this.emitter.event;

  /** @param startAt test hooks only: "now" from activation on (an ISO instant; time goes on from it) */
  constructor(startAt?: string) {
    const to = startAt ? Date.parse(startAt) : NaN;
    if (!Number.isNaN(to)) this.moved = { to, at: Date.now(), running: true };
  }

  now(): Date {
    const m = this.moved;
    if (!m) return new Date();
    return new Date(m.running ? m.to + (Date.now() - m.at) : m.to);
  }

  /** Today's date in the user's time zone. */
  today(): string {
    return zonedNow(this.now(), userTimeZone()).date;
  }

  /** Today's date where a log's dates are read: its front matter time zone, else the user's. */
  todayFor(log: ClientLog | undefined): string {
    return log ? zonedNow(this.now(), logTimeZone(log, userTimeZone())).date : this.today();
  }

  /**
   * Test hook: evaluate as of another instant (undefined returns to the real time). `running`: time goes
   * on from there at the real pace, so the scheduler's own timers see it pass.
   */
  setNow(iso: string | undefined, running = false): void {
    const to = iso ? Date.parse(iso) : NaN;
    this.moved = Number.isNaN(to) ? undefined : { to, at: Date.now(), running };
    this.emitter.fire();
  }

  /** This clock with the real timers, for the core's `Scheduler` (the time scheduler's and the reminders'). */
  timers(): Timers {
    return {
      now: () => this.now().getTime(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
