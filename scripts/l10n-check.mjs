#!/usr/bin/env node
// Checks the translations of Clientlog (bg, ru, ro) against the English sources.
//
//   node scripts/l10n-check.mjs                       report missing / stale keys and placeholder mismatches
//   node scripts/l10n-check.mjs --json                also print all current English strings (code + manifest)
//   node scripts/l10n-check.mjs --merge ro new.json   merge translations ({ "English or nls key": "…" }) into
//                                                     package.nls.ro.json / l10n/bundle.l10n.ro.json, then check
//   node scripts/l10n-check.mjs --prune               drop stale keys and reorder the files like the English
//
// Workflow when strings are added: run it, copy a language's "missing" object into a file, translate the
// values, `--merge <lang> <file>`, repeat for the other languages; `--prune` after strings are removed.
//
// Code strings are extracted exactly as test/manifest/manifest.test.ts does: every
// `l10n.t('…')` / `t('…')` in src/**/*.ts, skipping src/core files other than messages.ts.
// Manifest strings come from package.nls.json. For each language it prints the missing keys as a
// JSON object with the English values (ready to translate and merge), the stale keys, the keys
// whose {0}… placeholders or (command:…) link targets differ, empty values, and (for ro) any cedilla
// ş ţ Ş Ţ instead of comma-below ș ț Ș Ț. Exit code 1 if anything is reported. No dependencies.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCALES = ['bg', 'ru', 'ro'];
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');
const exists = (p) => fs.existsSync(path.join(root, p));

