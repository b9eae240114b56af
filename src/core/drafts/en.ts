import { stop, type PhraseCode } from './phrasebook';

/** The drafts' wording in English (British conventions: "12 November", "Dr Smith"): its conventions and the phrases built from arguments (its plain sentences: phrases.json). */
export const en: PhraseCode = {
  locale: 'en-GB',
  quotes: ['“', '”'],
  innerQuotes: ['‘', '’'],
  yearSuffix: '',
  dateTime: (day, hhmm) => `${day}, ${hhmm}`,
  onDate: (d) => `on ${d.weekday}, ${d.dayMonth}${d.time ? `, at ${d.time}` : ''}`,

  greeting: (who, tone) => (tone === 'first' ? `Hi ${who},` : `Dear ${who},`),
  titles: { male: 'Mr', female: 'Ms', doctor: 'Dr', keep: ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'] },

  seeds: {
    agreed: (q) => `As agreed earlier, the work covers ${q}.`,
    missed: (q, date) => `We missed the date we promised (${date}) for ${q}.`,
    fix: (q) => `We are completing the promised work (${q}) as our first priority.`,
  },

  apology: {
    by: (d) => stop(`All of it will be in place by ${d}`),
  },

  request: {
    deadline: (s) => `I also checked it against the deadline (${s}).`,
    propose: (d) => stop(`So that it is done properly rather than in a rush, I suggest we have it ready by ${d}`),
    later: (on) => stop(`I will come back to you ${on} with a realistic date`),
    scope: (d, t) => `Proposed ${d} for: ${t} (awaiting confirmation)`,
  },
};
