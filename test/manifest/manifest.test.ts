import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const LOCALES = ['bg', 'ru', 'ro'];

/** Every string of the form %key% in the manifest. */
function nlsKeysUsed(): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      const m = /^%(.+)%$/.exec(v);
      if (m) keys.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg);
  return keys;
}

/** The source files of the extension, for finding registered commands and l10n strings. */
function sources(dir = 'src'): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

describe('manifest', () => {
  const commands: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);

  it('declares every command the code registers, and registers every declared command', () => {
    const registered = new Set<string>();
    for (const f of sources()) for (const m of read(f).matchAll(/registerCommand\(\s*'([^']+)'/g)) registered.add(m[1]);
    const publicRegistered = [...registered].filter((c) => !c.startsWith('clientlog._test.'));
    assert.deepEqual(
      publicRegistered.filter((c) => !commands.includes(c)),
      [],
      'registered but not declared',
    );
    assert.deepEqual(
      commands.filter((c) => !registered.has(c)),
      [],
      'declared but never registered',
    );
  });

  it('points every menu entry at a declared command', () => {
    for (const [menu, entries] of Object.entries(pkg.contributes.menus as Record<string, { command: string }[]>)) {
      for (const e of entries) assert.ok(commands.includes(e.command), `${menu}: ${e.command}`);
    }
  });

  it('has every nls key in every language, with the same placeholders, and no unused keys', () => {
    const used = nlsKeysUsed();
    const en = JSON.parse(read('package.nls.json'));
    assert.deepEqual(
      [...used].filter((k) => !(k in en)),
      [],
      'used but missing from package.nls.json',
    );
    assert.deepEqual(
      Object.keys(en).filter((k) => !used.has(k)),
      [],
      'unused keys in package.nls.json',
    );
    for (const l of LOCALES) {
      const tr = JSON.parse(read(`package.nls.${l}.json`));
      assert.deepEqual(
        Object.keys(en).filter((k) => !(k in tr)),
        [],
        `missing from package.nls.${l}.json`,
      );
      assert.deepEqual(
        Object.keys(tr).filter((k) => !(k in en)),
        [],
        `stale keys in package.nls.${l}.json`,
      );
      for (const k of Object.keys(en)) {
        assert.equal(placeholders(tr[k]), placeholders(en[k]), `${l}: placeholders of ${k}`);
        assert.equal((tr[k].match(/\(command:[^)]+\)/g) ?? []).join(), (en[k].match(/\(command:[^)]+\)/g) ?? []).join(), `${l}: command links of ${k}`);
        assert.notEqual(tr[k].trim(), '', `${l}: ${k} is empty`);
      }
    }
  });

  it('translates every vscode.l10n.t string in bg, ru and ro with the same placeholders', () => {
    const strings = new Set<string>();
    for (const f of sources()) {
      const text = read(f);
      // l10n.t('…') in the extension, and t('…') in core/messages.ts and core/review/report.ts (called with vscode.l10n.t).
      const re = /\b(?:l10n\.)?t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g; // either quote: the formatter picks the one with fewer escapes
      if (f.includes(`${path.sep}core${path.sep}`) && !f.endsWith('messages.ts') && !f.endsWith(`review${path.sep}report.ts`)) continue;
      for (const m of text.matchAll(re)) strings.add(m[2].replace(/\\(['"])/g, '$1').replace(/\\\\/g, '\\'));
    }
    assert.ok(strings.size > 50, `found ${strings.size} strings`);
    for (const l of LOCALES) {
      const bundle = JSON.parse(read(`l10n/bundle.l10n.${l}.json`));
      assert.deepEqual(
        [...strings].filter((s) => !(s in bundle)),
        [],
        `missing from l10n/bundle.l10n.${l}.json`,
      );
      assert.deepEqual(
        Object.keys(bundle).filter((s) => !strings.has(s)),
        [],
        `stale keys in l10n/bundle.l10n.${l}.json`,
      );
      for (const s of strings) assert.equal(placeholders(bundle[s]), placeholders(s), `${l}: placeholders of "${s}"`);
    }
  });

  it('writes Romanian with comma-below ș and ț, never the cedilla forms', () => {
    for (const f of ['package.nls.ro.json', 'l10n/bundle.l10n.ro.json']) assert.doesNotMatch(read(f), /[şţŞŢ]/, f);
  });

  it('activates lazily and declares trust and virtual-workspace support', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.capabilities.untrustedWorkspaces);
    assert.ok(pkg.capabilities.virtualWorkspaces);
  });

  it('lets only what the extension needs into the package (.vscodeignore is an allow-list)', () => {
    const lines = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(lines.slice(1).every((l) => l.startsWith('!')));
    for (const f of [
      pkg.main,
      pkg.icon,
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
    ]) {
      assert.ok(fs.existsSync(path.join(root, f)), `${f} exists`);
    }
  });
});
