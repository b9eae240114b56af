import * as assert from 'node:assert/strict';
import {
  addressOf,
  draftApology,
  draftEscalation,
  draftRefusal,
  formatDate,
  formatDateTime,
  forClient,
  reasonLabel,
  shortTitle,
  suggestAlternatives,
  type Draft,
} from '../../src/core/drafts';
import { analyze } from '../../src/core/analyze';
import { LANGUAGES, type Language, type Note } from '../../src/core/model';
import { REASON_WORDS, REFUSAL_REASONS, triageOf, type RefusalReason } from '../../src/core/notes';
import { parse } from '../../src/core/parse';

/** User text per language, as a user would type it (the note and the message must carry it verbatim). */
const INPUT: Record<Language, { name: string; first: string; request: string; facts: string; alternative: string; sender: string }> = {
  en: {
    name: 'Ivan Petrov',
    first: 'Ivan',
    request: 'Go live on Saturday 2026-11-14',
    facts: 'User acceptance testing ends on 2026-11-16; going live before it risks payroll errors.',
    alternative: 'Go live on 2026-11-18 with a dry run on 2026-11-17.',
    sender: 'Maria Ivanova',
  },
  bg: {
    name: 'Иван Петров',
    first: 'Иван',
    request: 'Пускане в работа в събота, 14 ноември',
    facts: 'Приемателните тестове приключват на 16 ноември; пускане преди това крие риск от грешки във ведомостите.',
    alternative: 'Пускане на 18 ноември с пробно изпълнение на 17 ноември.',
    sender: 'Мария Иванова',
  },
  ru: {
    name: 'Петров Иван Сергеевич',
    first: 'Иван Сергеевич',
    request: 'Запустить систему в субботу, 14 ноября',
    facts: 'Приёмочное тестирование заканчивается 16 ноября; запуск до этого грозит ошибками в расчёте зарплаты.',
    alternative: 'Запуск 18 ноября с пробным прогоном 17 ноября.',
    sender: 'Мария Иванова',
  },
  ro: {
    name: 'Ioana Popescu',
    first: 'Ioana',
    request: 'Lansarea sâmbătă, 14 noiembrie',
    facts: 'Testele de acceptanță se încheie pe 16 noiembrie; o lansare înainte de această dată riscă erori la salarii.',
    alternative: 'Lansarea pe 18 noiembrie, cu o rulare de probă pe 17 noiembrie.',
    sender: 'Maria Ionescu',
  },
};

/** The reason a REFUSAL's Reason field names, in any language (nothing in the extension reads it back). */
function reasonOf(value: string): RefusalReason | undefined {
  const v = value.trim().toLocaleLowerCase();
  return REFUSAL_REASONS.find((r) => Object.values(REASON_WORDS[r]).some((w) => v === w || (v.startsWith(w) && /^[\s:,;]/.test(v.slice(w.length)))));
}

const ALL_TEXT = (d: Draft): string => [...d.noteLines, ...d.trackLines, d.subject, d.message].join('\n');

/** The note the parser reads back from the draft's lines (under an entry, as insertNote puts it). */
function noteOf(d: Draft): { note: Note; fields: Map<string, string> } {
  const log = parse(['## 2026-11-12 Call', ...d.noteLines, ...d.trackLines, ''].join('\n'));
  assert.equal(log.notes.length, 1, 'exactly one note block');
  const note = log.notes[0];
  const fields = new Map<string, string>();
  for (const f of note.fields) {
    assert.ok(f.key, `label "${f.label}" is a known field`);
    assert.ok(!fields.has(f.key!), `field ${f.key} written once`);
    fields.set(f.key!, f.value);
  }
  return { note, fields };
}

