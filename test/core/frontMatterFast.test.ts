import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseFrontMatter } from '../../src/core/frontMatter';
import type { Problem } from '../../src/core/model';
import { splitLines } from '../../src/core/text';

/** The fast reader of simple profiles must give exactly what the YAML parser gives. */
function same(text: string) {
  const { lines } = splitLines(text);
  const pFast: Problem[] = [];
  const pSlow: Problem[] = [];
  const fast = parseFrontMatter(lines, pFast);
  const slow = parseFrontMatter(lines, pSlow, { fast: false });
  assert.deepEqual(fast, slow, text);
  assert.deepEqual(pFast, pSlow, text);
}

const KEYS = ['client', 'language', 'timezone', 'notes', 'contacts', 'clinet', 'x_1', 'name', 'handle', 'role', 'email', 'address', 'Client'];
const VALUES = [
  'Acme Logistics',
  'Балкан Фуудс ООД',
  'en',
  'bg',
  'de',
  'Europe/Sofia',
  'Mars/Base',
  'ivan',
  '@ivan',
  'iv an',
  'ivan.',
  'a@b.example',
  'Prefers calls; decisions go through @ivan.',
  '12',
  '1e3',
  '0x1F',
  'true',
  'True',
  'tRUE',
  'no',
  'null',
  'Null',
  'Yes',
  'OFF',
  'On',
  'y',
  'N',
  'off!',
  'nope',
  '~',
  '',
  ' ',
  'a ',
  ' a',
  'a: b',
  'a:b',
  'a #c',
  'a#c',
  '"quoted"',
  "'q'",
  '[a, b]',
  '{a: 1}',
  '- x',
  '? x',
  '|',
  '>-',
  '*ref',
  '&anchor x',
  '!tag x',
  '%x',
  '`x',
  'x:',
  'a\tb',
  '.inf',
  '-1',
  '+1',
  'Ivan Petrov',
  'CFO',
  'ё',
  'emoji 🙂',
];
const lineArb = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom('contacts:', 'contacts: ', 'notes:', '', '# comment', '  ', 'client:Acme'),
  fc.tuple(fc.constantFrom('  - ', '- ', '    - ', '  -  '), fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([i, k, v]) => `${i}${k}: ${v}`),
  fc.tuple(fc.constantFrom('    ', '  ', '      ', '\t'), fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([i, k, v]) => `${i}${k}: ${v}`),
);

describe('front matter: the fast reader of simple profiles', () => {
  it('agrees with the YAML parser on the examples', () => {
    const dir = path.join(__dirname, '..', '..', 'examples');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.clientlog'))) same(fs.readFileSync(path.join(dir, f), 'utf8'));
  });

  it('agrees with the YAML parser on typical profiles', () => {
    same(
      '---\nclient: Acme 3\nlanguage: en\ntimezone: Europe/Sofia\ncontacts:\n  - name: Ivan Petrov\n    handle: ivan\n    role: CFO\n    email: ivan@acme.example\n  - name: Maria\n    handle: maria\nnotes: Prefers short e-mails; decisions go through @ivan.\n---\n',
    );
    same('---\ncontacts:\n- name: A\n  handle: a\nclient: X\n---\n');
    same(
      '---\nclient: X\ncontacts:\n  - name: Елена Смирнова\n    address: Елена Викторовна\n  - name: Ion Ionescu\n    address: domnule Ionescu\n  - name: B\n    address: \n---\n',
    );
    same('---\nclient: X\ncontacts:\n  - name: A\n---\n');
    same('---\nclient: X\ncontacts:\n  - name: A\n  - handle: b\n  - name: C\n    handle: b\n    handle: c\n---\n');
    same('---\nclient: X\nclient: Y\n---\n');
  });

  it('agrees with the YAML parser on any mix of simple and not-so-simple lines (property)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        same(['---', ...lines, '---', 'body'].join(eol));
      }),
      { numRuns: 3000 },
    );
  });
});
