import type { RefusalReason } from '../notes';

/** A date taken apart for a phrase: "четверг", "12 ноября" (with the year when it is needed), "15:00". */
export interface DateParts {
  readonly weekday: string;
  readonly dayMonth: string;
  readonly time?: string;
}

/** How a greeting addresses someone: by first name, or formally (with the gender when it is known). */
export type Tone = 'first' | 'formal' | 'formalMale' | 'formalFemale';

/**
 * Everything a letter says in one language: the wording of the drafts, apart from the user's own text.
 * One object per language: its conventions and the phrases built from arguments in en.ts, bg.ts, ru.ts, ro.ts
 * (PhraseCode), its plain sentences in phrases.json (PhraseText), put together by books.ts; a phrase missing
 * from one of them is a type error.
 * The logic that assembles letters from these phrases is in letters.ts. Sentences are built around the
 * template's own nouns, so that their grammar never depends on the user's text.
 */
export interface Phrasebook {
  /** The locale whose month and weekday names `Intl.DateTimeFormat` writes. */
  readonly locale: string;
  /** Opening and closing quotation marks. */
  readonly quotes: readonly [string, string];
  /** Quotation marks for a quotation inside a quotation. */
  readonly innerQuotes: readonly [string, string];
  /** Written after the year of a date ("2027 г."), with its leading space; empty when none. */
  readonly yearSuffix: string;
  /** A day ("Thursday, 12 November", or "12 November") and a time (`HH:MM`) as one phrase. */
  readonly dateTime: (day: string, hhmm: string) => string;
  /** A date as the time something happens: "on Thursday, 12 November, at 15:00", "в четверг, 12 ноября, в 15:00". */
  readonly onDate: (d: DateParts) => string;
  /** Words a title must not end on (prepositions, conjunctions, articles, pronouns, auxiliaries), in lower case. */
  readonly functionWords: readonly string[];

  /** The greeting line, to someone addressed as `who`. */
  readonly greeting: (who: string, tone: Tone) => string;
  /** The greeting line when there is no name to address. */
  readonly greetingNeutral: string;
  /** Titles written before a surname in a greeting: "Mr"/"Ms", "г-н"/"г-жо", "domnule"/"doamnă"; a doctor's, when the language has a form that needs no gender. */
  readonly titles: {
    readonly male: string;
    readonly female: string;
    readonly doctor?: string;
    /** Titles of this language that a greeting keeps as written ("Mrs" stays "Mrs"). */
    readonly keep: readonly string[];
  };
  readonly signOff: string;

  /** Starting points for fields, in the client's language, that describe an item rather than copy its log line. */
  readonly seeds: {
    /** A refusal's facts from something agreed earlier (`q` is quoted already). */
    readonly agreed: (q: string) => string;
    /** What happened, for a promise missed: its quoted text and its date. */
    readonly missed: (q: string, date: string) => string;
    /** The fix, for a promise missed. */
    readonly fix: (q: string) => string;
  };

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
    /** The apology used when the user writes none: it owns the mistake. */
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
    /** When we will come back with a date (`on` is an `onDate` phrase): it must not read as the deadline itself. */
    readonly later: (on: string) => string;
    readonly soon: string;
    readonly close: string;
    /** The text of the SCOPE line that records the proposed date, awaiting the client's confirmation. */
    readonly scope: (date: string, title: string) => string;
  };
}

/** The phrasebook's plain sentences, which phrases.json holds: every phrase that is not built from arguments, and the function words. */
type TextKey = 'functionWords' | 'greetingNeutral' | 'signOff' | 'reasonLabels' | 'alternatives' | 'refusalNo' | 'refusal' | 'crisis';
type ApologyCode = 'by';
type RequestCode = 'deadline' | 'propose' | 'later' | 'scope';
export type PhraseText = Pick<Phrasebook, TextKey> & {
  readonly apology: Omit<Phrasebook['apology'], ApologyCode>;
  readonly request: Omit<Phrasebook['request'], RequestCode>;
};
/** The rest of a phrasebook, in its language's .ts file: its conventions, word lists and phrases built from arguments. */
export type PhraseCode = Omit<Phrasebook, TextKey | 'apology' | 'request'> & {
  readonly apology: Pick<Phrasebook['apology'], ApologyCode>;
  readonly request: Pick<Phrasebook['request'], RequestCode>;
};

/** Ends a template sentence with one full stop (a date may already end with "г." or "ч."). */
export function stop(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}
