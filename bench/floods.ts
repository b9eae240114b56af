// The hostile inputs of issue 13 ("floods and stalls"), generated for `node core.js flood <name>`: each must
// parse and analyze at 5 MB/s or more, and no 5 MB input may need more than 300 MB of memory.
import { prng } from './prng';

const FM = '---\nclient: Flood\ncontacts:\n  - name: Ivan Petrov\n    handle: ivan\n---\n';
const MB5 = 5 * 1024 * 1024;

/** Lines made by `line` until the text reaches `bytes` (ASCII-sized estimate). */
function fill(bytes: number, line: (i: number) => string): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const l = line(i);
    out.push(l);
    n += l.length + 1;
  }
  return out.join('\n');
}

const soupWords = [
  'PROMISE',
  'WAITING',
  'SCOPE',
  'URGENT',
  'APOLOGY',
  'REFUSAL',
  'ESCALATION',
  'Promise',
  'promise',
  '  PROMISE',
  'РROMISE',
  'PRO\u200bMISE',
  '\ufeffSCOPE',
  '## 2026-11-05',
  '## 2026\u201011\u201005',
  '//',
  'x',
];
function soupLine(r: () => number): string {
  const kw = soupWords[Math.floor(r() * soupWords.length)];
  const date = r() < 0.6 ? `2026-11-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}` : r() < 0.5 ? '2026-13-45' : '2026\u201011\u201005';
  const tail = r() < 0.3 ? ' | kept 2026-11-04 | kept 2026-11-06 | moved from x' : r() < 0.3 ? ' @nobody #t see APOLOGY 2026-11-01' : '';
  return `${kw} ${date} text ${Math.floor(r() * 1000)}${tail}`;
}

export const FLOODS: Readonly<Record<string, { what: string; make: () => string }>> = {
  bars: { what: 'one line of 300,000 " | " separators (0.9 MB)', make: () => `PROMISE 2026-11-05 x${' | '.repeat(300_000)}` },
  soup: {
    what: '200,000 random keyword lines (2.6 MB)',
    make: () => {
      const r = prng(1);
      return Array.from({ length: 200_000 }, () => soupLine(r).slice(0, 12)).join('\n');
    },
  },
  mentions: { what: 'one line of 100,000 unknown mentions', make: () => FM + Array.from({ length: 100_000 }, (_, i) => `@m${i}`).join(' ') },
  bars5: { what: '5 MB: one line of " | " separators', make: () => `PROMISE 2026-11-05 x${' | '.repeat(Math.floor(MB5 / 3))}` },
  history5: {
    what: '5 MB: one line of contradictory segments',
    make: () => `## 2026-11-05 x\nPROMISE 2026-11-05 x${' | kept 2026-11-04 | broken 2026-13-45 see APOLOGY 2026-11-01'.repeat(Math.floor(MB5 / 60))}`,
  },
  soup5: {
    what: '5 MB keyword soup (near misses, bad dates, conflicts)',
    make: () => {
      const r = prng(2);
      return FM + fill(MB5, () => soupLine(r));
    },
  },
  mentions5: {
    what: '5 MB of unknown mentions and tags, 200 per line',
    make: () => FM + fill(MB5, (i) => Array.from({ length: 200 }, (_, k) => (k % 2 ? `@m${i}x${k}` : `#t${k}`)).join(' ')),
  },
  typical5: {
    what: '5 MB of ordinary entries',
    make: () => {
      const r = prng(3);
      return (
        FM +
        fill(MB5, (i) =>
          i % 6 === 0
            ? `## 2026-${String(1 + (i % 12)).padStart(2, '0')}-01 Call ${i}`
            : r() < 0.5
              ? `PROMISE 2026-11-${String(1 + (i % 28)).padStart(2, '0')} Send @ivan the pack #p | moved from 2026-11-01 by @ivan on 2026-10-30`
              : 'Talked about the plan with @ivan; next steps agreed.',
        )
      );
    },
  },
};
