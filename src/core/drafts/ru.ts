import { stop, type PhraseCode } from './phrasebook';

/** A weekday after "в": accusative, and "во" before "вторник". */
function vo(weekday: string): string {
  const acc = weekday.replace(/а$/u, 'у');
  return /^вт/iu.test(acc) ? `во ${acc}` : `в ${acc}`;
}

/** The drafts' wording in Russian: its conventions and the phrases built from arguments (its plain sentences: phrases.json). */
export const ru: PhraseCode = {
  locale: 'ru',
  quotes: ['«', '»'],
  innerQuotes: ['„', '“'],
  yearSuffix: ' г.',
  dateTime: (day, hhmm) => `${day}, ${hhmm}`,
  onDate: (d) => `${vo(d.weekday)}, ${d.dayMonth}${d.time ? `, в ${d.time}` : ''}`,

  greeting: (who, tone) => (tone === 'formalMale' ? `Уважаемый ${who}!` : tone === 'formalFemale' ? `Уважаемая ${who}!` : `Здравствуйте, ${who}!`),
  titles: { male: 'г-н', female: 'г-жа', keep: ['г-н', 'г-жа', 'господин', 'госпожа'] },

  seeds: {
    agreed: (q) => `По нашей договорённости в объём работ входит пункт ${q}.`,
    missed: (q, date) => `Мы не уложились в обещанный срок (${date}) по задаче ${q}.`,
    fix: (q) => `В первую очередь завершаем обещанную задачу ${q}.`,
  },

  apology: {
    by: (d) => stop(`Срок исправления — ${d}`),
  },

  request: {
    deadline: (s) => `Мы также сверились с крайним сроком (${s}).`,
    propose: (d) => stop(`Чтобы сделать всё качественно, а не в спешке, предлагаем такой срок: ${d}`),
    later: (on) => stop(`Мы свяжемся с Вами ${on} и предложим реалистичный срок`),
    scope: (d, t) => `Предложен срок ${d} для: ${t} (ждём подтверждения)`,
  },
};
