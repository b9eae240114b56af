import type { RefusalReason } from '../notes';

/**
 * Everything a letter says in one language: the wording of the drafts, apart from the user's own text.
 * One object per language (en.ts, bg.ts, ru.ts, ro.ts); a phrase missing from one of them is a type error.
 * The logic that assembles letters from these phrases is in letters.ts.
 */
export interface Phrasebook {
  /** The locale whose month and weekday names `Intl.DateTimeFormat` writes. */
  readonly locale: string;
  /** Opening and closing quotation marks. */
  readonly quotes: readonly [string, string];
  /** Written after the year of a date ("2027 г."), with its leading space; empty when none. */
  readonly yearSuffix: string;
  /** A day ("Thursday, 12 November") and a time (`HH:MM`) as one phrase. */
  readonly dateTime: (day: string, hhmm: string) => string;
  /** The greeting line, to someone addressed by name. */
  readonly greeting: (who: string) => string;
  /** The greeting line when there is no name to address. */
  readonly greetingNeutral: string;
  readonly signOff: string;

  /** Each refusal reason as the user picks it. */
  readonly reasonLabels: Readonly<Record<RefusalReason, string>>;
  /** Starting points for a refusal's alternative, per reason: complete sentences. */
  readonly alternatives: Readonly<Record<RefusalReason, readonly string[]>>;
  /** The sentence that says no, with the reason, after the request has been acknowledged. */
  readonly refusalNo: Readonly<Record<RefusalReason, string>>;
  readonly refusal: {
    readonly subject: string;
    readonly thanks: string;
    readonly instead: string;
    readonly close: string;
  };

  readonly apology: {
    readonly subject: string;
    readonly owe: string;
    /** The apology used when the user writes none. */
    readonly apology: string;
    readonly fix: string;
    readonly by: (date: string) => string;
    readonly prevent: string;
    readonly makeup: string;
    readonly close: string;
    /** "by" before the ISO fix date in the note's Fix field. */
    readonly fixBy: string;
  };

  readonly crisis: {
    readonly subject: string;
    readonly thanks: string;
    readonly onIt: string;
    readonly stake: string;
    readonly deadline: string;
    readonly owner: string;
    readonly next: string;
    readonly closeNext: string;
    readonly close: string;
  };

  readonly request: {
    readonly subject: string;
    readonly thanks: string;
    readonly urgent: string;
    readonly checked: string;
    readonly deadline: (src: string) => string;
    readonly propose: (date: string) => string;
    readonly ask: string;
    readonly later: (when: string) => string;
    readonly soon: string;
    readonly close: string;
    /** The text of the SCOPE line that records the proposed date, awaiting the client's confirmation. */
    readonly scope: (date: string, title: string) => string;
  };
}

/** Ends a template sentence with one full stop (a date may already end with "г." or "ч."). */
export function stop(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}
