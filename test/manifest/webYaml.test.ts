import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { parseFrontMatter } from '../../src/core/frontMatter';
import type { Problem } from '../../src/core/model';
import { splitLines } from '../../src/core/text';

/**
 * dist/extension.js leaves the parts of the `yaml` library that reading front matter never reaches out of the
 * bundle (scripts/yaml-for-front-matter.mjs: the stringifier, toJS, the YAML 1.1 schema, the document-editing
 * methods, ...).
 * The unit tests read front matter through the full library, from the sources. Here the front matter reader
 * is bundled exactly as the extension bundles it, and must give the same front matter and the same findings
 * as the source one on the examples, the hostile fixtures and on random YAML: a left-out module that was
 * reached after all would throw, and the bundled reader would report an unreadable front matter instead.
 */
type Reader = typeof parseFrontMatter;
const root = path.join(__dirname, '..', '..');

async function bundledReader(): Promise<Reader> {
  const m = await import(pathToFileURL(path.join(root, 'scripts/extension-build.mjs')).href);
  const options: esbuild.BuildOptions = { ...m.extensionBuild({ production: true }) };
  delete options.entryPoints;
  delete options.outfile;
  const r = await esbuild.build({
    ...options,
    stdin: { contents: "export { parseFrontMatter } from './src/core/frontMatter';", resolveDir: root, loader: 'ts' },
    absWorkingDir: root,
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.keys(r.metafile.inputs);
  assert.ok(
    inputs.some((i) => /yaml[\\/]browser[\\/]dist[\\/]stringify[\\/]/.test(i)),
    'the bundle resolves yaml to its browser build, whose modules the plugin leaves out',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientlog-web-yaml-'));
  const file = path.join(dir, 'frontMatter.cjs');
  fs.writeFileSync(file, r.outputFiles[0].text);
  try {
    return (createRequire(__filename)(file) as { parseFrontMatter: Reader }).parseFrontMatter;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function read(reader: Reader, text: string) {
  const { lines } = splitLines(text);
  const problems: Problem[] = [];
  const result = reader(lines, problems, { fast: false });
  return { result, problems };
}

const LINES = [
  'client: Acme',
  'client: "Acme \\u0041 \\x41"',
  "client: 'It''s'",
  'client: |\n  Acme\n  Logistics',
  'client: >-\n  folded\n  text',
  'client: !!str 12',
  'client: !!int 12',
  'client: !!float 1.5',
  'client: !!bool yes',
  'client: !!null ""',
  'client: !!binary aGVsbG8=',
  'client: !!timestamp 2001-12-14',
  'client: !custom X',
  'client: !<tag:yaml.org,2002:str> X',
  'client: &a Acme',
  'notes: *a',
  'notes: *missing',
  'base: &b {name: A}',
  'merged: {<<: *b, role: CFO}',
  '<<: {client: M}',
  'contacts: !!set {name: Maria}',
  'contacts: !!omap [{a: 1}]',
  'contacts: !!pairs [{a: 1}]',
  'contacts: !!seq [{name: A, handle: a}]',
  'contacts:\n  - !!map {name: B}\n  - name: C\n    handle: "c d"',
  'contacts: [a, b',
  'contacts: {name: A',
  'client: "unclosed',
  'client: Acme\nclient: Again',
  'timezone: Europe/Sofia',
  'timezone: 12',
  'cadence: 2w',
  'cadence: 14',
  'cadence: off',
  'language: bg',
  'language: [bg]',
  '? complex key\n: value',
  '[a, b]: c',
  '- just\n- a list',
  '%YAML 1.1\n--- {client: yes}',
  '%YAML 1.2\n--- {client: X}',
  '%TAG !e! tag:example.com,2000:\n--- !e!x {client: X}',
  '--- doc\n--- two',
  'a:\n\tb: tab',
  '   bad: indent',
  'key: value # comment',
  '# only a comment',
  'a: 0x1F\nb: 0o17\nc: .inf\nd: -.NaN\ne: 1e3\nf: ~\ng: null',
  'x: @reserved',
  'x: `reserved',
  'x: "\\q bad escape"',
  'x: {a: 1, a: 2}',
  'x: [[[[[deep]]]]]',
  'ключ: стойност 🙂',
  '',
];

describe('web extension: the bundled YAML reader', () => {
  let bundled: Reader;
  before(async function () {
    this.timeout(60_000);
    bundled = await bundledReader();
  });

  it('reads the examples and the hostile fixtures as the sources do', () => {
    const dirs = [path.join(root, 'examples'), path.join(root, 'test/fixtures/hostile')];
    let n = 0;
    for (const dir of dirs) {
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.clientlog'))) {
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        assert.deepEqual(read(bundled, text), read(parseFrontMatter, text), f);
        n++;
      }
    }
    assert.ok(n >= 15, `${n} files`);
  });

  it('reads tags, anchors, aliases, merge keys, directives, flow and block collections and YAML errors as the sources do', () => {
    for (const l of LINES) {
      const text = `---\n${l}\n---\nPROMISE 2026-11-05 x\n`;
      const want = read(parseFrontMatter, text);
      assert.deepEqual(read(bundled, text), want, l);
      assert.ok(!want.problems.some((p) => p.data.message === 'unreadable'), `the source reader read ${JSON.stringify(l)}`);
    }
  });

  it('reads random YAML as the sources do (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 6 }), (lines) => {
        const text = ['---', ...lines, '---', 'body'].join('\n');
        assert.deepEqual(read(bundled, text), read(parseFrontMatter, text));
      }),
      { numRuns: 500, seed: 19 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z:\-?&*!|>'"{}[\], #%@\n\t]{0,80}$/), (yaml) => {
        const text = `---\n${yaml}\n---\nbody`;
        assert.deepEqual(read(bundled, text), read(parseFrontMatter, text));
      }),
      { numRuns: 1000, seed: 19 },
    );
  });
});
