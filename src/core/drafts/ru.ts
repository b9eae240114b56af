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
  // One string, split at spaces: shorter in the web bundle than an array of quoted words.
  functionWords:
    'и или но а в во на с со к ко по о об обо от до для за из у при про без над под перед через после между что чтобы как не ни бы ли же уже который которая которое которые вам вас нам нас им их мы вы я он она они это этот эта эти наш наша ваш ваша все всё всеми всех всем всего каждый один одна одного одной'.split(
      ' ',
    ),

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
