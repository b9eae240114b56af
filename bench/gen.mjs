// Deterministic benchmark corpus: realistic .clientlog files from a seeded PRNG.
//
//   bench/corpus/tree/team-NN/<client>.clientlog   10,000 files, about 110 MB in total
//   bench/corpus/big.clientlog                       one file of 50,000 lines
//
// The same seed always gives byte-identical files. Usage: node bench/gen.mjs [--force]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 2;
export const SEED = 20261123;
export const TREE_FILES = 10_000;
export const TREE_BYTES = 105 * 1024 * 1024;
export const BIG_LINES = 50_000;

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

/** mulberry32: small, fast, good enough for test data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGS = {
  en: {
    zones: ['Europe/London', 'America/New_York', 'America/Chicago', 'Europe/Dublin'],
    companies: [
      'Acme Logistics',
      'Northwind Legal',
      'Contoso Retail',
      'Fabrikam Foods',
      'Globex Energy',
      'Initech Payroll',
      'Umbrella Health',
      'Wayne Freight',
    ],
    people: [
      ['Sarah Whitfield', 'sarah'],
      ['Tom Okafor', 'tom'],
      ['Rachel Hughes', 'rachel'],
      ['Margaret Shaw', 'margaret'],
      ['Lisa Chen', 'lisa'],
      ['David Brooks', 'david'],
    ],
    titles: [
      'Call with {h} about the rollout',
      'Steering committee',
      'Workshop on the data migration with {h}',
      'Weekly check-in',
      'Review of the proposal with {h}',
      'Site visit',
    ],
    prose: [
      'Went through the open questions one by one; {h} wants the numbers before Friday.',
      'The budget holds, but the timeline is tight because of the year-end freeze.',
      'Agreed to keep the pilot small: two depots, one team, four weeks.',
      'Nobody owns the master data yet; raised it, no decision.',
      '{h} asked for a one-page summary instead of the full deck.',
      'Good meeting. The client is happy with the pace; risks are the data quality and the holidays.',
    ],
    promises: [
      'Send the minutes and the plan to {h} #plan',
      'Share the revised cost comparison with {h} #report',
      'Draft the migration runbook #migration',
      'Book the training room for the pilot team',
      'Send the phase 2 proposal to {h} #proposal',
      'Fix the invoice totals in the export',
    ],
    waits: ['{h} to send the access to the export', '{h} to confirm the pilot dates', '{h} to approve the budget line'],
    scopes: ['Add the payroll review to phase 1', "Move the go-live by one week at {h}'s request", 'Drop the mobile app from the first release'],
  },
  bg: {
    zones: ['Europe/Sofia'],
    companies: ['Балкан Фуудс ООД', 'Родопи Транс', 'Витоша Софтуер', 'Тракия Агро', 'Дунав Логистик'],
    people: [
      ['Иван Петров', 'ivan'],
      ['Мария Георгиева', 'maria'],
      ['Петър Димитров', 'petar'],
      ['Елена Стоянова', 'elena'],
    ],
    titles: ['Среща с {h} за таблото', 'Обаждане за ценовите листи', 'Работна среща в склада', 'Преглед на офертата с {h}'],
    prose: [
      '{h} иска таблото за продажбите да е готово преди края на месеца.',
      'Обсъдихме ценовите листи на веригите; данните още не са изчистени.',
      'Клиентът е доволен от темпото, но бюджетът е ограничен.',
      'Решено: пилот с един търговски екип за четири седмици.',
    ],
    promises: [
      'Списък с въпросите за ценовите листи до {h} #dashboard',
      'Изпращане на офертата за втората фаза до {h} #proposal',
      'Пускане на таблото за продажбите #dashboard',
      'Протокол от срещата до {h}',
    ],
    waits: ['{h} да изпрати достъп до данните', '{h} да потвърди датите на пилота'],
    scopes: ['Добавяне на справка по региони към първата фаза', 'Отлагане на пускането с една седмица по искане на {h}'],
  },
  ru: {
    zones: ['Europe/Moscow', 'Asia/Yekaterinburg'],
    companies: ['Волга Фарма', 'Сибирь Лес', 'Урал Металл', 'Нева Консалтинг'],
    people: [
      ['Дмитрий Волков', 'dmitry'],
      ['Елена Смирнова', 'elena'],
      ['Анна Кузнецова', 'anna'],
      ['Сергей Иванов', 'sergey'],
    ],
    titles: ['Созвон с {h} по вебинарам', 'Встреча по порталу обучения', 'Разбор результатов тестирования', 'Планёрка с {h}'],
    prose: [
      '{h} просит смету до конца недели; бюджет согласован только на первый квартал.',
      'Обсудили модули 1–3; фокус-группа провизоров довольна, есть замечания по тестам.',
      'Сроки сжатые, но реальные. Риски: согласование с юристами и праздники.',
      'Договорились о еженедельном статусе по четвергам.',
    ],
    promises: [
      'Смета на запись и монтаж вебинара для {h} #budget',
      'Отчёт о тестировании модулей для {h} #report',
      'Бета-версия портала с модулями 1–6 #launch',
      'Протокол встречи для {h}',
    ],
    waits: ['{h} пришлёт замечания юристов', '{h} подтвердит состав фокус-группы'],
    scopes: ['Добавить модуль по фармаконадзору в первую очередь', 'Перенести запуск на неделю по просьбе {h}'],
  },
  ro: {
    zones: ['Europe/Bucharest'],
    companies: ['Carpathia Design SRL', 'Dacia Logistic', 'Transilvania Print', 'Delta Bio'],
    people: [
      ['Mihai Popescu', 'mihai'],
      ['Ioana Ionescu', 'ioana'],
      ['Andrei Stan', 'andrei'],
      ['Ștefan Țurcanu', 'stefan'],
      ['Raluca Măgureanu', 'raluca'],
    ],
    titles: ['Apel cu {h} despre catalog', 'Ședință pentru site', 'Revizuirea ofertei cu {h}'],
    prose: [
      '{h} vrea catalogul tipărit înainte de târg; tirajul nu este încă decis.',
      'Am discutat structura site-ului; produsele trebuie să fie toate din catalog.',
      'Clientul e mulțumit de ritm, dar bugetul pentru fotografii e mic.',
    ],
    promises: [
      'Oferta tipografiei pentru catalog, în trei variante de tiraj, pentru {h} #catalog',
      'Site-ul pe serverul de test #site',
      'Catalogul tipărit, varianta finală #catalog',
    ],
    waits: ['{h} să trimită fotografiile produselor', '{h} să confirme tirajul'],
    scopes: ['Adăugarea unei pagini de distribuitori în prima etapă', 'Amânarea lansării cu o săptămână la cererea lui {h}'],
  },
};
const LANG_KEYS = ['en', 'en', 'bg', 'ru', 'ro'];

function dayNumber(y, m, d) {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}
function iso(n) {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}
const TODAY = dayNumber(2026, 11, 23);

/** One client's log, about `targetBytes` long (or `targetLines` lines). */
export function makeLog(rand, { targetBytes = Infinity, targetLines = Infinity, index = 0 } = {}) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const chance = (p) => rand() < p;
  const lang = pick(LANG_KEYS);
  const L = LANGS[lang];
  const company = `${pick(L.companies)} ${index}`;
  const people = [...L.people].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * Math.min(5, L.people.length)));
  const eol = chance(0.1) ? '\r\n' : '\n';
  const out = [];
  let bytes = 0;
  const push = (s) => {
    out.push(s);
    bytes += Buffer.byteLength(s) + eol.length;
  };
  const bom = chance(0.03);
  push('---');
  push(`client: ${company}`);
  push(`language: ${lang}`);
  push(`timezone: ${pick(L.zones)}`);
  push('contacts:');
  for (const [name, handle] of people) {
    push(`  - name: ${name}`);
    push(`    handle: ${handle}`);
    push(`    role: ${pick(['CFO', 'CEO', 'Operations Director', 'IT Lead', 'Project Manager'])}`);
    push(`    email: ${handle}@client${index}.example`);
  }
  push(`notes: Prefers short e-mails; decisions go through @${people[0][1]}.`);
  push('---');
  push('');
  const h = () => `@${pick(people)[1]}${chance(0.02) ? 'x' : ''}`;
  const fill = (s) => s.replace(/\{h\}/g, h);
  const span = Math.max(30, Math.round(Math.min(targetBytes / 90, targetLines / 3) || 400));
  let day = TODAY - span - Math.floor(rand() * 30);
  while (bytes < targetBytes && out.length < targetLines) {
    day += 1 + Math.floor(rand() * 4);
    const time = chance(0.3) ? ` ${String(8 + Math.floor(rand() * 10)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}` : '';
    push(`## ${iso(day)}${time} ${fill(pick(L.titles))}`);
    const n = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) push(fill(pick(L.prose)));
    const recent = day > TODAY - 20;
    const promises = Math.floor(rand() * 3);
    for (let i = 0; i < promises; i++) {
      const due = day + 1 + Math.floor(rand() * 10);
      const timed = chance(0.15) ? ` ${pick(['09:00', '12:00', '17:00'])}` : '';
      const text = fill(pick(L.promises));
      const r = rand();
      if (recent && r < 0.45) push(`PROMISE ${iso(due)}${timed} ${text}`);
      else if (recent && r < 0.6)
        push(`PROMISE ${iso(due + 5)}${timed} ${text} | moved from ${iso(due)} by ${h()} on ${iso(due - 1)}`); // open, moved
      else if (r < 0.55) push(`PROMISE ${iso(due)}${timed} ${text} | kept ${iso(due - Math.floor(rand() * 2))}`);
      else if (r < 0.7) push(`PROMISE ${iso(due)} ${text} | kept ${iso(due + 1 + Math.floor(rand() * 3))}`);
      else if (r < 0.8) {
        // A promise moved once or several times (each move keeps the old date, who agreed and when), then kept.
        const moves = chance(0.6) ? 1 : 2 + Math.floor(rand() * 4);
        let cur = due;
        const hist = [];
        for (let m = 0; m < moves; m++) {
          const next = cur + 2 + Math.floor(rand() * 7);
          hist.push(`moved from ${iso(cur)} by ${h()} on ${iso(cur - 1)}`);
          cur = next;
        }
        push(`PROMISE ${iso(cur)} ${text} | ${hist.join(' | ')} | kept ${iso(cur - Math.floor(rand() * 2))}`);
      } else if (r < 0.87) push(`PROMISE ${iso(due)} ${text} | dropped ${iso(due - 1)} the client changed plans`);
      else if (r < 0.92) push(`PROMISE ${iso(due)} ${text} | broken ${iso(due + 1)} see APOLOGY ${iso(due + 1)}`);
      else if (r < 0.985) push(`PROMISE ${iso(due)} ${text} | kept ${iso(due)}`);
      else push(`PROMISE ${pick([`${iso(due).slice(8)}.${iso(due).slice(5, 7)}.${iso(due).slice(0, 4)}`, iso(due)])} ${text}`); // an open one, sometimes misspelt
    }
    if (chance(0.35)) {
      const r = rand();
      const w = fill(pick(L.waits));
      if (recent || r < 0.1) push(`WAITING ${iso(day + 5)} ${w}`);
      else if (r < 0.3) push(`WAITING ${iso(day + 9)} ${w} | moved from ${iso(day + 5)} by ${h()} on ${iso(day + 4)} | received ${iso(day + 8)}`);
      else push(`WAITING ${iso(day + 5)} ${w} | received ${iso(day + 3)}`);
    }
    if (chance(0.15)) {
      const s = fill(pick(L.scopes));
      push(chance(recent ? 0.3 : 0.9) ? `SCOPE ${iso(day)} ${s} | confirmed ${iso(day + 1)} by ${h()}` : `SCOPE ${iso(day)} ${s}`);
    }
    if (chance(0.08))
      push(
        pick([
          'URGENT request: "today", but it can wait a day; agreed a date.',
          'URGENT crisis: the export fails for every employee; fixing now.',
          'URGENT they called twice about the invoice',
        ]),
      );
    if (chance(0.05)) push(`// ${fill(pick(L.prose))}`);
    if (chance(0.06)) {
      push(`APOLOGY late ${pick(['pack', 'report', 'invoice'])}`);
      push(`  What happened: ${fill(pick(L.prose))}`);
      push(`  Apology: I am sorry; you went into the meeting without it.`);
      if (chance(0.8)) push(`  Fix: The missing part is attached and I walk ${h()} through it on ${iso(day + 2)}.`);
      push(`  Prevention: Data cleaning now gets its own day in every plan,`);
      push(`    with a buffer day before any deadline.`);
    }
    if (chance(0.03)) {
      push('REFUSAL weekend go-live');
      push(`  Request: Go live on Saturday ${iso(day + 4)}.`);
      push('  Reason: timeline');
      if (chance(0.7)) push(`  Alternative: Go live on ${iso(day + 6)} with a dry run the day before.`);
    }
    if (chance(0.02)) {
      push('ESCALATION export down');
      push('  Kind: crisis');
      push('  What breaks: Nobody is paid on Friday if the export stays down.');
      push(`  Owner: ${h()}`);
      push(`  Next update: ${iso(day)} 15:00`);
    }
    push('');
  }
  return (bom ? '\ufeff' : '') + out.join(eol) + eol;
}