/** Checks every text must pass: no leaked placeholders, orthography per language, clean note lines. */
function checkText(d: Draft, lang: Language): void {
  const all = ALL_TEXT(d);
  assert.doesNotMatch(all, /\{\d*\}|undefined|null|NaN|\$\{/, 'no placeholder leaks');
  assert.doesNotMatch(all, /[ \t]+(?:\n|$)/, 'no trailing spaces');
  assert.doesNotMatch(d.message, /\n\n\n/, 'no empty paragraphs');
  assert.doesNotMatch(d.message, / {2,}/, 'no double spaces');
  assert.doesNotMatch(d.message, /\.\./, 'no doubled full stops');
  for (const l of [...d.noteLines, ...d.trackLines]) assert.doesNotMatch(l, /[\r\n]/);
  assert.match(d.noteLines[0], /^(REFUSAL|APOLOGY|ESCALATION)( \S.*)?$/);
  for (const l of d.noteLines.slice(1)) assert.match(l, /^ {2}[^\s:][^:]*: \S/);
  if (lang === 'ro') {
    assert.doesNotMatch(all, /[şŞţŢ]/, 'Romanian uses ș and ț with comma below');
  }
  if (lang === 'bg') {
    assert.doesNotMatch(d.message, /[ыэёЫЭЁ]/, 'no Russian-only letters in Bulgarian');
    assert.doesNotMatch(d.message, /\b(?:Здравствуйте|уважением|Спасибо|это|Вам подходит)\b/u, 'no Russian words');
  }
  if (lang === 'ru') {
    assert.doesNotMatch(d.message, /[ѝ]/u, 'no Bulgarian-only letters in Russian');
    // Bulgarian postpositive articles and words that Russian does not have.
    assert.doesNotMatch(d.message, /(?:^|[\s,.(«])(?:Здравейте|Благодарим|съжаление|искането|срокът|е\s+спешно|ще|Ви)(?=[\s,.!?»)]|$)/mu, 'no Bulgarian words');
  }
  if (lang !== 'en') {
    assert.doesNotMatch(d.message, /\b(?:Hi|Thank you|Best regards|request)\b/, 'no English template text');
  }
  if (lang !== 'ro') assert.doesNotMatch(d.message, /[ăâîșțĂÂÎȘȚ]/u, 'no Romanian template text');
}

describe('drafts: refusal', () => {
  for (const lang of LANGUAGES) {
    for (const reason of REFUSAL_REASONS) {
      it(`${lang} / ${reason}: note parses back, message carries the user's text`, () => {
        const u = INPUT[lang];
        const d = draftRefusal({
          lang,
          recipient: { name: u.name },
          sender: u.sender,
          request: u.request,
          reason,
          facts: u.facts,
          alternative: u.alternative,
        });
        checkText(d, lang);
        const { note, fields } = noteOf(d);
        assert.equal(note.kind, 'refusal');
        assert.equal(note.title, shortTitle(u.request));
        assert.equal(fields.get('request'), u.request);
        assert.equal(reasonOf(fields.get('reason')!), reason);
        assert.equal(fields.get('facts'), u.facts);
        assert.equal(fields.get('alternative'), u.alternative);
        // The message carries the user's text as the client reads it (an ISO date in the language's style).
        assert.ok(d.message.includes(forClient(u.request, { lang })), 'request');
        assert.ok(d.message.includes(forClient(u.facts, { lang })), 'facts');
        assert.ok(d.message.includes(forClient(u.alternative, { lang })), 'alternative');
        assert.ok(d.message.split('\n')[0].includes(u.first), 'greets by name');
        assert.ok(d.message.trimEnd().endsWith(u.sender), 'signed');
        assert.ok(d.subject.endsWith(shortTitle(forClient(u.request, { lang }))), 'the subject is the title as the client reads it');
        // A complete refusal raises no finding.
        const log = parse(['## 2026-11-12 Call', ...d.noteLines, ''].join('\n'));
        const findings = analyze(log, { now: new Date(Date.UTC(2026, 10, 12, 12)), timeZone: 'UTC' });
        assert.deepEqual(
          findings.filter((f) => f.code === 'refusal.noAlternative' || f.code === 'note.missingField').map((f) => f.code),
          [],
        );
      });
    }
  }

  it('uses a neutral greeting without a name, and the given title', () => {
    const greetings: Record<Language, string> = { en: 'Hello,', bg: 'Здравейте,', ru: 'Здравствуйте!', ro: 'Bună ziua,' };
    for (const lang of LANGUAGES) {
      const d = draftRefusal({ lang, request: 'x', reason: 'scope', facts: 'y', alternative: 'z', title: 'weekend go-live' });
      assert.equal(d.message.split('\n')[0], greetings[lang]);
      assert.equal(d.noteLines[0], 'REFUSAL weekend go-live');
      checkText(d, lang);
    }
  });

  it('writes the reason word of the draft language, which reasonOf reads back', () => {
    const d = draftRefusal({ lang: 'ru', request: 'a', reason: 'scope', facts: 'b', alternative: 'c' });
    assert.equal(d.noteLines[2], '  Причина: объём работ');
  });

  it('starts a lower-case sentence with a capital and ends it with a full stop, nothing else', () => {
    const d = draftRefusal({
      lang: 'en',
      request: 'weekend go-live',
      reason: 'timeline',
      facts: 'testing ends on Monday',
      alternative: 'go live on Wednesday',
    });
    assert.ok(d.message.includes('“weekend go-live”'));
    assert.ok(d.message.includes('Testing ends on Monday.'));
    assert.ok(d.message.includes('\nGo live on Wednesday.\n'));
    assert.ok(d.noteLines.includes('  Facts: testing ends on Monday'), 'the note keeps the text as typed');
  });

  it('keeps newlines in user input from breaking the note block', () => {
    for (const lang of LANGUAGES) {
      const d = draftRefusal({
        lang,
        recipient: { name: 'Ivan\nPetrov' },
        sender: 'Maria\r\nIvanova',
        request: 'Go live\non Saturday',
        reason: 'timeline',
        facts: 'Testing ends Monday.\r\n\r\nPAYROLL risk.\nREFUSAL is not a header here',
        alternative: '\nGo live on Wednesday.\n\n',
        title: 'weekend\ngo-live',
      });
      const { note, fields } = noteOf(d);
      assert.equal(note.title, 'weekend go-live');
      assert.equal(fields.get('request'), 'Go live on Saturday');
      assert.equal(reasonOf(fields.get('reason')!), 'timeline');
      assert.equal(fields.get('facts'), 'Testing ends Monday. PAYROLL risk. REFUSAL is not a header here');
      assert.equal(fields.get('alternative'), 'Go live on Wednesday.');
      assert.equal(d.noteLines.length, 5);
      assert.ok(d.message.split('\n')[0].includes('Ivan'));
      checkText(d, lang);
    }
  });

  it('leaves out an empty field, so the rules can flag it', () => {
    const d = draftRefusal({ lang: 'en', request: 'a', reason: 'budget', facts: 'b', alternative: '  \n ' });
    assert.equal(d.noteLines.length, 4);
    const log = parse(['## 2026-11-12 Call', ...d.noteLines, ''].join('\n'));
    const findings = analyze(log, { now: new Date(Date.UTC(2026, 10, 12, 12)), timeZone: 'UTC' });
    assert.ok(findings.some((f) => f.code === 'refusal.noAlternative'));
  });

  it('labels reasons and suggests alternatives for every reason in every language', () => {
    for (const lang of LANGUAGES) {
      const labels = new Set<string>();
      for (const reason of REFUSAL_REASONS) {
        const label = reasonLabel(reason, lang);
        assert.ok(label.length > 3);
        labels.add(label);
        const alts = suggestAlternatives(reason, lang);
        assert.ok(alts.length >= 3, `${lang}/${reason}`);
        for (const a of alts) {
          assert.match(a, /^\p{Lu}.*\.$/u);
          if (lang === 'ro') assert.doesNotMatch(a, /[şŞţŢ]/);
          if (lang === 'bg') assert.doesNotMatch(a, /[ыэёЫЭЁ]/);
        }
        assert.equal(new Set(alts).size, alts.length);
      }
      assert.equal(labels.size, REFUSAL_REASONS.length);
    }
    assert.equal(reasonLabel('scope', 'en'), 'Out of the agreed scope');
    suggestAlternatives('scope', 'en').push('mutating a copy');
    assert.equal(suggestAlternatives('scope', 'en').includes('mutating a copy'), false);
  });
});

describe('drafts: apology', () => {
  const APOLOGY: Record<Language, { what: string; fix: string; prevention: string; makeup: string; fixDate: string; human: string }> = {
    en: {
      what: 'The pack promised for 5 November went out on 7 November; I underestimated the data cleaning.',
      fix: 'The missing appendix is attached and I will walk you through it.',
      prevention: 'Data cleaning now gets its own day in every plan.',
      makeup: 'The follow-up workshop is on us.',
      fixDate: '2026-11-10',
      human: 'Tuesday, 10 November',
    },
    bg: {
      what: 'Пакетът, обещан за 5 ноември, беше изпратен на 7 ноември; подценихме почистването на данните.',
      fix: 'Липсващото приложение е прикачено и ще Ви го представим.',
      prevention: 'Почистването на данните вече има отделен ден във всеки план.',
      makeup: 'Последващият семинар е за наша сметка.',
      fixDate: '2026-11-10',
      human: 'вторник, 10 ноември',
    },
    ru: {
      what: 'Пакет, обещанный на 5 ноября, был отправлен только 7 ноября: мы недооценили объём очистки данных.',
      fix: 'Недостающее приложение прилагаем и проведём по нему разбор.',
      prevention: 'Теперь на очистку данных в каждом плане отводится отдельный день.',
      makeup: 'Следующий семинар проведём за наш счёт.',
      fixDate: '2026-11-10',
      human: 'вторник, 10 ноября',
    },
    ro: {
      what: 'Pachetul promis pentru 5 noiembrie a plecat abia pe 7 noiembrie; am subestimat curățarea datelor.',
      fix: 'Anexa lipsă este atașată și o vom parcurge împreună.',
      prevention: 'Curățarea datelor are acum o zi separată în fiecare plan.',
      makeup: 'Atelierul următor este din partea noastră.',
      fixDate: '2026-11-10',
      human: 'marți, 10 noiembrie',
    },
  };

  for (const lang of LANGUAGES) {
    it(`${lang}: note parses back with every field, message is brief and complete`, () => {
      const u = INPUT[lang];
      const a = APOLOGY[lang];
      const d = draftApology({
        lang,
        recipient: { name: u.name },
        sender: u.sender,
        what: a.what,
        fix: a.fix,
        fixDate: a.fixDate,
        prevention: a.prevention,
        makeup: a.makeup,
        promise: { text: 'Walk @ivan through the appendix | call', due: a.fixDate },
        today: '2026-11-08',
      });
      checkText(d, lang);
      const { note, fields } = noteOf(d);
      assert.equal(note.kind, 'apology');
      assert.equal(fields.get('what'), a.what);
      assert.ok(fields.get('apology')!.length > 5, 'a default apology in the draft language');
      assert.ok(fields.get('fix')!.startsWith(a.fix.replace(/\.$/, '')));
      assert.ok(fields.get('fix')!.includes(a.fixDate), 'the note keeps the ISO fix date');
      assert.equal(fields.get('prevention'), a.prevention);
      assert.equal(fields.get('makeup'), a.makeup);
      for (const text of [a.what, a.fix, a.prevention, a.makeup, a.human]) assert.ok(d.message.includes(text), text);
      assert.ok(d.message.includes(fields.get('apology')!));
      assert.ok(d.message.split('\n')[0].includes(u.first));
      assert.ok(d.message.trimEnd().endsWith(u.sender));
      // The new promise is a tracked line that the parser reads as open, due on the fix date.
      assert.equal(d.trackLines.length, 1);
      const item = parse(d.trackLines[0]).items[0];
      assert.equal(item.kind, 'promise');
      assert.equal(item.date, a.fixDate);
      assert.equal(item.state, 'open');
      assert.equal(item.history.length, 0, 'a " | " in the text does not become history');
      // Brief by design.
      assert.ok(d.message.length < 1100, `${d.message.length} characters`);
    });
  }

  it('keeps the user apology, and omits the optional parts when absent', () => {
    const d = draftApology({
      lang: 'ro',
      what: 'Factura a avut totalul greșit.',
      apology: 'Îmi pare rău pentru confuzie.',
      fix: 'Am emis o factură corectă.',
      prevention: '',
    });
    const { fields } = noteOf(d);
    assert.equal(fields.get('apology'), 'Îmi pare rău pentru confuzie.');
    assert.equal(fields.has('makeup'), false);
    assert.equal(fields.has('prevention'), false);
    assert.equal(fields.get('fix'), 'Am emis o factură corectă.');
    assert.deepEqual(d.trackLines, []);
    checkText(d, 'ro');
  });

  it('does not repeat a fix date the fix already names, and rejects an impossible date', () => {
    const d = draftApology({ lang: 'en', what: 'a', fix: 'Fixed on 2026-11-10.', fixDate: '2026-11-10', prevention: 'b' });
    assert.equal(noteOf(d).fields.get('fix'), 'Fixed on 2026-11-10.');
    assert.throws(() => draftApology({ lang: 'en', what: 'a', fix: 'b', fixDate: '2026-02-30', prevention: 'c' }), RangeError);
    assert.throws(() => draftApology({ lang: 'en', what: 'a', fix: 'b', prevention: 'c', promise: { text: 'x', due: '10.11.2026' } }), RangeError);
  });
});

describe('drafts: escalation', () => {
  const ESC: Record<Language, { breaks: string; deadline: string; request: string; calmBreaks: string; next: string; proposedHuman: string }> = {
    en: {
      breaks: 'No employee is paid on Friday if the export stays down.',
      deadline: 'Bank cut-off, Thursday 16:00',
      request: 'The payroll export fails for every employee',
      calmBreaks: 'Nothing breaks if it waits a day; the board meets on 30 November.',
      next: 'Thursday, 12 November, 15:00',
      proposedHuman: 'Thursday, 26 November',
    },
    bg: {
      breaks: 'Никой служител няма да получи заплата в петък, ако експортът не заработи.',
      deadline: 'Краен час на банката, четвъртък 16:00',
      request: 'Експортът на заплатите не работи за нито един служител',
      calmBreaks: 'Нищо не се проваля, ако изчака ден; съветът заседава на 30 ноември.',
      next: 'четвъртък, 12 ноември, 15:00 ч.',
      proposedHuman: 'четвъртък, 26 ноември',
    },
    ru: {
      breaks: 'Если выгрузка не заработает, в пятницу никто из сотрудников не получит зарплату.',
      deadline: 'Операционный день банка, четверг 16:00',
      request: 'Выгрузка зарплаты не работает ни для одного сотрудника',
      calmBreaks: 'Если подождать день, ничего не сломается; совет директоров собирается 30 ноября.',
      next: 'четверг, 12 ноября, 15:00',
      proposedHuman: 'четверг, 26 ноября',
    },
    ro: {
      breaks: 'Niciun angajat nu primește salariul vineri dacă exportul rămâne blocat.',
      deadline: 'Ora-limită a băncii, joi 16:00',
      request: 'Exportul salariilor eșuează pentru toți angajații',
      calmBreaks: 'Nu se strică nimic dacă mai așteaptă o zi; consiliul se reunește pe 30 noiembrie.',
      next: 'joi, 12 noiembrie, la ora 15:00',
      proposedHuman: 'joi, 26 noiembrie',
    },
  };

  for (const lang of LANGUAGES) {
    it(`${lang} / crisis: kind, owner and next update in the note; the message names them`, () => {
      const u = INPUT[lang];
      const e = ESC[lang];
      const d = draftEscalation({
        lang,
        recipient: { name: u.name },
        sender: u.sender,
        kind: 'crisis',
        breaks: e.breaks,
        deadlineSource: e.deadline,
        owner: '@maria',
        ownerName: u.sender,
        nextUpdate: '2026-11-12 15:00',
        request: e.request,
        today: '2026-11-12',
      });
      checkText(d, lang);
      const { note, fields } = noteOf(d);
      assert.equal(note.kind, 'escalation');
      assert.equal(triageOf(fields.get('kind')!), 'crisis');
      assert.equal(fields.get('breaks'), e.breaks);
      assert.equal(fields.get('deadline'), e.deadline);
      assert.equal(fields.get('owner'), '@maria');
      assert.equal(fields.get('next'), '2026-11-12 15:00');
      for (const text of [e.breaks.replace(/\.$/, ''), e.deadline, e.request, e.next, u.sender]) assert.ok(d.message.includes(text), text);
      assert.ok(d.message.split('\n')[0].includes(u.first));
      assert.deepEqual(d.trackLines, []);
      const log = parse(['## 2026-11-12 Call', ...d.noteLines, ''].join('\n'));
      const findings = analyze(log, { now: new Date(Date.UTC(2026, 10, 12, 12)), timeZone: 'UTC' });
      assert.deepEqual(
        findings.filter((f) => f.code === 'note.missingField'),
        [],
      );
    });

    it(`${lang} / request: acknowledges the urgency and proposes a realistic date`, () => {
      const u = INPUT[lang];
      const e = ESC[lang];
      const d = draftEscalation({
        lang,
        recipient: { name: u.name },
        sender: u.sender,
        kind: 'request',
        breaks: e.calmBreaks,
        deadlineSource: e.deadline,
        request: u.request,
        proposedDate: '2026-11-26',
        today: '2026-11-12',
      });
      checkText(d, lang);
      const { note, fields } = noteOf(d);
      assert.equal(note.kind, 'escalation');
      assert.equal(triageOf(fields.get('kind')!), 'request');
      assert.equal(fields.get('breaks'), e.calmBreaks);
      assert.equal(fields.get('deadline'), e.deadline);
      for (const text of [forClient(u.request, { lang }), e.calmBreaks, e.deadline, e.proposedHuman]) assert.ok(d.message.includes(text), text);
      assert.ok(d.message.split('\n')[0].includes(u.first));
      // The proposed date waits for the client's confirmation, as a scope/deadline change.
      assert.equal(d.trackLines.length, 1);
      const scope = parse(d.trackLines[0]).items[0];
      assert.equal(scope.kind, 'scope');
      assert.equal(scope.date, '2026-11-12');
      assert.ok(scope.text.includes('2026-11-26'));
      assert.equal(scope.state, 'open');
    });
  }

  it('without a proposed date, promises a realistic date by the next update', () => {
    const d = draftEscalation({
      lang: 'bg',
      kind: 'request',
      breaks: 'Нищо.',
      deadlineSource: 'Среща',
      request: 'Отчет',
      nextUpdate: '2026-11-13 10:00',
      today: '2026-11-12',
    });
    assert.ok(d.message.includes('Ще се свържем с Вас отново в петък, 13 ноември, в 10:00 ч., за да Ви предложим реалистичен срок.'));
    assert.deepEqual(d.trackLines, []);
    checkText(d, 'bg');
  });

  it('ends a sentence once after a date that ends with "г." (a date in another year)', () => {
    for (const lang of LANGUAGES) {
      const d = draftEscalation({ lang, kind: 'request', breaks: 'x', deadlineSource: 'y', request: 'z', proposedDate: '2027-01-04', today: '2026-12-28' });
      checkText(d, lang);
      assert.ok(d.message.includes(formatDate('2027-01-04', lang, { year: true })));
      const a = draftApology({ lang, what: 'x', fix: 'y', fixDate: '2027-01-04', prevention: 'z', today: '2026-12-28' });
      checkText(a, lang);
    }
  });

  it('a crisis without owner or next update still drafts, and the rules flag what is missing', () => {
    const d = draftEscalation({ lang: 'ru', kind: 'crisis', breaks: 'Сайт недоступен.', deadlineSource: 'Распродажа сегодня', request: 'Сайт упал' });
    checkText(d, 'ru');
    const log = parse(['## 2026-11-12 Call', ...d.noteLines, ''].join('\n'));
    const findings = analyze(log, { now: new Date(Date.UTC(2026, 10, 12, 12)), timeZone: 'UTC' });
    const missing = findings.find((f) => f.code === 'note.missingField');
    assert.ok(missing);
    assert.deepEqual(missing.data.missing, ['owner', 'next']);
  });
});

describe('drafts: dates and names', () => {
  it('formats a date with its weekday in each language, whatever the machine time zone', () => {
    // 2026-11-26 is a Thursday; 2027-01-01 a Friday; 2024-02-29 a Thursday.
    assert.equal(formatDate('2026-11-26', 'en'), 'Thursday, 26 November');
    assert.equal(formatDate('2026-11-26', 'bg'), 'четвъртък, 26 ноември');
    assert.equal(formatDate('2026-11-26', 'ru'), 'четверг, 26 ноября');
    assert.equal(formatDate('2026-11-26', 'ro'), 'joi, 26 noiembrie');
    assert.equal(formatDate('2027-01-01', 'en'), 'Friday, 1 January');
    assert.equal(formatDate('2024-02-29', 'ro'), 'joi, 29 februarie');
    assert.equal(formatDate('0099-12-31', 'en', { year: true }), 'Thursday, 31 December 99');
  });

  it('writes the year when the date is not in the current year', () => {
    assert.equal(formatDate('2027-01-04', 'en', { today: '2026-12-28' }), 'Monday, 4 January 2027');
    assert.equal(formatDate('2027-01-04', 'bg', { today: '2026-12-28' }), 'понеделник, 4 януари 2027 г.');
    assert.equal(formatDate('2027-01-04', 'ru', { today: '2026-12-28' }), 'понедельник, 4 января 2027 г.');
    assert.equal(formatDate('2027-01-04', 'ro', { today: '2026-12-28' }), 'luni, 4 ianuarie 2027');
    assert.equal(formatDate('2026-12-30', 'en', { today: '2026-12-28' }), 'Wednesday, 30 December');
  });

  it('formats a date and time, and rejects impossible dates and times', () => {
    assert.equal(formatDateTime('2026-11-12 9:05', 'en'), 'Thursday, 12 November, 09:05');
    assert.equal(formatDateTime('2026-11-12', 'ru'), 'четверг, 12 ноября');
    assert.equal(formatDateTime('2026-11-12  15:00', 'ro'), 'joi, 12 noiembrie, la ora 15:00');
    assert.throws(() => formatDate('2026-02-30', 'en'), RangeError);
    assert.throws(() => formatDate('26.11.2026', 'en'), RangeError);
    assert.throws(() => formatDateTime('2026-11-12 24:00', 'en'), RangeError);
  });

  it('addresses the recipient by first name, or by name and patronymic in Russian', () => {
    assert.equal(addressOf({ name: 'Ivan Petrov' }, 'en'), 'Ivan');
    assert.equal(addressOf({ name: 'Петров Иван Сергеевич' }, 'ru'), 'Иван Сергеевич');
    assert.equal(addressOf({ name: 'Анна Викторовна Смирнова' }, 'ru'), 'Анна Викторовна');
    assert.equal(addressOf({ name: 'Анна Викторовна Смирнова' }, 'bg'), 'Анна');
    assert.equal(addressOf({ name: 'Dr. Jane Smith' }, 'en'), 'Dr Smith');
    assert.equal(addressOf({ name: 'Jane Smith', address: 'Ms Smith' }, 'en'), 'Ms Smith');
    assert.equal(addressOf(undefined, 'ro'), '');
  });

  it('makes a short title from long text', () => {
    assert.equal(shortTitle('Go live on Saturday 2026-11-14.'), 'Go live on Saturday 2026-11-14');
    const t = shortTitle('Please rebuild the whole reporting module with the new design system before the board meeting');
    assert.ok(t.length <= 48 && t.length > 10, t);
    assert.equal(shortTitle('a\nb'), 'a b');
  });
});
