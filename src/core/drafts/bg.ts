import { stop, type PhraseCode } from './phrasebook';

/** Before "в" or "ф" the preposition is "във": "във вторник", "в сряда". */
const v = (word: string): string => (/^[вф]/iu.test(word) ? `във ${word}` : `в ${word}`);

/** The drafts' wording in Bulgarian: its conventions and the phrases built from arguments (its plain sentences: phrases.json). */
export const bg: PhraseCode = {
  locale: 'bg',
  quotes: ['„', '“'],
  innerQuotes: ['«', '»'],
  yearSuffix: ' г.',
  dateTime: (day, hhmm) => `${day}, ${hhmm} ч.`,
  onDate: (d) => `${v(d.weekday)}, ${d.dayMonth}${d.time ? `, в ${d.time} ч.` : ''}`,

  greeting: (who, tone) => (tone === 'formalMale' ? `Уважаеми ${who},` : tone === 'formalFemale' ? `Уважаема ${who},` : `Здравейте, ${who},`),
  titles: { male: 'г-н', female: 'г-жо', doctor: 'д-р', keep: ['г-н', 'г-жо', 'д-р', 'господин', 'госпожо'] },

  seeds: {
    agreed: (q) => `Според договореното досега работата включва точката ${q}.`,
    missed: (q, date) => `Не спазихме обещания срок (${date}) за задачата ${q}.`,
    fix: (q) => `С предимство довършваме обещаната задача ${q}.`,
  },

  apology: {
    by: (d) => stop(`Всичко ще бъде готово до ${d}`),
  },

  request: {
    deadline: (s) => `Съобразихме се и с крайния срок (${s}).`,
    propose: (d) => stop(`За да свършим работата както трябва, а не набързо, предлагаме да е готова до ${d}`),
    later: (on) => stop(`Ще се свържем с Вас отново ${on}, за да Ви предложим реалистичен срок`),
    scope: (d, t) => `Предложен срок ${d} за: ${t} (очаква потвърждение)`,
  },
};
