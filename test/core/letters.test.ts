import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addressOf,
  agreedSeed,
  draftRefusal,
  fixSeed,
  forClient,
  formatDate,
  greeting,
  missedSeed,
  phrasesLoaded,
  setPhrases,
  shortTitle,
  type Phrases,
  type RefusalInput,
} from '../../src/core/drafts';
import { BOOKS } from '../../src/core/drafts/books';
import { LANGUAGES, type Language } from '../../src/core/model';
import { letters } from './golden.test';

/** Every string a phrasebook holds, its functions called with a marker that is then dropped. */
function phrases(lang: Language): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') {
      const f = v as (...a: unknown[]) => unknown;
      out.push(String(f.length === 1 && f.toString().includes('.weekday') ? f({ weekday: '', dayMonth: '' }) : f('', 'formal', '')));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const { functionWords: _fw, titles: _t, ...rest } = BOOKS[lang];
  walk(rest);
  return out;
}

const wordsOf = (s: string): string[] => s.toLocaleLowerCase().match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
const VOCABULARY = Object.fromEntries(LANGUAGES.map((l) => [l, new Set(phrases(l).flatMap(wordsOf))])) as Record<Language, Set<string>>;

/** Words of both English and Romanian: "data" (en) and "are" (ro, "has") met in the fixed inputs. */
const HOMOGRAPHS = new Set(['data', 'are']);

