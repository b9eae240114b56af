import type { Language } from '../model';
import { bg } from './bg';
import { en } from './en';
import type { Phrasebook } from './phrasebook';
import { ro } from './ro';
import { ru } from './ru';

/** The phrasebook of each draft language. */
export const BOOKS: Readonly<Record<Language, Phrasebook>> = { en, bg, ru, ro };
