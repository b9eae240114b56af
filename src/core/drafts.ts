import { isIsoDate, parseTime } from './dates';
import type { Language, Triage } from './model';
import { fieldLabel, REASON_WORDS, TRIAGE_WORDS, type RefusalReason } from './notes';

/**
 * Pure builders behind the "Draft refusal / apology / escalation" commands. Each returns the note block
 * for the client's log (keyword in English, field labels in the draft language) and the message to send
 * the client, in the draft language. User text is inserted verbatim: it either stands as its own sentence
 * (only its first letter may be raised to a capital, and a full stop added), follows a colon in a
 * "Label: value" line, or is quoted. No clock: `today` is a parameter.
 */

export interface Recipient {
  /** The contact's full name, e.g. "Ivan Petrov". The greeting uses the first name. */
  readonly name?: string;
  /** How to address them when the first name is not right ("Иван Сергеевич", "Mr Petrov"). */
  readonly address?: string;
}

interface Common {
  readonly lang: Language;
  /** Absent, or without a name: a neutral greeting. */
  readonly recipient?: Recipient;
  /** Signs the message. */
  readonly sender?: string;
  /** The note's title (after the keyword) and the subject's; defaults to a short form of the main text. */
  readonly title?: string;
  /** Today's ISO date: dates in another year are written with the year; escalation requests get a SCOPE line. */
  readonly today?: string;
}

export interface RefusalInput extends Common {
  /** What the client asked for. */
  readonly request: string;
  readonly reason: RefusalReason;
  /** Why not: facts and experience, written as a sentence. */
  readonly facts: string;
  /** What we offer instead, as close as possible to the request. A refusal always has one. */
  readonly alternative: string;
}

export interface ApologyInput extends Common {
  /** What happened, in one or two sentences. */
  readonly what: string;
  /** The apology itself; absent, a plain one in the draft language. */
  readonly apology?: string;
  /** What we are doing to fix it. */
  readonly fix: string;
  /** ISO date by which the fix is done. */
  readonly fixDate?: string;
  /** What prevents a repeat. */
  readonly prevention: string;
  /** What we offer to make up for the trouble. */
  readonly makeup?: string;
  /** A new promise to track (usually the fix): becomes a PROMISE line in `trackLines`. `due` is `YYYY-MM-DD[ HH:MM]`. */
  readonly promise?: { readonly text: string; readonly due: string };
}

export interface EscalationInput extends Common {
  readonly kind: Triage;
  /** What breaks, and for whom, if it waits until tomorrow. */
  readonly breaks: string;
  /** Where the deadline comes from. */
  readonly deadlineSource: string;
  /** Who owns it, as written in the log (a handle such as `@maria`, or a name). */
  readonly owner?: string;
  /** The owner as the client should read it (a full name); defaults to `owner` without its `@`. */
  readonly ownerName?: string;
  /** `YYYY-MM-DD HH:MM` (or a date). */
  readonly nextUpdate?: string;
  /** What the client asked for or reported. */
  readonly request: string;
  /** For a request: the realistic date we propose instead of dropping everything (ISO). */
  readonly proposedDate?: string;
}

