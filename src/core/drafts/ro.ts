import { stop, type PhraseCode } from './phrasebook';

/** The drafts' wording in Romanian (ș and ț with comma below): its conventions and the phrases built from arguments (its plain sentences: phrases.json). */
export const ro: PhraseCode = {
  locale: 'ro',
  quotes: ['„', '”'],
  innerQuotes: ['«', '»'],
  yearSuffix: '',
  dateTime: (day, hhmm) => `${day}, la ora ${hhmm}`,
  onDate: (d) => `${d.weekday}, ${d.dayMonth}${d.time ? `, la ora ${d.time}` : ''}`,

  greeting: (who) => `Bună ziua, ${who},`,
  titles: { male: 'domnule', female: 'doamnă', keep: ['domnule', 'doamnă'] },

  seeds: {
    agreed: (q) => `Conform înțelegerii noastre, lucrarea cuprinde punctul ${q}.`,
    missed: (q, date) => `Nu am respectat termenul promis (${date}) pentru sarcina ${q}.`,
    fix: (q) => `Finalizăm cu prioritate sarcina promisă ${q}.`,
  },

  apology: {
    by: (d) => stop(`Totul va fi rezolvat până ${d}`),
  },

  request: {
    deadline: (s) => `Am ținut cont și de termenul-limită (${s}).`,
    propose: (d) => stop(`Ca să o facem cum trebuie, nu în grabă, vă propunem ca termen ${d}`),
    later: (on) => stop(`Vă vom scrie din nou ${on}, cu o propunere de termen realist`),
    scope: (d, t) => `Termen propus ${d} pentru: ${t} (așteaptă confirmare)`,
  },
};