function sources(dir = 'src') {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The English code strings, as the manifest test extracts them (Map: string → first file). */
function codeStrings() {
  const strings = new Map();
  for (const f of sources().sort()) {
    if (f.includes(`${path.sep}core${path.sep}`) && !f.endsWith('messages.ts')) continue;
    const re = /\b(?:l10n\.)?t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g; // either quote: the formatter picks the one with fewer escapes
    for (const m of read(f).matchAll(re)) {
      const s = m[2].replace(/\\(['"])/g, '$1').replace(/\\\\/g, '\\');
      if (!strings.has(s)) strings.set(s, f);
    }
  }
  return strings;
}

const placeholders = (s) =>
  [...String(s).matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
const links = (s) => (String(s).match(/\(command:[^)]+\)/g) ?? []).join();
const backticks = (s) => (String(s).match(/`[^`]*`/g) ?? []).sort().join(' ');
const CEDILLA = /[şţŞŢ]/g;

let problems = 0;
const out = [];
const say = (s = '') => out.push(s);

function parseJson(file) {
  try {
    return JSON.parse(read(file));
  } catch (e) {
    problems++;
    say(`  ${file}: ${exists(file) ? `invalid JSON: ${e.message}` : 'does not exist'}`);
    return null;
  }
}

/** Compares one translation file with the English: returns nothing, reports into `out`. */
function check(file, en, lang, { checkLinks, checkCode }) {
  const tr = parseJson(file);
  if (!tr) return;
  const missing = Object.fromEntries(Object.entries(en).filter(([k]) => !(k in tr)));
  const stale = Object.keys(tr).filter((k) => !(k in en));
  const mismatched = [];
  const warnings = [];
  for (const [k, v] of Object.entries(en)) {
    if (!(k in tr)) continue;
    if (typeof tr[k] !== 'string' || tr[k].trim() === '') mismatched.push(`${JSON.stringify(k)}: empty`);
    else if (placeholders(tr[k]) !== placeholders(v))
      mismatched.push(`${JSON.stringify(k)}: placeholders {${placeholders(v)}} in English, {${placeholders(tr[k])}} in ${lang}`);
    else if (checkLinks && links(tr[k]) !== links(v)) mismatched.push(`${JSON.stringify(k)}: command links differ (${links(v)} vs ${links(tr[k])})`);
    else if (checkCode && backticks(tr[k]) !== backticks(v))
      warnings.push(`${JSON.stringify(k)}: backticked code differs (${backticks(v)} vs ${backticks(tr[k])})`);
  }
  const cedilla = lang === 'ro' ? [...new Set(read(file).match(CEDILLA) ?? [])] : [];
  const n = Object.keys(missing).length + stale.length + mismatched.length + cedilla.length;
  problems += n;
  say(
    `  ${file}: ${Object.keys(tr).length} translated, ${Object.keys(missing).length} missing, ${stale.length} stale, ${mismatched.length} mismatched${lang === 'ro' ? `, ${cedilla.length ? `cedilla ${cedilla.join(' ')}` : 'no cedilla'}` : ''}`,
  );
  if (Object.keys(missing).length) say(`    missing (English, to translate):\n${indent(JSON.stringify(missing, null, 2), 6)}`);
  if (stale.length) say(`    stale (no longer in the English):\n${stale.map((k) => `      ${JSON.stringify(k)}`).join('\n')}`);
  for (const m of mismatched) say(`    mismatch: ${m}`);
  for (const w of warnings) say(`    note: ${w}`);
  if (cedilla.length) {
    read(file)
      .split('\n')
      .forEach((line, i) => {
        if (CEDILLA.test(line)) say(`    cedilla on line ${i + 1}: ${line.trim()}`);
        CEDILLA.lastIndex = 0;
      });
  }
}

const indent = (s, n) =>
  s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');

const code = Object.fromEntries([...codeStrings().keys()].map((s) => [s, s]));
const nls = parseJson('package.nls.json') ?? {};

/** Writes a translation file with the English key order; stale keys kept at the end unless pruned. */
function write(file, en, tr, prune) {
  const out = {};
  for (const k of Object.keys(en)) if (k in tr) out[k] = tr[k];
  if (!prune) for (const k of Object.keys(tr)) if (!(k in out)) out[k] = tr[k];
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), JSON.stringify(out, null, 2) + '\n');
}
const readOr = (file) => (exists(file) ? JSON.parse(read(file)) : {});

const mergeAt = process.argv.indexOf('--merge');
if (mergeAt >= 0) {
  const [lang, src] = process.argv.slice(mergeAt + 1, mergeAt + 3);
  if (!LOCALES.includes(lang) || !src) {
    console.error(`usage: --merge <${LOCALES.join('|')}> <translations.json>`);
    process.exit(2);
  }
  const incoming = JSON.parse(fs.readFileSync(path.resolve(src), 'utf8'));
  const nlsFile = `package.nls.${lang}.json`;
  const bundleFile = `l10n/bundle.l10n.${lang}.json`;
  const trNls = readOr(nlsFile);
  const trCode = readOr(bundleFile);
  let merged = 0;
  for (const [k, v] of Object.entries(incoming)) {
    const en = k in nls ? nls[k] : k in code ? code[k] : undefined;
    if (en === undefined) console.error(`skipped (not an English string or nls key): ${JSON.stringify(k)}`);
    else if (typeof v !== 'string' || !v.trim()) console.error(`skipped (empty): ${JSON.stringify(k)}`);
    else if (placeholders(v) !== placeholders(en)) console.error(`skipped (placeholders differ): ${JSON.stringify(k)}`);
    else {
      (k in nls ? trNls : trCode)[k] = v;
      merged++;
    }
  }
  write(nlsFile, nls, trNls, false);
  write(bundleFile, code, trCode, false);
  console.error(`merged ${merged} translation(s) into ${lang}`);
}
if (process.argv.includes('--prune')) {
  for (const lang of LOCALES) {
    if (exists(`package.nls.${lang}.json`)) write(`package.nls.${lang}.json`, nls, readOr(`package.nls.${lang}.json`), true);
    if (exists(`l10n/bundle.l10n.${lang}.json`)) write(`l10n/bundle.l10n.${lang}.json`, code, readOr(`l10n/bundle.l10n.${lang}.json`), true);
  }
}
say(`English: ${Object.keys(code).length} code strings (l10n/bundle.l10n.*.json), ${Object.keys(nls).length} manifest strings (package.nls.*.json)`);
for (const lang of LOCALES) {
  say(`\n[${lang}]`);
  check(`package.nls.${lang}.json`, nls, lang, { checkLinks: true, checkCode: true });
  check(`l10n/bundle.l10n.${lang}.json`, code, lang, { checkLinks: false, checkCode: false });
}
if (process.argv.includes('--json')) say(`\nAll English strings:\n${JSON.stringify({ code, nls }, null, 2)}`);
say(problems ? `\n${problems} problem(s).` : '\nAll translations complete.');
console.log(out.join('\n'));
process.exit(problems ? 1 : 0);