export interface Draft {
  /** The note block: header line and one indented `Label: value` line per field, no line breaks inside. */
  readonly noteLines: string[];
  /**
   * PROMISE / SCOPE lines to record next to the note (an apology's new promise; the date proposed for an
   * urgent request, awaiting the client's confirmation). Insert `[...noteLines, ...trackLines]`.
   */
  readonly trackLines: string[];
  /** The title written after the keyword. */
  readonly title: string;
  readonly subject: string;
  /** The message to the client, lines joined with "\n". */
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------------
// Text helpers

/** One line: every run of white space (line breaks included) becomes one space. */
function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

const TERMINAL = /[.!?…][\s"'”“»«„’)\]]*$/u;

/** The text as a sentence of its own: a capital first letter and final punctuation when missing. */
function sentence(s: string): string {
  const t = oneLine(s);
  if (!t) return '';
  const first = String.fromCodePoint(t.codePointAt(0)!);
  const head = first.toLocaleLowerCase() === first && first.toLocaleUpperCase() !== first ? first.toLocaleUpperCase() : first;
  const body = head + t.slice(first.length);
  return TERMINAL.test(body) ? body : `${body}.`;
}

/** The text without one final full stop, for quotes, parentheses and "Label: value" lines. */
function bare(s: string): string {
  const t = oneLine(s);
  return t.endsWith('.') && !t.endsWith('..') ? t.slice(0, -1) : t;
}

const QUOTES: Record<Language, [string, string]> = { en: ['“', '”'], bg: ['„', '“'], ru: ['«', '»'], ro: ['„', '”'] };

function quote(s: string, lang: Language): string {
  const [o, c] = QUOTES[lang];
  return `${o}${bare(s)}${c}`;
}

/** Ends a template sentence with one full stop (a date may already end with "г." or "ч."). */
function stop(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}

/** Joins sentences with single spaces, skipping empty ones. */
function join(...parts: string[]): string {
  return parts.filter((p) => p).join(' ');
}

/** A short title from longer text: the first words, at most 48 characters, no final punctuation. */
export function shortTitle(text: string): string {
  const t = oneLine(text);
  const words = t.split(' ');
  let out = '';
  for (const w of words.slice(0, 7)) {
    if (out && out.length + 1 + w.length > 48) break;
    out = out ? `${out} ${w}` : w;
  }
  if (out.length > 48) out = out.slice(0, 48).trimEnd();
  return out.replace(/[\s.,;:!?…—–-]+$/u, '');
}

const PATRONYMIC = /(?:ович|евич|ьич|ична|овна|евна|инична)$/u;

/** How the greeting addresses the recipient: `address`, else the first name (Russian: name and patronymic). */
export function addressOf(r: Recipient | undefined, lang: Language): string {
  const a = oneLine(r?.address);
  if (a) return a;
  const words = oneLine(r?.name).split(' ').filter((w) => w);
  if (words.length === 0) return '';
  if (lang === 'ru') {
    const k = words.findIndex((w, i) => i > 0 && PATRONYMIC.test(w.toLocaleLowerCase()));
    if (k > 0) return `${words[k - 1]} ${words[k]}`;
  }
  // Skip a leading title such as "Dr." or "г-н".
  const first = words.find((w) => !/[.]$/.test(w) && !/^(г-н|г-жа|mr|mrs|ms|dr)$/i.test(w));
  return first ?? words[0];
}

function greeting(r: Recipient | undefined, lang: Language): string {
  const who = addressOf(r, lang);
  switch (lang) {
    case 'en':
      return who ? `Hi ${who},` : 'Hello,';
    case 'bg':
      return who ? `Здравейте, ${who},` : 'Здравейте,';
    case 'ru':
      return who ? `Здравствуйте, ${who}!` : 'Здравствуйте!';
    case 'ro':
      return who ? `Bună ziua, ${who},` : 'Bună ziua,';
  }
}

const SIGN_OFF: Record<Language, string> = { en: 'Best regards,', bg: 'С уважение,', ru: 'С уважением,', ro: 'Cu stimă,' };

function letter(lang: Language, recipient: Recipient | undefined, sender: string | undefined, paragraphs: string[]): string {
  const lines = [greeting(recipient, lang), ''];
  for (const p of paragraphs) if (p) lines.push(p, '');
  lines.push(SIGN_OFF[lang]);
  const s = oneLine(sender);
  if (s) lines.push(s);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Dates

const LOCALE: Record<Language, string> = { en: 'en-GB', bg: 'bg', ru: 'ru', ro: 'ro' };
const YEAR_SUFFIX: Record<Language, string> = { en: '', bg: ' г.', ru: ' г.', ro: '' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function isoParts(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return [+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
}

export interface DateOptions {
  /** Today's ISO date: the year is written when it differs. */
  readonly today?: string;
  /** Always write the year. */
  readonly year?: boolean;
}

/**
 * A calendar date as people write it in a letter, with the weekday: "Thursday, 26 November",
 * "четвъртък, 26 ноември", "четверг, 26 ноября", "joi, 26 noiembrie" (and the year when asked, or when it
 * is not today's year). Independent of the machine's time zone: the date is built in UTC from its parts.
 * Throws a RangeError for a string that is not a real `YYYY-MM-DD` date.
 */
export function formatDate(iso: string, lang: Language, opts: DateOptions = {}): string {
  const [y, m, d] = isoParts(iso);
  const withYear = opts.year === true || (opts.today !== undefined && opts.today.slice(0, 4) !== iso.slice(0, 4));
  const key = `${lang}:${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' as const } : {}),
    });
    formatters.set(key, f);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(12, 0, 0, 0);
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  const text = `${parts.weekday}, ${parts.day} ${parts.month}`;
  return withYear ? `${text} ${parts.year}${YEAR_SUFFIX[lang]}` : text;
}

/**
 * `YYYY-MM-DD HH:MM` for a letter: "Thursday, 12 November, 15:00", "четвъртък, 12 ноември, 15:00 ч.",
 * "четверг, 12 ноября, 15:00", "joi, 12 noiembrie, ora 15:00". A date alone is formatted as by `formatDate`.
 */
export function formatDateTime(value: string, lang: Language, opts: DateOptions = {}): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:(?:\s+|T)(\d{1,2}:\d{2}))?$/.exec(value.trim());
  if (!m) throw new RangeError(`not a date and time: ${value}`);
  const day = formatDate(m[1], lang, opts);
  if (!m[2]) return day;
  const minutes = parseTime(m[2]);
  if (minutes === undefined) throw new RangeError(`not a time of day: ${m[2]}`);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  switch (lang) {
    case 'en':
      return `${day}, ${hhmm}`;
    case 'bg':
      return `${day}, ${hhmm} ч.`;
    case 'ru':
      return `${day}, ${hhmm}`;
    case 'ro':
      return `${day}, ora ${hhmm}`;
  }
}

function checkDue(due: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{1,2}:\d{2}))?$/.exec(oneLine(due));
  if (!m || !isIsoDate(m[1]) || (m[2] !== undefined && parseTime(m[2]) === undefined)) throw new RangeError(`not a due date: ${due}`);
  return m[2] === undefined ? m[1] : `${m[1]} ${m[2].padStart(5, '0')}`;
}

/** Text for a PROMISE / SCOPE line: one line, and no ` | ` that would read as a history segment. */
function trackText(s: string): string {
  return oneLine(s).replace(/\s\|\s/g, ' / ');
}

// ---------------------------------------------------------------------------------------------------
// Note blocks

function block(keyword: string, title: string, fields: ReadonlyArray<[string, string | undefined]>): string[] {
  const lines = [title ? `${keyword} ${title}` : keyword];
  for (const [label, value] of fields) {
    const v = oneLine(value);
    if (v) lines.push(`  ${label}: ${v}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Refusal

const REASON_LABELS: Record<RefusalReason, Record<Language, string>> = {
  scope: {
    en: 'Out of the agreed scope',
    bg: 'Извън договорения обхват',
    ru: 'Вне согласованного объёма работ',
    ro: 'În afara ariei de lucru convenite',
  },
  budget: { en: 'Beyond the budget', bg: 'Надхвърля бюджета', ru: 'Выходит за рамки бюджета', ro: 'Depășește bugetul' },
  timeline: {
    en: 'The timeline cannot hold',
    bg: 'Срокът е нереалистичен',
    ru: 'Сроки нереалистичны',
    ro: 'Termenul nu poate fi respectat',
  },
  interest: {
    en: 'Not in the client’s interest',
    bg: 'Не е в интерес на клиента',
    ru: 'Не в интересах клиента',
    ro: 'Nu este în interesul clientului',
  },
  policy: {
    en: 'Against policy or law',
    bg: 'Противоречи на правилата или закона',
    ru: 'Противоречит правилам или закону',
    ro: 'Contravine regulilor sau legii',
  },
};

/** A reason as the user picks it: "Out of the agreed scope", "Извън договорения обхват", … */
export function reasonLabel(reason: RefusalReason, lang: Language): string {
  return REASON_LABELS[reason][lang];
}

const ALTERNATIVES: Record<RefusalReason, Record<Language, readonly string[]>> = {
  scope: {
    en: [
      'A smaller version now that fits within the agreed scope.',
      'The same work as the first item of the next phase.',
      'A change request with its own estimate, for your approval.',
      'An introduction to a specialist better placed to do it.',
    ],
    bg: [
      'По-малък вариант още сега, в рамките на договорения обхват.',
      'Същата работа като първа задача в следващия етап.',
      'Отделно искане за промяна със собствена оценка, за Ваше одобрение.',
      'Да Ви свържем със специалист, който е по-подходящ за тази задача.',
    ],
    ru: [
      'Упрощённый вариант уже сейчас, в рамках согласованного объёма работ.',
      'Та же работа — первой задачей следующего этапа.',
      'Отдельный запрос на изменение с собственной оценкой, на Ваше утверждение.',
      'Познакомить Вас со специалистом, который справится с этой задачей лучше.',
    ],
    ro: [
      'O variantă mai restrânsă chiar acum, în aria de lucru convenită.',
      'Aceeași lucrare, ca primă sarcină a etapei următoare.',
      'O cerere de modificare separată, cu estimare proprie, spre aprobarea dumneavoastră.',
      'Să vă punem în legătură cu un specialist mai potrivit pentru această sarcină.',
    ],
  },
  budget: {
    en: [
      'A smaller version that fits the current budget.',
      'The same work spread over the next budget period.',
      'A separate quote for the extra work, for your approval.',
      'Dropping a lower-priority item to make room for this one.',
    ],
    bg: [
      'По-малък вариант, който се вписва в настоящия бюджет.',
      'Същата работа, разпределена и в следващия бюджетен период.',
      'Отделна оферта за допълнителната работа, за Ваше одобрение.',
      'Да отпадне задача с по-нисък приоритет, за да освободим място за тази.',
    ],
    ru: [
      'Упрощённый вариант, который укладывается в текущий бюджет.',
      'Та же работа с переносом части на следующий бюджетный период.',
      'Отдельное коммерческое предложение на дополнительную работу, на Ваше утверждение.',
      'Исключить менее приоритетную задачу, чтобы освободить место для этой.',
    ],
    ro: [
      'O variantă mai restrânsă, care se încadrează în bugetul actual.',
      'Aceeași lucrare, eșalonată și pe perioada bugetară următoare.',
      'O ofertă separată pentru munca suplimentară, spre aprobarea dumneavoastră.',
      'Renunțarea la o sarcină mai puțin prioritară, ca să facem loc acesteia.',
    ],
  },
  timeline: {
    en: [
      'The most important part by your date, and the rest on a later date we can keep.',
      'The whole of it on a later date we can keep.',
      'More people on the team, as a paid change request, to meet your date.',
      'A partner better placed to deliver it by your date.',
    ],
    bg: [
      'Най-важната част до Вашата дата, а останалото — на по-късна дата, която можем да спазим.',
      'Цялата работа на по-късна дата, която можем да спазим.',
      'Повече хора в екипа срещу допълнително заплащане, за да успеем до Вашата дата.',
      'Партньор, който е по-подходящ да я изпълни до Вашата дата.',
    ],
    ru: [
      'Самое важное — к Вашей дате, остальное — к более позднему сроку, который мы точно выдержим.',
      'Вся работа целиком к более позднему сроку, который мы точно выдержим.',
      'Расширить команду за дополнительную плату, чтобы успеть к Вашей дате.',
      'Партнёр, который лучше подходит для того, чтобы успеть к Вашей дате.',
    ],
    ro: [
      'Partea cea mai importantă până la data dorită, iar restul la o dată ulterioară pe care o putem respecta.',
      'Întreaga lucrare la o dată ulterioară pe care o putem respecta.',
      'Mai mulți oameni în echipă, contra cost, ca să putem respecta data dorită.',
      'Un partener mai potrivit pentru a o livra până la data dorită.',
    ],
  },
  interest: {
    en: [
      'A small pilot first, so you can see the results before committing.',
      'Another approach that reaches the same goal with less risk.',
      'A short session to look at the figures together before you decide.',
      'A second opinion from an independent specialist.',
    ],
    bg: [
      'Първо малък пилотен проект, за да видите резултатите, преди да се ангажирате.',
      'Друг подход, който води до същата цел с по-малък риск.',
      'Кратка среща, на която да прегледаме заедно цифрите, преди да решите.',
      'Второ мнение от независим специалист.',
    ],
    ru: [
      'Сначала небольшой пилотный проект, чтобы Вы увидели результаты до окончательного решения.',
      'Другой подход, который ведёт к той же цели с меньшим риском.',
      'Короткая встреча, чтобы вместе посмотреть на цифры, прежде чем Вы примете решение.',
      'Второе мнение независимого специалиста.',
    ],
    ro: [
      'Mai întâi un proiect-pilot de mică amploare, ca să vedeți rezultatele înainte de a vă angaja.',
      'O altă abordare, care duce la același obiectiv cu un risc mai mic.',
      'O scurtă întâlnire în care să analizăm împreună cifrele înainte să decideți.',
      'O a doua opinie de la un specialist independent.',
    ],
  },
  policy: {
    en: [
      'A way to reach the same goal within the rules.',
      'A request to the responsible compliance officer for an approved route.',
      'A smaller version that stays within the rules.',
      'An introduction to a firm authorised to do this.',
    ],
    bg: [
      'Начин да постигнем същата цел, без да нарушаваме правилата.',
      'Запитване до отговорния служител по съответствието за одобрен начин.',
      'По-малък вариант, който остава в рамките на правилата.',
      'Да Ви свържем с фирма, която има право да извършва тази дейност.',
    ],
    ru: [
      'Способ достичь той же цели, не нарушая правил.',
      'Запрос ответственному за соответствие требованиям о допустимом варианте.',
      'Упрощённый вариант, который не выходит за рамки правил.',
      'Познакомить Вас с компанией, у которой есть право выполнять такую работу.',
    ],
    ro: [
      'O cale de a atinge același obiectiv cu respectarea regulilor.',
      'O solicitare către responsabilul de conformitate pentru o variantă aprobată.',
      'O variantă mai restrânsă, care rămâne în limitele regulilor.',
      'Să vă punem în legătură cu o firmă autorizată să facă acest lucru.',
    ],
  },
};

/**
 * Starting points for the Alternative field, worded for the reason: a smaller version, a later date, a
 * paid change, someone better placed. Each is a complete sentence the user can pick and then edit.
 */
export function suggestAlternatives(reason: RefusalReason, lang: Language): string[] {
  return [...ALTERNATIVES[reason][lang]];
}

/** The sentence that says no, with the reason, after the request has been acknowledged. */
const REFUSAL_NO: Record<RefusalReason, Record<Language, string>> = {
  scope: {
    en: 'I have looked at it carefully, and I’m afraid we can’t take it on as part of the current work: it is outside the scope we agreed.',
    bg: 'Разгледахме го внимателно и, за съжаление, не можем да го поемем в рамките на текущата работа, защото излиза извън договорения обхват.',
    ru: 'Мы внимательно его изучили и, к сожалению, не можем взять эту работу в рамках текущего проекта: она выходит за пределы согласованного объёма работ.',
    ro: 'Am analizat-o cu atenție și, din păcate, nu o putem prelua în cadrul proiectului actual, deoarece nu face parte din aria de lucru convenită.',
  },
  budget: {
    en: 'I have looked at it carefully, and I’m afraid we can’t take it on within the budget we agreed.',
    bg: 'Разгледахме го внимателно и, за съжаление, не можем да го поемем в рамките на договорения бюджет.',
    ru: 'Мы внимательно его изучили и, к сожалению, не можем выполнить эту работу в рамках согласованного бюджета.',
    ro: 'Am analizat-o cu atenție și, din păcate, nu o putem realiza în limita bugetului convenit.',
  },
  timeline: {
    en: 'I have looked at it carefully, and I’m afraid we can’t deliver it in that time without putting the quality of the work at risk.',
    bg: 'Разгледахме го внимателно и, за съжаление, не можем да се справим в този срок, без да рискуваме качеството на работата.',
    ru: 'Мы внимательно его изучили и, к сожалению, не сможем уложиться в эти сроки без ущерба для качества.',
    ro: 'Am analizat-o cu atenție și, din păcate, nu o putem realiza în acest termen fără a pune în pericol calitatea lucrării.',
  },
  interest: {
    en: 'I have looked at it carefully, and I would advise against it: I don’t believe it would serve you well.',
    bg: 'Разгледахме го внимателно и, честно казано, не бихме Ви го препоръчали: според нас то не е във Ваш интерес.',
    ru: 'Мы внимательно его изучили и, честно говоря, не советовали бы так поступать: по нашему мнению, это не в Ваших интересах.',
    ro: 'Am analizat-o cu atenție și, sincer, nu v-am recomanda acest pas: considerăm că nu este în interesul dumneavoastră.',
  },
  policy: {
    en: 'I have looked at it carefully, and I’m afraid we can’t do it: it would go against the rules we are bound by.',
    bg: 'Разгледахме го внимателно и, за съжаление, не можем да го изпълним, защото това би противоречало на правилата, които сме длъжни да спазваме.',
    ru: 'Мы внимательно его изучили и, к сожалению, не можем этого сделать: такой шаг противоречил бы правилам, которые мы обязаны соблюдать.',
    ro: 'Am analizat-o cu atenție și, din păcate, nu o putem îndeplini: ar contraveni regulilor pe care suntem obligați să le respectăm.',
  },
};

const REFUSAL_TEXT: Record<Language, { subject: string; thanks: string; instead: string; close: string }> = {
  en: {
    subject: 'Your request: ',
    thanks: 'Thank you for your request: ',
    instead: 'Here is what I can offer instead:',
    close: 'Would that work for you? I’m happy to talk it through on a call if that is easier.',
  },
  bg: {
    subject: 'Относно Вашето искане: ',
    thanks: 'Благодарим Ви за отправеното искане: ',
    instead: 'Вместо това можем да Ви предложим следното:',
    close: 'Устройва ли Ви такъв вариант? Ако предпочитате, можем да го обсъдим и по телефона.',
  },
  ru: {
    subject: 'По Вашему запросу: ',
    thanks: 'Спасибо за Ваш запрос: ',
    instead: 'Взамен мы можем предложить следующее:',
    close: 'Подойдёт ли Вам такой вариант? Если удобнее, давайте обсудим это по телефону.',
  },
  ro: {
    subject: 'Referitor la solicitarea dumneavoastră: ',
    thanks: 'Vă mulțumim pentru solicitarea dumneavoastră: ',
    instead: 'În schimb, vă putem propune următoarea variantă:',
    close: 'Vă convine această variantă? Dacă preferați, o putem discuta și la telefon.',
  },
};

/** A REFUSAL note and a warm, firm message: thanks, the clear no with its reason and facts, the alternative. */
export function draftRefusal(i: RefusalInput): Draft {
  const { lang } = i;
  const title = oneLine(i.title) || shortTitle(i.request);
  const t = REFUSAL_TEXT[lang];
  const noteLines = block('REFUSAL', title, [
    [fieldLabel('refusal', 'request', lang), i.request],
    [fieldLabel('refusal', 'reason', lang), REASON_WORDS[i.reason][lang]],
    [fieldLabel('refusal', 'facts', lang), i.facts],
    [fieldLabel('refusal', 'alternative', lang), i.alternative],
  ]);
  const message = letter(lang, i.recipient, i.sender, [
    join(`${t.thanks}${quote(i.request, lang)}.`, REFUSAL_NO[i.reason][lang], sentence(i.facts)),
    oneLine(i.alternative) ? `${t.instead}\n${sentence(i.alternative)}` : '',
    t.close,
  ]);
  return { noteLines, trackLines: [], title, subject: t.subject + title, message };
}

// ---------------------------------------------------------------------------------------------------
// Apology

const APOLOGY_TEXT: Record<
  Language,
  { subject: string; owe: string; apology: string; fix: string; by: (date: string) => string; prevent: string; makeup: string; close: string; fixBy: string }
> = {
  en: {
    subject: 'Our apology: ',
    owe: 'I owe you an apology.',
    apology: 'I am sorry for the trouble this has caused you.',
    fix: 'Here is how we are putting it right.',
    by: (d) => stop(`All of it will be in place by ${d}`),
    prevent: 'We have also changed the way we work, so that it does not happen again.',
    makeup: 'We would also like to make up for the trouble.',
    close: 'If you would like more detail, I am happy to walk you through it.',
    fixBy: 'by',
  },
  bg: {
    subject: 'Извинение: ',
    owe: 'Дължим Ви извинение.',
    apology: 'Съжаляваме за неудобството, което Ви причинихме.',
    fix: 'Ето как ще поправим нещата.',
    by: (d) => stop(`Всичко ще бъде готово до ${d}`),
    prevent: 'Променихме и начина си на работа, за да не се повтори.',
    makeup: 'Бихме искали и да компенсираме неудобството.',
    close: 'Ако желаете повече подробности, с удоволствие ще Ви разкажем.',
    fixBy: 'до',
  },
  ru: {
    subject: 'Приносим извинения: ',
    owe: 'Мы должны перед Вами извиниться.',
    apology: 'Нам очень жаль, что так получилось.',
    fix: 'Вот как мы это исправляем.',
    by: (d) => stop(`Срок исправления — ${d}`),
    prevent: 'Мы также изменили порядок работы, чтобы это не повторилось.',
    makeup: 'Мы хотели бы компенсировать Вам доставленные неудобства.',
    close: 'Если нужны подробности, мы с удовольствием всё расскажем.',
    fixBy: 'до',
  },
  ro: {
    subject: 'Scuzele noastre: ',
    owe: 'Vă datorăm scuze.',
    apology: 'Ne pare sincer rău pentru situația creată.',
    fix: 'Iată cum îndreptăm lucrurile.',
    by: (d) => stop(`Totul va fi rezolvat până ${d}`),
    prevent: 'Am schimbat și modul de lucru, ca să nu se mai repete.',
    makeup: 'Am dori, de asemenea, să compensăm neplăcerile create.',
    close: 'Dacă doriți mai multe detalii, vi le prezentăm cu plăcere.',
    fixBy: 'până la',
  },
};

/** An APOLOGY note and a brief message: what happened, the apology, the fix and its date, prevention, make-up. */
export function draftApology(i: ApologyInput): Draft {
  const { lang } = i;
  const t = APOLOGY_TEXT[lang];
  if (i.fixDate !== undefined) isoParts(i.fixDate);
  const title = oneLine(i.title) || shortTitle(i.what);
  const apology = oneLine(i.apology) || t.apology;
  const fix = oneLine(i.fix);
  // The note keeps the fix date in ISO (greppable); only when the fix text does not already say it.
  const fixNote = i.fixDate && fix && !fix.includes(i.fixDate) ? `${bare(fix)} (${t.fixBy} ${i.fixDate})` : fix;
  const noteLines = block('APOLOGY', title, [
    [fieldLabel('apology', 'what', lang), i.what],
    [fieldLabel('apology', 'apology', lang), apology],
    [fieldLabel('apology', 'fix', lang), fixNote],
    [fieldLabel('apology', 'prevention', lang), i.prevention],
    [fieldLabel('apology', 'makeup', lang), i.makeup],
  ]);
  const trackLines = i.promise && oneLine(i.promise.text) ? [`PROMISE ${checkDue(i.promise.due)} ${trackText(i.promise.text)}`] : [];
  const message = letter(lang, i.recipient, i.sender, [
    join(t.owe, sentence(i.what), sentence(apology)),
    join(fix ? t.fix : '', sentence(fix), i.fixDate ? t.by(formatDate(i.fixDate, lang, { today: i.today })) : ''),
    oneLine(i.prevention) ? join(t.prevent, sentence(i.prevention)) : '',
    oneLine(i.makeup) ? join(t.makeup, sentence(i.makeup ?? '')) : '',
    t.close,
  ]);
  return { noteLines, trackLines, title, subject: t.subject + title, message };
}

// ---------------------------------------------------------------------------------------------------
// Escalation

const CRISIS_TEXT: Record<
  Language,
  { subject: string; thanks: string; onIt: string; stake: string; deadline: string; owner: string; next: string; closeNext: string; close: string }
> = {
  en: {
    subject: 'Urgent: ',
    thanks: 'Thank you for raising this with us straight away: ',
    onIt: 'We are treating it as a crisis, and it has our full attention now.',
    stake: 'What is at stake',
    deadline: 'Deadline',
    owner: 'Who is on it',
    next: 'Next update from us',
    closeNext: 'If anything changes before then, we will tell you at once.',
    close: 'We will keep you posted until it is resolved.',
  },
  bg: {
    subject: 'Спешно: ',
    thanks: 'Благодарим Ви, че ни уведомихте веднага: ',
    onIt: 'Приехме случая с най-висок приоритет и вече работим по него.',
    stake: 'Какво е застрашено',
    deadline: 'Краен срок',
    owner: 'Отговорник',
    next: 'Следваща информация от нас',
    closeNext: 'Ако нещо се промени преди това, ще Ви уведомим веднага.',
    close: 'Ще Ви държим в течение, докато проблемът бъде решен.',
  },
  ru: {
    subject: 'Срочно: ',
    thanks: 'Спасибо, что сразу сообщили нам: ',
    onIt: 'Мы занимаемся этим в первую очередь и уже работаем над решением.',
    stake: 'Что под угрозой',
    deadline: 'Крайний срок',
    owner: 'Ответственный',
    next: 'Следующее сообщение от нас',
    closeNext: 'Если до этого что-то изменится, мы сразу сообщим.',
    close: 'Будем держать Вас в курсе, пока проблема не будет решена.',
  },
  ro: {
    subject: 'Urgent: ',
    thanks: 'Vă mulțumim că ne-ați anunțat imediat: ',
    onIt: 'Tratăm situația cu prioritate maximă și lucrăm deja la ea.',
    stake: 'Ce este în joc',
    deadline: 'Termen-limită',
    owner: 'Responsabil',
    next: 'Următoarea actualizare',
    closeNext: 'Dacă intervine ceva până atunci, vă anunțăm imediat.',
    close: 'Vă vom ține la curent până la rezolvarea problemei.',
  },
};

const REQUEST_TEXT: Record<
  Language,
  {
    subject: string;
    thanks: string;
    urgent: string;
    checked: string;
    deadline: (src: string) => string;
    propose: (date: string) => string;
    ask: string;
    later: (when: string) => string;
    soon: string;
    close: string;
    scope: (date: string, title: string) => string;
  }
> = {
  en: {
    subject: 'Your urgent request: ',
    thanks: 'Thank you for your request: ',
    urgent: 'I understand it is urgent for you, so I looked into it straight away.',
    checked: 'Before putting everything else on hold, I checked what waiting a day or two would mean.',
    deadline: (s) => `I also checked it against the deadline (${s}).`,
    propose: (d) => stop(`So that it is done properly rather than in a rush, I suggest we have it ready by ${d}`),
    ask: 'Does that date work for you?',
    later: (w) => stop(`I will come back to you with a realistic date by ${w}`),
    soon: 'I will come back to you shortly with a realistic date.',
    close: 'If I have misjudged it and it really cannot wait, just tell me and we will find a way.',
    scope: (d, t) => `Proposed ${d} for: ${t} (awaiting confirmation)`,
  },
  bg: {
    subject: 'Вашето спешно искане: ',
    thanks: 'Благодарим Ви за искането: ',
    urgent: 'Разбираме, че е спешно за Вас, затова го разгледахме веднага.',
    checked: 'Преди да оставим всичко останало, проверихме какво би станало, ако изчака ден-два.',
    deadline: (s) => `Съобразихме се и с крайния срок (${s}).`,
    propose: (d) => stop(`За да свършим работата както трябва, а не набързо, предлагаме да е готова до ${d}`),
    ask: 'Удобна ли Ви е тази дата?',
    later: (w) => stop(`Ще Ви предложим реалистичен срок до ${w}`),
    soon: 'Скоро ще Ви предложим реалистичен срок.',
    close: 'Ако сме преценили погрешно и наистина не може да чака, кажете ни и ще намерим начин.',
    scope: (d, t) => `Предложен срок ${d} за: ${t} (очаква потвърждение)`,
  },
  ru: {
    subject: 'Ваш срочный запрос: ',
    thanks: 'Спасибо за Ваш запрос: ',
    urgent: 'Мы понимаем, что для Вас это срочно, поэтому сразу его изучили.',
    checked: 'Прежде чем откладывать все остальные дела, мы проверили, что будет, если подождать день-другой.',
    deadline: (s) => `Мы также сверились с крайним сроком (${s}).`,
    propose: (d) => stop(`Чтобы сделать всё качественно, а не в спешке, предлагаем такой срок: ${d}`),
    ask: 'Вам подходит эта дата?',
    later: (w) => stop(`Реалистичный срок мы назовём в следующем сообщении: ${w}`),
    soon: 'В ближайшее время мы предложим Вам реалистичный срок.',
    close: 'Если мы ошиблись в оценке и это действительно не может ждать, скажите нам, и мы найдём решение.',
    scope: (d, t) => `Предложен срок ${d} для: ${t} (ждём подтверждения)`,
  },
  ro: {
    subject: 'Solicitarea dumneavoastră urgentă: ',
    thanks: 'Vă mulțumim pentru solicitarea dumneavoastră: ',
    urgent: 'Înțelegem că este urgentă pentru dumneavoastră, așa că am analizat-o imediat.',
    checked: 'Înainte de a lăsa totul deoparte, am verificat ce s-ar întâmpla dacă ar mai aștepta o zi-două.',
    deadline: (s) => `Am ținut cont și de termenul-limită (${s}).`,
    propose: (d) => stop(`Ca să o facem cum trebuie, nu în grabă, vă propunem ca termen ${d}`),
    ask: 'Vă convine această dată?',
    later: (w) => stop(`Vă comunicăm un termen realist până ${w}`),
    soon: 'Revenim în curând cu un termen realist.',
    close: 'Dacă am apreciat greșit și chiar nu poate aștepta, spuneți-ne și găsim o soluție.',
    scope: (d, t) => `Termen propus ${d} pentru: ${t} (așteaptă confirmare)`,
  },
};

/**
 * An ESCALATION note and its message. A crisis: acknowledge, what is at stake, the deadline, the owner and
 * the next update. A request: acknowledge the urgency, what waiting a day means, and a realistic date to
 * agree instead of dropping everything (with a SCOPE line awaiting confirmation when `today` is given).
 */
export function draftEscalation(i: EscalationInput): Draft {
  const { lang } = i;
  if (i.proposedDate !== undefined) isoParts(i.proposedDate);
  const next = oneLine(i.nextUpdate);
  const nextText = next ? formatDateTime(next, lang, { today: i.today }) : '';
  const title = oneLine(i.title) || shortTitle(i.request) || shortTitle(i.breaks);
  const noteLines = block('ESCALATION', title, [
    [fieldLabel('escalation', 'kind', lang), TRIAGE_WORDS[i.kind][lang]],
    [fieldLabel('escalation', 'breaks', lang), i.breaks],
    [fieldLabel('escalation', 'deadline', lang), i.deadlineSource],
    [fieldLabel('escalation', 'owner', lang), i.owner],
    [fieldLabel('escalation', 'next', lang), next],
  ]);
  const trackLines: string[] = [];
  let subject: string;
  let message: string;
  if (i.kind === 'crisis') {
    const t = CRISIS_TEXT[lang];
    const owner = oneLine(i.ownerName) || oneLine(i.owner).replace(/^@/, '');
    const facts = [
      oneLine(i.breaks) ? `${t.stake}: ${bare(i.breaks)}` : '',
      oneLine(i.deadlineSource) ? `${t.deadline}: ${bare(i.deadlineSource)}` : '',
      owner ? `${t.owner}: ${owner}` : '',
      nextText ? `${t.next}: ${nextText}` : '',
    ].filter((l) => l);
    subject = t.subject + title;
    message = letter(lang, i.recipient, i.sender, [
      join(oneLine(i.request) ? `${t.thanks}${quote(i.request, lang)}.` : '', t.onIt),
      facts.join('\n'),
      nextText ? t.closeNext : t.close,
    ]);
  } else {
    const t = REQUEST_TEXT[lang];
    const src = bare(i.deadlineSource);
    subject = t.subject + title;
    message = letter(lang, i.recipient, i.sender, [
      join(`${t.thanks}${quote(i.request, lang)}.`, t.urgent),
      join(t.checked, sentence(i.breaks), src ? t.deadline(src) : ''),
      i.proposedDate
        ? join(t.propose(formatDate(i.proposedDate, lang, { today: i.today })), t.ask)
        : nextText
          ? t.later(nextText)
          : t.soon,
      t.close,
    ]);
    if (i.proposedDate && i.today && isIsoDate(i.today)) trackLines.push(`SCOPE ${i.today} ${trackText(t.scope(i.proposedDate, title))}`);
  }
  return { noteLines, trackLines, title, subject, message };
}
