import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  agreedSeed,
  draftApology,
  draftEscalation,
  draftRefusal,
  fixSeed,
  missedSeed,
  shortTitle,
  suggestAlternatives,
  type Draft,
  type Person,
} from '../../src/core/drafts';
import { LANGUAGES, type Language } from '../../src/core/model';
import { REFUSAL_REASONS } from '../../src/core/notes';

/**
 * Every letter kind in every language, generated from fixed inputs and compared with the files under
 * test/golden/drafts/, so that any change of wording shows in review. `UPDATE_GOLDEN=1 npx mocha` rewrites
 * them. The inputs are written the way users write their logs: @handles, #tags, ISO dates, straight quotes.
 */

const DIR = path.join(__dirname, '..', 'golden', 'drafts');
const TODAY = '2026-11-12';

export interface GoldenInput {
  readonly people: readonly Person[];
  /** The recipient: a name, and for some languages an `address`. */
  readonly recipient: { readonly name: string; readonly address?: string };
  readonly sender: string;
  readonly request: string;
  readonly facts: string;
  /** A confirmed scope change, for the facts seed of a scope or budget refusal. */
  readonly agreed: string;
  readonly apology: { readonly what: string; readonly fix: string; readonly prevention: string; readonly makeup: string };
  /** The promise that "Own it" starts from. */
  readonly missed: { readonly text: string; readonly date: string };
  readonly crisis: { readonly request: string; readonly breaks: string; readonly deadline: string };
  readonly urgent: { readonly request: string; readonly breaks: string; readonly deadline: string };
}

