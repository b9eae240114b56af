import * as assert from 'node:assert/strict';
import { contextAt, keywordSuggestions } from '../../src/core/language';
import { parse } from '../../src/core/parse';

const LOG = [
  '---',
  'client: Волга Фарма',
  'language: ru',
  'contacts:',
  '  - name: Елена Смирнова',
  '    handle: elena',
  '    address: Елена Викторовна',
  '    ',
  '---',
  '',
  '## 2026-11-12 Звонок',
  '',
].join('\n');

describe('the contact field `address`', () => {
  it('is read from the front matter (and an empty one is absent)', () => {
    const log = parse(LOG);
    assert.equal(log.frontMatter?.contacts[0].address, 'Елена Викторовна');
    assert.equal(parse(LOG.replace('address: Елена Викторовна', 'address: ')).frontMatter?.contacts[0].address, undefined);
  });

  it("is offered by completion on a contact's indented line, not at the top level or in the body", () => {
    const log = parse(LOG);
    const at = (line: number, text: string) => contextAt(log, text, { line, character: text.length });
    assert.equal(at(7, '    ad')?.kind, 'contactKey');
    assert.equal(at(7, '    ad')?.prefix, 'ad');
    assert.equal(at(4, '  - ')?.kind, 'contactKey');
    assert.equal(at(1, 'cl'), undefined, 'a top-level key');
    assert.notEqual(at(11, '    ad')?.kind, 'contactKey', 'not in the body');
  });
});

describe("keyword completion in the log's language", () => {
  it("offers URGENT with the triage words of the log's language", () => {
    const urgent = (lang: 'en' | 'bg' | 'ru' | 'ro') => keywordSuggestions('2026-11-12', lang).find((k) => k.keyword === 'URGENT')!.snippet;
    assert.equal(urgent('en'), 'URGENT ${1|request,crisis|}: ${0}');
    assert.equal(urgent('bg'), 'URGENT ${1|искане,криза|}: ${0}');
    assert.equal(urgent('ru'), 'URGENT ${1|запрос,кризис|}: ${0}');
    assert.equal(urgent('ro'), 'URGENT ${1|cerere,criză|}: ${0}');
  });
});