function manifestOk() {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
    return m.version === GENERATOR_VERSION && m.seed === SEED && m.files === TREE_FILES;
  } catch {
    return false;
  }
}

/** Writes the corpus unless an identical one is there. Returns its manifest. */
export function generate({ force = false, log = console.log } = {}) {
  if (!force && manifestOk()) return JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const t0 = Date.now();
  fs.rmSync(root, { recursive: true, force: true });
  const tree = path.join(root, 'tree');
  const rand = prng(SEED);
  // File sizes: a skewed spread (most files small, a few large), scaled to the total.
  const weights = Array.from({ length: TREE_FILES }, () => Math.exp(rand() * 2.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  let total = 0;
  for (let i = 0; i < TREE_FILES; i++) {
    const dir = path.join(tree, `team-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(dir, { recursive: true });
    const text = makeLog(rand, { targetBytes: (weights[i] / sum) * TREE_BYTES, index: i });
    fs.writeFileSync(path.join(dir, `client-${String(i).padStart(5, '0')}.clientlog`), text);
    total += Buffer.byteLength(text);
  }
  const big = makeLog(prng(SEED + 1), { targetLines: BIG_LINES - 1, index: 0 });
  fs.writeFileSync(path.join(root, 'big.clientlog'), big);
  const manifest = {
    version: GENERATOR_VERSION,
    seed: SEED,
    files: TREE_FILES,
    treeBytes: total,
    bigLines: big.split(/\r\n|\r|\n/).length,
    bigBytes: Buffer.byteLength(big),
    seconds: (Date.now() - t0) / 1000,
  };
  fs.writeFileSync(path.join(root, 'manifest.json'), JSON.stringify(manifest, null, 2));
  log(`corpus: ${TREE_FILES} files, ${(total / 1048576).toFixed(1)} MB; big.clientlog ${manifest.bigLines} lines (${manifest.seconds.toFixed(1)} s)`);
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generate({ force: process.argv.includes('--force') });
}
