import type { Language } from '../model';
import { bg } from './bg';
import { en } from './en';
import type { PhraseCode, Phrasebook, PhraseText } from './phrasebook';
import PHRASES from './phrases.json';
import { ro } from './ro';
import { ru } from './ru';

/** Each draft language's conventions, titles and phrases built from arguments. */
export const CODE: Readonly<Record<Language, PhraseCode>> = { en, bg, ru, ro };

/** Each draft language's plain sentences, keyed by language as in phrases.json. */
export type Phrases = Readonly<Record<Language, PhraseText>>;

/**
 * The plain sentences: phrases.json, bundled with the core everywhere but in the extension (dist/extension.js,
 * which vscode.dev downloads on every start, leaves their 21 KB out and sets them with setPhrases, read from
 * dist/phrases.json, before it makes a draft).
 */
let phrases: Phrases | undefined = PHRASES;
const books = new Map<Language, Phrasebook>();

let functionWords: ReadonlySet<string> | undefined;

/** Sets the plain sentences (the extension, from dist/phrases.json). */
export function setPhrases(p: Phrases): void {
  phrases = p;
  books.clear();
  functionWords = undefined;
}

/** Every draft language's function words, in lower case. */
export function allFunctionWords(): ReadonlySet<string> {
  return (functionWords ??= new Set(Object.values(BOOKS).flatMap((b) => b.functionWords)));
}

/** Whether the plain sentences are there: a draft needs them. */
export function phrasesLoaded(): boolean {
  return phrases !== undefined;
}

function book(lang: Language): Phrasebook {
  let b = books.get(lang);
  if (!b) {
    if (!phrases) throw new Error('The drafts’ sentences are not loaded (setPhrases, from dist/phrases.json)');
    const c = CODE[lang];
    const t = phrases[lang];
    b = { ...c, ...t, apology: { ...t.apology, ...c.apology }, request: { ...t.request, ...c.request } };
    books.set(lang, b);
  }
  return b;
}

/** The phrasebook of each draft language. */
export const BOOKS: Readonly<Record<Language, Phrasebook>> = {
  get en() {
    return book('en');
  },
  get bg() {
    return book('bg');
  },
  get ru() {
    return book('ru');
  },
  get ro() {
    return book('ro');
  },
};