export const GOLDEN: Record<Language, GoldenInput> = {
  en: {
    people: [
      { name: 'Ivan Petrov', handle: 'ivan' },
      { name: 'Maria Ivanova', handle: 'maria' },
    ],
    recipient: { name: 'Ivan Petrov' },
    sender: 'Maria Ivanova',
    request: 'Send @ivan the raw payroll file with every change made since 2026-10-01 #payroll',
    facts: 'The file holds personal data of 240 employees; the contract (clause 7) lets us share only the "anonymised" extract.',
    agreed: 'Monthly anonymised payroll extract for @ivan #payroll',
    apology: {
      what: 'The board pack promised for 2026-11-05 went out on 2026-11-07; I underestimated the data cleaning.',
      fix: 'The missing appendix is attached, and I will walk @ivan through it.',
      prevention: 'Data cleaning now gets its own day in every plan.',
      makeup: 'The follow-up workshop is on us.',
    },
    missed: { text: 'Send the webinar estimate to @ivan #proposal', date: '2026-11-10' },
    crisis: {
      request: 'The payroll export fails for every employee since the 2026-11-11 release',
      breaks: 'No employee is paid on Friday if the export stays down.',
      deadline: 'The bank cut-off, Thursday 16:00',
    },
    urgent: {
      request: 'Rebuild the whole reporting dashboard with the new design "before the board"',
      breaks: 'Nothing breaks if it waits a day; the board meets on 2026-11-30.',
      deadline: 'The board meeting on 2026-11-30',
    },
  },
  bg: {
    people: [
      { name: 'Иван Петров', handle: 'ivan' },
      { name: 'Мария Иванова', handle: 'maria' },
    ],
    recipient: { name: 'г-н Иван Петров' },
    sender: 'Мария Иванова',
    request: 'Да изпратим на @ivan суровия файл със заплатите с всички промени от 2026-10-01 #заплати',
    facts: 'Файлът съдържа лични данни на 240 служители; договорът (т. 7) ни позволява да споделяме само "анонимизираното" извлечение.',
    agreed: 'Месечно анонимизирано извлечение от заплатите за @ivan #заплати',
    apology: {
      what: 'Материалите за борда, обещани за 2026-11-05, бяха изпратени на 2026-11-07; подценихме почистването на данните.',
      fix: 'Липсващото приложение е прикачено и ще го представим на @ivan.',
      prevention: 'Почистването на данните вече има отделен ден във всеки план.',
      makeup: 'Последващият семинар е за наша сметка.',
    },
    missed: { text: 'Оферта за уебинара до @ivan #оферта', date: '2026-11-10' },
    crisis: {
      request: 'Експортът на заплатите не работи за нито един служител след версията от 2026-11-11',
      breaks: 'Никой служител няма да получи заплата в петък, ако експортът не заработи.',
      deadline: 'Крайният час на банката, четвъртък 16:00',
    },
    urgent: {
      request: 'Да преработим целия отчетен панел с новия дизайн "преди борда"',
      breaks: 'Нищо не се проваля, ако изчака ден; бордът заседава на 2026-11-30.',
      deadline: 'Заседанието на борда на 2026-11-30',
    },
  },
  ru: {
    people: [
      { name: 'Смирнова Елена Викторовна', handle: 'elena' },
      { name: 'Мария Иванова', handle: 'maria' },
    ],
    recipient: { name: 'Смирнова Елена Викторовна' },
    sender: 'Мария Иванова',
    request: 'Отправить исходный файл с зарплатами со всеми изменениями с 2026-10-01; инициатор — @elena #зарплата',
    facts: 'В файле персональные данные 240 сотрудников; договор (п. 7) разрешает передавать только "обезличенную" выгрузку.',
    agreed: 'Ежемесячная обезличенная выгрузка по зарплате #зарплата',
    apology: {
      what: 'Материалы для совета директоров, обещанные на 2026-11-05, мы отправили только 2026-11-07: недооценили объём очистки данных.',
      fix: 'Недостающее приложение прилагаем; подробный разбор по нему проведёт @maria.',
      prevention: 'Теперь на очистку данных в каждом плане отводится отдельный день.',
      makeup: 'Следующий семинар проведём за наш счёт.',
    },
    missed: { text: 'Смета на вебинар (готовит @maria) #смета', date: '2026-11-10' },
    crisis: {
      request: 'Выгрузка зарплаты не работает ни для одного сотрудника после обновления 2026-11-11',
      breaks: 'Если выгрузка не заработает, в пятницу никто из сотрудников не получит зарплату.',
      deadline: 'Операционный день банка, четверг 16:00',
    },
    urgent: {
      request: 'Переделать всю панель отчётов в новом дизайне "до совета директоров"',
      breaks: 'Если подождать день, ничего не сломается; совет директоров собирается 2026-11-30.',
      deadline: 'Заседание совета директоров 2026-11-30',
    },
  },
  ro: {
    people: [
      { name: 'Popescu Ioana', handle: 'ioana' },
      { name: 'Maria Ionescu', handle: 'maria' },
    ],
    recipient: { name: 'Popescu Ioana' },
    sender: 'Maria Ionescu',
    request: 'Să-i trimitem lui @ioana fișierul brut cu salariile și toate modificările de la 2026-10-01 #salarii',
    facts: 'Fișierul conține datele personale a 240 de angajați; contractul (art. 7) ne permite să transmitem doar extrasul "anonimizat".',
    agreed: 'Extras lunar anonimizat al salariilor pentru @ioana #salarii',
    apology: {
      what: 'Materialele pentru consiliu, promise pentru 2026-11-05, au plecat abia pe 2026-11-07; am subestimat curățarea datelor.',
      fix: 'Anexa lipsă este atașată și o vom parcurge împreună cu @ioana.',
      prevention: 'Curățarea datelor are acum o zi separată în fiecare plan.',
      makeup: 'Atelierul următor este din partea noastră.',
    },
    missed: { text: 'Estimarea pentru webinar către @ioana #ofertă', date: '2026-11-10' },
    crisis: {
      request: 'Exportul salariilor eșuează pentru toți angajații după versiunea din 2026-11-11',
      breaks: 'Niciun angajat nu primește salariul vineri dacă exportul rămâne blocat.',
      deadline: 'Ora-limită a băncii, joi 16:00',
    },
    urgent: {
      request: 'Refacerea întregului panou de rapoarte cu noul design "înainte de consiliu"',
      breaks: 'Nu se strică nimic dacă mai așteaptă o zi; consiliul se reunește pe 2026-11-30.',
      deadline: 'Ședința consiliului din 2026-11-30',
    },
  },
};