/** Words of another language's phrasebook that this language's phrasebook does not use. */
function foreignWords(lang: Language): Map<string, Language> {
  const out = new Map<string, Language>();
  for (const other of LANGUAGES) {
    if (other === lang) continue;
    for (const w of VOCABULARY[other]) if (!VOCABULARY[lang].has(w) && !HOMOGRAPHS.has(w) && w.length > 2) out.set(w, other);
  }
  return out;
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe('letters as the client reads them', () => {
  for (const lang of LANGUAGES) {
    const all = letters(lang);
    const foreign = foreignWords(lang);

    it(`${lang}: no @handle, #tag, ISO date or straight double quote in any letter or subject`, () => {
      for (const l of all) {
        const text = `${l.draft.subject}\n${l.draft.message}`;
        assert.doesNotMatch(text, /@\S/u, l.heading);
        assert.doesNotMatch(text, /(^|\s)#\S/u, l.heading);
        assert.doesNotMatch(text, ISO_DATE, l.heading);
        assert.doesNotMatch(text, /"/, l.heading);
      }
    });

    it(`${lang}: no word of another language's script or phrasebook`, () => {
      for (const l of all) {
        const text = `${l.draft.subject}\n${l.draft.message}`;
        if (lang === 'en' || lang === 'ro') assert.doesNotMatch(text, /\p{Script=Cyrillic}/u, l.heading);
        else assert.doesNotMatch(text, /\p{Script=Latin}/u, l.heading);
        if (lang === 'bg') assert.doesNotMatch(text, /[ыэёЫЭЁ]/u, l.heading);
        if (lang === 'ru') assert.doesNotMatch(text, /[ѝ]/u, l.heading);
        if (lang === 'en') assert.doesNotMatch(text, /[ăâîșțĂÂÎȘȚ]/u, l.heading);
        if (lang === 'ro') assert.doesNotMatch(text, /[şţŞŢ]/u, `${l.heading}: ș and ț with comma below`);
        const hits = wordsOf(text).filter((w) => foreign.has(w));
        assert.deepEqual(hits, [], `${l.heading}: ${hits.map((w) => `${w} (${foreign.get(w)})`).join(', ')}`);
      }
    });

    it(`${lang}: every subject is a complete phrase: no final function word or number, balanced quotes and brackets`, () => {
      const fw = new Set(BOOKS[lang].functionWords);
      for (const l of all) {
        const title = l.draft.subject.split(': ').slice(1).join(': ');
        const last = wordsOf(title).pop() ?? '';
        assert.ok(!fw.has(last), `${l.heading}: "${title}" ends on "${last}"`);
        assert.doesNotMatch(title, /\p{N}[\p{P}\s]*$/u, `${l.heading}: "${title}" ends on a number`);
        for (const [o, c] of [
          ['(', ')'],
          ['«', '»'],
        ])
          assert.equal(title.split(o).length, title.split(c).length, `${l.heading}: ${title}`);
      }
    });

    it(`${lang}: the seeds are written in the client's language`, () => {
      const r = { lang, people: [{ name: lang === 'en' || lang === 'ro' ? 'Ana Pop' : 'Анна Попова', handle: 'ana' }], today: '2026-11-12' };
      for (const seed of [agreedSeed('Weekly report', r), missedSeed({ text: 'Estimate', date: '2026-11-10' }, r), fixSeed({ text: 'Estimate' }, r)]) {
        const own = wordsOf(seed).filter((w) => VOCABULARY[lang].has(w));
        assert.ok(own.length >= 3, `${seed}: mostly the phrasebook's words`);
        assert.deepEqual(
          wordsOf(seed).filter((w) => foreign.has(w)),
          [],
          seed,
        );
        assert.doesNotMatch(seed, ISO_DATE);
      }
    });
  }

  it('cuts titles at a phrase boundary, never on a function word, a number or inside quotes', () => {
    assert.equal(shortTitle('Send you the raw payroll file with all the changes since October'), 'Send you the raw payroll file');
    assert.equal(shortTitle('Мы обещали смету на вебинар к 19 ноября и не успели её подготовить'), 'Мы обещали смету на вебинар');
    assert.equal(shortTitle('Trimitem oferta pentru atelierul din 19 noiembrie, cu toate anexele cerute'), 'Trimitem oferta pentru atelierul');
    assert.equal(shortTitle('Да изпратим „окончателния вариант на бюджета за следващата година“ днес'), 'Да изпратим');
    assert.equal(shortTitle('Review "the full data model and every report" before the launch'), 'Review "the full data model"');
    assert.equal(shortTitle('Rebuild the reporting module, then migrate every dashboard to the new design'), 'Rebuild the reporting module');
    assert.equal(shortTitle('Go live on Saturday 2026-11-14.'), 'Go live on Saturday 2026-11-14');
  });

  it('writes log syntax as the client reads it', () => {
    const r = { lang: 'ru' as const, people: [{ name: 'Мария Иванова', handle: 'maria' }], today: '2026-11-12' };
    assert.equal(
      forClient('Смета готова (отвечает @maria) #смета, отправка 2026-11-14 10:00; "срочно"', r),
      'Смета готова (отвечает Мария Иванова), отправка 14 ноября, 10:00; «срочно»',
    );
    assert.equal(forClient('Ship on 2027-01-04 to @unknown', { lang: 'en', today: '2026-11-12' }), 'Ship on 4 January 2027 to unknown');
    assert.equal(forClient('Invoice 2026-02-30 stays', { lang: 'en' }), 'Invoice 2026-02-30 stays', 'not a date: left alone');
  });
});

describe("greetings: the contact's address, else a polite form of the name", () => {
  const g = (name: string | undefined, lang: Language, address?: string) => greeting({ name, address }, lang);

  it("uses `address` when given, with the language's greeting and a title in the letter's own form", () => {
    assert.equal(g('Elena Smirnova', 'ru', 'Елена Викторовна'), 'Уважаемая Елена Викторовна!');
    assert.equal(g('Иван Сергеевич Петров', 'ru', 'Иван Сергеевич'), 'Уважаемый Иван Сергеевич!');
    assert.equal(g('Ion Ionescu', 'ro', 'domnule Ionescu'), 'Bună ziua, domnule Ionescu,');
    assert.equal(g('Ion Ionescu', 'ro', 'dl Ionescu'), 'Bună ziua, domnule Ionescu,');
    assert.equal(g('Ivan Petrov', 'en', 'Mr Petrov'), 'Dear Mr Petrov,');
    assert.equal(g('Jane Smith', 'en', 'Mrs Smith'), 'Dear Mrs Smith,');
    assert.equal(g('Мария Петрова', 'bg', 'г-жа Петрова'), 'Уважаема г-жо Петрова,');
    assert.equal(g('Ivan Petrov', 'en', 'Ivan'), 'Hi Ivan,');
    const d = draftRefusal({
      lang: 'ru',
      recipient: { name: 'Петров Иван Сергеевич', address: 'Иван Сергеевич' },
      request: 'a',
      reason: 'scope',
      facts: 'b',
      alternative: 'c',
    });
    assert.equal(d.message.split('\n')[0], 'Уважаемый Иван Сергеевич!');
  });

  it('without `address`: a title with the surname', () => {
    assert.equal(g('Dr. Jane Smith', 'en'), 'Dear Dr Smith,');
    assert.equal(g('Mrs Jane Smith', 'en'), 'Dear Mrs Smith,');
    assert.equal(g('Mr Ivan Petrov', 'en'), 'Dear Mr Petrov,');
    assert.equal(g('г-н Иван Петров', 'bg'), 'Уважаеми г-н Петров,');
    assert.equal(g('г-жа Мария Петрова', 'bg'), 'Уважаема г-жо Петрова,');
    assert.equal(g('д-р Мария Петрова', 'bg'), 'Здравейте, д-р Петрова,');
    assert.equal(g('г-жа Анна Смирнова', 'ru'), 'Уважаемая г-жа Смирнова!');
    assert.equal(g('dl Ion Ionescu', 'ro'), 'Bună ziua, domnule Ionescu,');
    assert.equal(g('domnul Ion Ionescu', 'ro'), 'Bună ziua, domnule Ionescu,');
    assert.equal(g('dna Ioana Popescu', 'ro'), 'Bună ziua, doamnă Popescu,');
    assert.equal(g('d-na Ioana Popescu', 'ro'), 'Bună ziua, doamnă Popescu,');
    assert.equal(g('doamna Ioana Popescu', 'ro'), 'Bună ziua, doamnă Popescu,');
    assert.equal(g('Ms Ioana Popescu', 'ro'), 'Bună ziua, doamnă Popescu,');
  });

  it('without `address`: Russian name and patronymic, in either order, for every patronymic ending', () => {
    assert.equal(g('Петров Иван Сергеевич', 'ru'), 'Уважаемый Иван Сергеевич!');
    assert.equal(g('Анна Ильинична Котова', 'ru'), 'Уважаемая Анна Ильинична!');
    assert.equal(g('Илья Кузьмич Фомин', 'ru'), 'Уважаемый Илья Кузьмич!');
    assert.equal(g('Пётр Лукич Зайцев', 'ru'), 'Уважаемый Пётр Лукич!');
    assert.equal(g('Олег Никитич Орлов', 'ru'), 'Уважаемый Олег Никитич!');
    assert.equal(g('Лев Ильич Гуров', 'ru'), 'Уважаемый Лев Ильич!');
    assert.equal(g('Елена Смирнова', 'ru'), 'Здравствуйте, Елена!');
    assert.equal(addressOf({ name: 'Анна Викторовна Смирнова' }, 'bg'), 'Анна');
  });

  it('without `address`: the first name, also when a Romanian surname comes first', () => {
    assert.equal(g('Popescu Ioana', 'ro'), 'Bună ziua, Ioana,');
    assert.equal(g('Ioana Popescu', 'ro'), 'Bună ziua, Ioana,');
    assert.equal(g('Ivan Petrov', 'en'), 'Hi Ivan,');
    assert.equal(g('Иван Петров', 'bg'), 'Здравейте, Иван,');
    assert.equal(g(undefined, 'ro'), 'Bună ziua,');
  });
});

describe('the phrasebooks without their sentences (the extension loads them from dist/phrases.json)', () => {
  const REFUSAL_INPUT: RefusalInput = {
    lang: 'bg',
    request: 'Нов модул',
    reason: 'budget',
    facts: 'Бюджетът е изразходван.',
    alternative: 'По-малък вариант.',
  };
  it('refuse to draft with a clear error until the sentences are set, then draft as before', () => {
    const before = draftRefusal(REFUSAL_INPUT);
    const long = 'Send the revised migration plan for the warehouse systems to the board of directors and the auditors of';
    const title = shortTitle(long);
    const date = formatDate('2027-03-04', 'bg', { today: '2026-11-23' });
    setPhrases(undefined as unknown as Phrases);
    try {
      assert.equal(phrasesLoaded(), false);
      assert.throws(() => draftRefusal(REFUSAL_INPUT), /sentences are not loaded/);
      // Short titles need the function words, which are there too; dates need nothing of them.
      assert.throws(() => shortTitle(long), /sentences are not loaded/);
      assert.equal(formatDate('2027-03-04', 'bg', { today: '2026-11-23' }), date);
    } finally {
      setPhrases(JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/core/drafts/phrases.json'), 'utf8')) as Phrases);
    }
    assert.equal(phrasesLoaded(), true);
    assert.deepEqual(draftRefusal(REFUSAL_INPUT), before);
    assert.equal(shortTitle(long), title);
  });
});
