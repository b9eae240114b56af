import * as assert from 'node:assert/strict';
import { whenSettled } from '../../src/core/settle';

/** A scan as the workspace index runs one: started by `start`, ended by hand; a newer one replaces it. */
function scans() {
  const ends: Array<() => void> = [];
  let current: Promise<void> | undefined;
  const start = () => {
    current = new Promise<void>((resolve) => ends.push(resolve));
    return current;
  };
  return { current: () => current ?? start(), start, end: (k: number) => ends[k]!() };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('whenSettled (the workspace index: ready once the newest scan is done)', () => {
  it('resolves when the only scan ends', async () => {
    const s = scans();
    let done = false;
    void whenSettled(s.current).then(() => (done = true));
    await tick();
    assert.equal(done, false);
    s.end(0);
    await tick();
    assert.equal(done, true);
  });

  it('waits for the scan that replaced the one under way (it stops early, with part of the workspace)', async () => {
    const s = scans();
    let done = false;
    s.start();
    void whenSettled(s.current).then(() => (done = true));
    s.start(); // files.exclude changed: a new scan; the first one returns at once
    s.end(0);
    await tick();
    assert.equal(done, false, 'not ready while the newer scan runs');
    s.end(1);
    await tick();
    assert.equal(done, true);
  });

  it('follows a chain of replacements', async () => {
    const s = scans();
    let done = false;
    s.start();
    void whenSettled(s.current).then(() => (done = true));
    for (let k = 1; k <= 5; k++) {
      s.start();
      s.end(k - 1);
      await tick();
      assert.equal(done, false, `scan ${k} under way`);
    }
    s.end(5);
    await tick();
    assert.equal(done, true);
  });
});
