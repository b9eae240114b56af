/** Finding the `.clientlog` files under the paths given on the command line. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import { decodeLog, type DecodedLog } from '../core/encoding';

/** Directories never walked into. */
const SKIP = new Set(['node_modules', '.git']);

export interface Collected {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /**
   * With `stamps`: each file's size and mtime (ms), at [2i] and [2i + 1], taken as the walk met it (NaN when
   * it could not be stat-ed). A cache checks these instead of stat-ing every file again.
   */
  readonly stamps?: Float64Array;
  /** Paths that do not exist or cannot be read. */
  readonly missing: string[];
  /** The directories named in `inputs`, absolute: every file below them that the walk did not return is gone or ignored. */
  readonly dirs: string[];
}

interface Rules {
  readonly base: string;
  readonly ig: Ignore;
}

/** Whether a file name ends in `.clientlog`, in any case (without lower-casing every name in the tree). */
function isLogName(name: string): boolean {
  if (name.endsWith('.clientlog')) return true;
  return name.length >= 10 && name.charCodeAt(name.length - 10) === 46 && name.slice(-9).toLowerCase() === 'clientlog';
}

/**
 * The `.clientlog` files under `inputs` (files named explicitly are always taken, whatever their name).
 * Directories are read synchronously: with the files in the page cache (the usual case for a checker
 * run again and again), that takes half the time of fs.promises.readdir over 100 directories of 10,000
 * files (measured: about 20 ms against 45). `node_modules` and `.git` are skipped, and, unless `useIgnore` is
 * false, `.gitignore` files found in the walked directories apply below them (negations included, the
 * deeper file winning, as in git). `.gitignore` files above a named directory are not read: a directory
 * named on the command line is checked even when the repository ignores it. `onFile` hears the count of files
 * found so far, after each (the CLI starts its workers while the walk goes on once it knows the work is big).
 */
export function collectFiles(inputs: readonly string[], cwd: string, useIgnore = true, stamps = false, onFile?: (count: number) => void): Collected {
  const found: string[] = [];
  // Each file's size and mtime, one after the other, as the walk meets them: numbers in a typed array, not
  // 10,000 boxed ones in an array for the collector to copy (a rerun from the cache is mostly this walk).
  let stamped = new Float64Array(stamps ? 2048 : 0);
  const missing: string[] = [];
  const dirs: string[] = [];
  const take = (full: string, st?: fs.Stats) => {
    found.push(full);
    onFile?.(found.length);
    if (!stamps) return;
    st ??= fs.statSync(full, { throwIfNoEntry: false });
    const at = 2 * found.length - 2;
    if (at === stamped.length) {
      const more = new Float64Array(2 * stamped.length);
      more.set(stamped);
      stamped = more;
    }
    stamped[at] = st ? st.size : NaN;
    stamped[at + 1] = st ? st.mtimeMs : NaN;
  };
  const walk = (dir: string, rules: readonly Rules[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    let here = rules;
    if (useIgnore && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
        // Loaded on the first .gitignore met: a tree without one never pays for the library's start-up.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const ignore = require('ignore') as typeof import('ignore');
        here = [...rules, { base: dir, ig: ignore().add(text) }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    const ignored = (full: string, isDir: boolean): boolean => {
      let state = false;
      for (const r of here) {
        const rel = path.relative(r.base, full).split(path.sep).join('/') + (isDir ? '/' : '');
        const t = r.ig.test(rel);
        if (t.ignored) state = true;
        else if (t.unignored) state = false;
      }
      return state;
    };
    const checkIgnores = here.length > 0;
    // `dir` is absolute and normalised (path.resolve, then names from readdir): plain concatenation is
    // path.join without its normalising pass, which was a third of the walk's time over 10,000 files.
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    // What to take here, in sorted order: a directory as its name and a slash, so that the walk meets the
    // paths in the order of a sort of the whole list (a name sorts before the same name with more after it,
    // and a slash after the characters such as '-' and '.' that sort before it): the list needs no sort of its own.
    const names: string[] = [];
    let linked: Map<string, fs.Stats> | undefined;
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !(checkIgnores && ignored(prefix + e.name, true))) names.push(e.name + '/');
      } else if (e.isFile()) {
        if (isLogName(e.name) && !(checkIgnores && ignored(prefix + e.name, false))) names.push(e.name);
      } else if (e.isSymbolicLink() && isLogName(e.name) && !(checkIgnores && ignored(prefix + e.name, false))) {
        // A link is followed to a file, never to a directory (no cycles).
        const st = fs.statSync(prefix + e.name, { throwIfNoEntry: false });
        if (st?.isFile()) {
          names.push(e.name);
          (linked ??= new Map()).set(e.name, st);
        }
      }
    }
    names.sort();
    for (const name of names) {
      if (name.charCodeAt(name.length - 1) === 47) walk(prefix + name.slice(0, -1), here);
      else take(prefix + name, linked?.get(name));
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch {
      // Missing or unreadable: reported as such.
    }
    if (!st) missing.push(input);
    else if (st.isDirectory()) {
      dirs.push(abs);
      walk(abs, []);
    } else take(abs, st);
  }
  // Sorted, without duplicates (inputs may overlap), the stamps following their files. One directory walked,
  // or several that do not overlap, in order, are in order already.
  let sorted = true;
  for (let i = 1; i < found.length && sorted; i++) sorted = found[i - 1] < found[i];
  if (sorted) return stamps ? { files: found, stamps: stamped.subarray(0, 2 * found.length), missing, dirs } : { files: found, missing, dirs };
  const order = found.map((_, i) => i).sort((a, b) => (found[a] < found[b] ? -1 : found[a] > found[b] ? 1 : a - b));
  const files: string[] = [];
  const kept: number[] = [];
  for (const i of order) {
    if (files.length > 0 && files[files.length - 1] === found[i]) continue;
    files.push(found[i]);
    kept.push(i);
  }
  if (!stamps) return { files, missing, dirs };
  const out = new Float64Array(2 * files.length);
  kept.forEach((i, k) => {
    out[2 * k] = stamped[2 * i];
    out[2 * k + 1] = stamped[2 * i + 1];
  });
  return { files, stamps: out, missing, dirs };
}

/**
 * Reads a log file as its bytes say (UTF-8, or UTF-16 with a BOM): its text and the problems of the file
 * as a whole (`file.encoding` at the first invalid byte, `file.binary`). Throws when the file cannot be read.
 */
export function readLog(file: string): DecodedLog {
  const bytes = fs.readFileSync(file);
  return decodeLog(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
