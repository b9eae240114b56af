import type { Language } from '../model';
import { BOOKS, CODE } from './books';
import type { Tone } from './phrasebook';
import { oneLine } from './words';

/** How letters greet their recipient: an `address` given in the log, else a polite form of the name. */

export interface Recipient {
  /** The contact's full name, e.g. "Ivan Petrov". */
  readonly name?: string;
  /** How to address them, as written after the greeting ("Елена Викторовна", "domnule Ionescu", "Mr Petrov"). */
  readonly address?: string;
}

type Gender = 'male' | 'female' | 'doctor';

/** Titles written before a surname, in any of the four languages (lower case, without a final full stop). */
const TITLES: Readonly<Record<string, Gender>> = {
  mr: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  dr: 'doctor',
  'г-н': 'male',
  'г-жа': 'female',
  'г-жо': 'female',
  'д-р': 'doctor',
  господин: 'male',
  госпожа: 'female',
  госпожо: 'female',
  dl: 'male',
  domnul: 'male',
  domnule: 'male',
  dna: 'female',
  'd-na': 'female',
  doamna: 'female',
  doamnă: 'female',
  'd-ra': 'female',
};

/** A Russian patronymic: -ович/-евич/-ич (Ильич, Кузьмич, Лукич, Никитич) and -овна/-евна/-ична (Ильинична). */
const PATRONYMIC = /(?:вич|ьич|мич|кич|тич|овна|евна|ична)$/u;
const FEMALE_PATRONYMIC = /(?:овна|евна|ична)$/u;

/** A Romanian surname, when a name is written surname first ("Popescu Ioana"). */
const RO_SURNAME = /(?:escu|eanu|ianu|anu|aru|oiu)$/iu;

function titleOf(word: string): Gender | undefined {
  return TITLES[word.toLocaleLowerCase().replace(/\.$/, '')];
}

interface Salutation {
  readonly who: string;
  readonly tone: Tone;
}

/** A title in the letter's language: as written when the language keeps it, else its own form for the gender. */
function titleIn(word: string, g: 'male' | 'female', lang: Language): string {
  const t = CODE[lang].titles;
  const w = word.replace(/\.$/, '');
  return t.keep.find((k) => k.toLocaleLowerCase() === w.toLocaleLowerCase()) ?? (g === 'male' ? t.male : t.female);
}

function toneOf(g: Gender | undefined): Tone {
  return g === 'male' ? 'formalMale' : g === 'female' ? 'formalFemale' : 'formal';
}

/** An address given as written: a leading title takes the letter language's form ("г-жа" in Bulgarian is "г-жо"). */
function fromAddress(words: string[], lang: Language): Salutation {
  const g = titleOf(words[0]);
  if (words.length > 1 && g && g !== 'doctor') {
    return { who: [titleIn(words[0], g, lang), ...words.slice(1)].join(' '), tone: toneOf(g) };
  }
  if (g === 'doctor') return { who: words.join(' '), tone: 'formal' };
  const k = patronymicAt(words);
  if (k > 0) return { who: words.join(' '), tone: FEMALE_PATRONYMIC.test(words[k].toLocaleLowerCase()) ? 'formalFemale' : 'formalMale' };
  return { who: words.join(' '), tone: 'first' };
}

function patronymicAt(words: readonly string[]): number {
  return words.findIndex((w, i) => i > 0 && /^\p{Script=Cyrillic}+$/u.test(w) && /^\p{Lu}/u.test(w) && PATRONYMIC.test(w.toLocaleLowerCase()));
}

function salutation(r: Recipient | undefined, lang: Language): Salutation | undefined {
  const address = oneLine(r?.address)
    .split(' ')
    .filter((w) => w);
  if (address.length > 0) return fromAddress(address, lang);
  const words = oneLine(r?.name)
    .split(' ')
    .filter((w) => w);
  if (words.length === 0) return undefined;
  const b = CODE[lang];
  const g = titleOf(words[0]);
  if (g && words.length > 1) {
    const surname = words[words.length - 1];
    if (g === 'doctor') {
      if (b.titles.doctor) return { who: `${b.titles.doctor} ${surname}`, tone: 'formal' };
    } else return { who: `${titleIn(words[0], g, lang)} ${surname}`, tone: toneOf(g) };
  }
  const rest = g ? words.slice(1) : words;
  // Russian letters: name and patronymic, whichever order the name is written in.
  if (lang === 'ru') {
    const k = patronymicAt(rest);
    if (k > 0) return { who: `${rest[k - 1]} ${rest[k]}`, tone: FEMALE_PATRONYMIC.test(rest[k].toLocaleLowerCase()) ? 'formalFemale' : 'formalMale' };
  }
  if (rest.length >= 2 && RO_SURNAME.test(rest[0]) && !RO_SURNAME.test(rest[rest.length - 1])) return { who: rest[1], tone: 'first' };
  return { who: rest[0], tone: 'first' };
}

/**
 * How the greeting addresses the recipient: `address` (a title in it takes the letter language's form),
 * else from the name: a title with the surname ("Dr Smith", "г-н Петров", "doamnă Popescu"), in Russian
 * the name and patronymic, else the first name (a Romanian surname written first is skipped).
 */
export function addressOf(r: Recipient | undefined, lang: Language): string {
  return salutation(r, lang)?.who ?? '';
}

/** The greeting line: "Dear Dr Smith,", "Уважаемая Елена Викторовна!", "Bună ziua, Ioana,", or a neutral one. */
export function greeting(r: Recipient | undefined, lang: Language): string {
  const s = salutation(r, lang);
  return s ? BOOKS[lang].greeting(s.who, s.tone) : BOOKS[lang].greetingNeutral;
}
