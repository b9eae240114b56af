import { stop, type PhraseCode } from './phrasebook';

/** The drafts' wording in Romanian (ș and ț with comma below): its conventions and the phrases built from arguments (its plain sentences: phrases.json). */
export const ro: PhraseCode = {
  locale: 'ro',
  quotes: ['„', '”'],
  innerQuotes: ['«', '»'],
  yearSuffix: '',
  dateTime: (day, hhmm) => `${day}, la ora ${hhmm}`,
  onDate: (d) => `${d.weekday}, ${d.dayMonth}${d.time ? `, la ora ${d.time}` : ''}`,
  // One string, split at spaces: shorter in the web bundle than an array of quoted words.
  functionWords:
    'și sau dar iar de la în pe cu din pentru spre prin până fără despre că să nu un o unei unui niște al a ale ai care ce este sunt e am au vă ne le îi își se mai după între sub peste dintre către decât ca dacă acest această noastră nostru dumneavoastră toate toți fiecare'.split(
      ' ',
    ),

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
