import * as assert from 'node:assert/strict';
import { parseLines } from '../../src/core/parse';

describe('parseLines when reading the front matter fails', () => {
  it('reports the failure as a finding and still parses the body', () => {
    // The front-matter reader is not known to throw on any text; should it ever, the log must say so.
    // The lines are read through a proxy whose second line fails to read the first time.
    const lines = ['---', 'client: Acme', '---', 'PROMISE 2026-11-05 Send the plan'];
    let failed = false;
    const flaky = new Proxy(lines, {
      get(target, key, receiver) {
        if (key === '1' && !failed) {
          failed = true;
          throw new Error('read failed\nsecond line of the message');
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const log = parseLines(flaky, '\n', false);
    assert.ok(failed);
    assert.deepEqual(
      log.problems.map((p) => [p.code, p.range.start.line, p.data.message]),
      [['frontMatter.invalid', 0, 'read failed']],
    );
    assert.equal(log.items.length, 1);
    assert.equal(log.frontMatter, undefined);
  });
});