/** One letter as a reviewer reads it: subject, message, then what goes into the log. */
function show(heading: string, d: Draft): string {
  return [`=== ${heading} ===`, `Subject: ${d.subject}`, '', d.message, '', '--- log ---', ...d.noteLines, ...d.trackLines, ''].join('\n');
}

export interface Letter {
  readonly kind: 'refusal' | 'apology' | 'escalation';
  readonly heading: string;
  readonly draft: Draft;
}

/** Every letter kind of one language, from its fixed inputs. */
export function letters(lang: Language): Letter[] {
  const u = GOLDEN[lang];
  const common = { lang, recipient: u.recipient, sender: u.sender, people: u.people, today: TODAY };
  const reader = { lang, people: u.people, today: TODAY };
  const out: Letter[] = [];
  for (const reason of REFUSAL_REASONS) {
    const facts = reason === 'scope' || reason === 'budget' ? `${agreedSeed(u.agreed, reader)} ${u.facts}` : u.facts;
    suggestAlternatives(reason, lang).forEach((alternative, k) => {
      out.push({
        kind: 'refusal',
        heading: `refusal · ${reason} · alternative ${k + 1}`,
        draft: draftRefusal({ ...common, request: u.request, reason, facts, alternative }),
      });
    });
  }
  out.push({ kind: 'apology', heading: 'apology · typed', draft: draftApology({ ...common, ...u.apology, fixDate: '2026-11-13' }) });
  out.push({
    kind: 'apology',
    heading: 'apology · "Own it", as the steps pre-fill it',
    draft: draftApology({
      ...common,
      title: shortTitle(u.missed.text),
      what: missedSeed(u.missed, reader),
      fix: fixSeed(u.missed, reader),
      fixDate: '2026-11-13',
      prevention: u.apology.prevention,
      promise: { text: u.missed.text, due: '2026-11-13' },
    }),
  });
  out.push({
    kind: 'escalation',
    heading: 'escalation · crisis',
    draft: draftEscalation({ ...common, kind: 'crisis', ...u.crisis, deadlineSource: u.crisis.deadline, owner: '@maria', nextUpdate: '2026-11-12 15:00' }),
  });
  out.push({
    kind: 'escalation',
    heading: 'escalation · request, with a proposed date',
    draft: draftEscalation({ ...common, kind: 'request', ...u.urgent, deadlineSource: u.urgent.deadline, proposedDate: '2026-11-26' }),
  });
  out.push({
    kind: 'escalation',
    heading: 'escalation · request, a date to come at the next update',
    draft: draftEscalation({ ...common, kind: 'request', ...u.urgent, deadlineSource: u.urgent.deadline, nextUpdate: '2026-11-13 10:00' }),
  });
  return out;
}

describe('drafts: golden letters (UPDATE_GOLDEN=1 rewrites test/golden/drafts/)', () => {
  for (const lang of LANGUAGES) {
    for (const kind of ['refusal', 'apology', 'escalation'] as const) {
      it(`${kind}.${lang}.txt`, () => {
        const text = letters(lang)
          .filter((l) => l.kind === kind)
          .map((l) => show(l.heading, l.draft))
          .join('\n');
        const file = path.join(DIR, `${kind}.${lang}.txt`);
        if (process.env.UPDATE_GOLDEN === '1') {
          fs.mkdirSync(DIR, { recursive: true });
          fs.writeFileSync(file, text);
        }
        assert.ok(fs.existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx mocha`);
        assert.equal(text, fs.readFileSync(file, 'utf8'));
      });
    }
  }
});
