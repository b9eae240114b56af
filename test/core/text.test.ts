import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../src/core/text';

describe('text: escapeMarkdown', () => {
  it('escapes every character Markdown reads as markup, and nothing else', () => {
    assert.equal(
      escapeMarkdown('**Acme** [x](y) #1 <b> a_b `c` 1. - + ! | \\ {}'),
      '\\*\\*Acme\\*\\* \\[x\\]\\(y\\) \\#1 \\<b\\> a\\_b \\`c\\` 1\\. \\- \\+ \\! \\| \\\\ \\{\\}',
    );
    assert.equal(escapeMarkdown('Иван Петров, 12:00'), 'Иван Петров, 12:00');
  });
});
