// The esbuild plugin that bundles only the part of the `yaml` library that reading front matter uses
// (scripts/extension-build.mjs puts it in dist/extension.js, which vscode.dev downloads on every start).
//
// src/core/frontMatter.ts calls parseDocument with `schema: 'core', resolveKnownTags: false`, then reads the
// nodes' items, keys, values and ranges (isMap/isSeq/isScalar) and the errors, and lexes with the Lexer. That
// needs the lexer, the parser, the composer, the node classes' constructors and the core schema. It never
// reaches: the stringifier (toString), toJS/toJSON and their reviver, createNode and the rest of the
// document-editing API (get/set/add/delete/...In, clone), alias resolution (toJS only), the YAML 1.1 schema and
// its types (the core schema is forced, so a `%YAML 1.1` directive does not select them, and with
// resolveKnownTags off `!!binary`, `!!set`, ... are unknown tags, a warning) or the JSON schema.
//
// esbuild cannot drop a class's unused methods, nor modules that an unused method imports, so this plugin:
// - marks the library's files free of side effects: modules none of whose exports is used are dropped whole;
// - replaces the modules in LEFT_OUT by exports that throw;
// - in the classes of KEEP, replaces every method but the ones listed by one that throws, and the
//   declarations in DROP by the function that throws.
// Anything that did reach a part left out fails loudly (the front matter reader reports an unreadable front
// matter) instead of going wrong silently, and test/manifest/webYaml.test.ts reads a corpus of front matter
// through the reader bundled this way and through the source one, and requires the same front matter and
// findings. A yaml update that moves what these lists name fails the build, naming what moved.
import fs from 'node:fs';
import ts from 'typescript';

const DIST = /[\\/]node_modules[\\/]yaml[\\/]browser[\\/]dist[\\/]/;

/** Modules (under yaml/browser/dist/) that nothing the front matter reader runs can reach. */
const LEFT_OUT =
  /[\\/]yaml[\\/]browser[\\/]dist[\\/](?:stringify[\\/][^\\/]+|schema[\\/]yaml-1\.1[\\/][^\\/]+|schema[\\/]json[\\/]schema|doc[\\/]createNode|doc[\\/]applyReviver|doc[\\/]anchors|nodes[\\/]toJS|nodes[\\/]addPairToJSMap|visit)\.js$/;

/** Per module, per class: the methods the parser and composer call; the others are left out. */
const KEEP = {
  'compose/composer.js': { Composer: ['constructor', 'decorate', 'compose', 'next', 'end'] },
  'doc/Document.js': { Document: ['constructor', 'setSchema'] },
  'doc/directives.js': { Directives: ['constructor', 'atDocument', 'add', 'tagName'] },
  'nodes/Node.js': { NodeBase: ['constructor'] },
  'nodes/Collection.js': { Collection: ['constructor'] },
  'nodes/YAMLMap.js': { YAMLMap: ['tagName', 'constructor'] },
  'nodes/YAMLSeq.js': { YAMLSeq: ['tagName', 'constructor'] },
  'nodes/Pair.js': { Pair: ['constructor'] },
  'nodes/Alias.js': { Alias: ['constructor'] },
  'nodes/Scalar.js': { Scalar: ['constructor'] },
};

/** Per module: top-level declarations (functions, constants) that the front matter reader never reaches. */
const DROP = {
  // Only parseDocument with `prettyErrors` and a `lineCounter` calls it; the reader passes neither.
  'errors.js': ['prettifyError'],
};

const relative = (p) => p.split(DIST)[1].replace(/\\/g, '/');
/** The one function that every part left out calls (a module of its own, so the bundle holds it once). */
const THROWS = 'yaml-for-front-matter:left-out';
const IMPORT = `import { leftOut as __leftOut } from '${THROWS}';\n`;

/** A module left out: each of its exports is a function that throws. */
function leftOut(file, source) {
  const names = [...source.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
  if (names.length === 0 || names.some((n) => !/^[A-Za-z_$][\w$]*$/.test(n)) || /^export (?!\{)/m.test(source)) {
    throw new Error(`yaml/${file} no longer ends with one plain \`export { ... }\``);
  }
  return IMPORT + names.map((n) => `export const ${n} = __leftOut;`).join('\n');
}

/**
 * A module whose classes keep only the methods listed (the others are replaced by one throwing call) and
 * whose declarations in `drop` are replaced by the throwing function.
 */
function trimmed(file, source, keep = {}, drop = []) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const cuts = [];
  const found = new Set();
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && st.declarationList.declarations.length === 1) {
      const d = st.declarationList.declarations[0];
      if (ts.isIdentifier(d.name) && drop.includes(d.name.text) && d.initializer) {
        found.add(d.name.text);
        cuts.push([d.initializer.getStart(sf), d.initializer.end, '__leftOut']);
      }
      continue;
    }
    if (ts.isFunctionDeclaration(st) && st.name && drop.includes(st.name.text)) {
      found.add(st.name.text);
      cuts.push([st.getStart(sf), st.end, `const ${st.name.text} = __leftOut;`]);
      continue;
    }
    if (!ts.isClassDeclaration(st) || !st.name || !keep[st.name.text]) continue;
    const cls = st.name.text;
    found.add(cls);
    const kept = new Set();
    for (const m of st.members) {
      const name = ts.isConstructorDeclaration(m) ? 'constructor' : m.name && ts.isIdentifier(m.name) ? m.name.text : undefined;
      if (name === undefined) continue;
      if (keep[cls].includes(name)) {
        kept.add(name);
        continue;
      }
      if (!ts.isMethodDeclaration(m) && !ts.isGetAccessor(m) && !ts.isSetAccessor(m)) continue;
      const isStatic = m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) ? 'static ' : '';
      const kind = ts.isGetAccessor(m) ? 'get ' : ts.isSetAccessor(m) ? 'set ' : '';
      cuts.push([m.getStart(sf), m.end, `${isStatic}${kind}${name}(${kind === 'set ' ? '_' : ''}) { __leftOut(); }`]);
    }
    const missing = keep[cls].filter((k) => !kept.has(k));
    if (missing.length > 0) throw new Error(`yaml/${file}: class ${cls} has no ${missing.join(', ')} any more`);
  }
  const absent = [...Object.keys(keep), ...drop].filter((c) => !found.has(c));
  if (absent.length > 0) throw new Error(`yaml/${file} has no ${absent.join(', ')} any more`);
  let out = source;
  for (const [s, e, text] of cuts.reverse()) out = out.slice(0, s) + text + out.slice(e);
  return IMPORT + out;
}

/**
 * Property names that only the YAML lexer, parser and composer use, on their own objects (their state, their
 * methods, the CST tokens' and nodes' bookkeeping): esbuild's `mangleProps` shortens them in the bundle,
 * consistently, about 3 KB. None of them may appear in src/ (mangleProps renames a name everywhere, and a
 * property of a VS Code object or of parsed JSON must keep its name): checkMangledProps fails the build if one
 * does. webYaml.test.ts proves the bundled reader still reads what the source one reads.
 */
const MANGLED = [
  'sourceToken',
  'pushCount',
  'pushSpaces',
  'pushNewline',
  'pushIndicators',
  'pushUntil',
  'pushToIndex',
  'pushTag',
  'parseNext',
  'parseStream',
  'parseLineStart',
  'parseBlockStart',
  'parseFlowCollection',
  'parseQuotedScalar',
  'parseBlockScalar',
  'parseBlockScalarHeader',
  'parsePlainScalar',
  'continueScalar',
  'atLineEnd',
  'hasChars',
  'getLine',
  'setNext',
  'atEnd',
  'blockScalarIndent',
  'blockScalarKeep',
  'flowKey',
  'flowLevel',
  'indentNext',
  'indentValue',
  'lineEndPos',
  'atNewLine',
  'atScalar',
  'onKeyLine',
  'onNewLine',
  'blockScalar',
  'blockMap',
  'blockSequence',
  'flowCollection',
  'documentEnd',
  'explicitKey',
  'lineEnd',
  'startBlockValue',
  'atIndentedComment',
  'flowScalar',
  'commentBefore',
  'spaceBefore',
  'newlineAfterProp',
  'hasNewline',
  'atDirectives',
  'prelude',
  'docStart',
  'docEnd',
  'atRoot',
  'atKey',
  'implicitKey',
  'srcToken',
  'knownTags',
  'atNextDocument',
  'defaultYaml',
  'defaultTags',
  'BLOCK_LITERAL',
  'BLOCK_FOLDED',
  'QUOTE_DOUBLE',
  'QUOTE_SINGLE',
  'PLAIN',
  'inFlow',
  'keepSourceTokens',
  'onCreate',
  'resolvedAliases',
  'indentAtStart',
  'sortMapEntries',
  'nodeClass',
  'aliasCount',
  'stringKeys',
  'decorate',
  'compose',
  'atDocument',
  'setSchema',
  '_directives',
];
export const YAML_MANGLE_PROPS = new RegExp(`^(?:${MANGLED.join('|')})$`);

/** Fails when a mangled name appears in the extension's sources (see MANGLED). */
export function checkMangledProps(srcDir) {
  const used = new Set();
  for (const f of fs.readdirSync(srcDir, { recursive: true })) {
    if (!/\.(ts|mjs|js)$/.test(String(f))) continue;
    const text = fs.readFileSync(`${srcDir}/${f}`, 'utf8');
    for (const n of MANGLED) if (new RegExp(`\\b${n}\\b`).test(text)) used.add(`${n} (${f})`);
  }
  if (used.size > 0) throw new Error(`yaml-for-front-matter: src/ uses ${[...used].join(', ')}, which the bundle mangles; drop it from MANGLED`);
}

export const yamlForFrontMatter = {
  name: 'yaml-for-front-matter',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (a) => {
      if (a.pluginData === 'yaml-for-front-matter') return undefined;
      if (a.path !== 'yaml' && !DIST.test(a.importer)) return undefined;
      const r = await build.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: 'yaml-for-front-matter' });
      return r.errors.length > 0 ? { errors: r.errors } : { path: r.path, namespace: r.namespace, sideEffects: false };
    });
    build.onResolve({ filter: new RegExp(`^${THROWS}$`) }, () => ({ path: THROWS, namespace: 'yaml-for-front-matter' }));
    build.onLoad({ filter: /.*/, namespace: 'yaml-for-front-matter' }, () => ({
      contents:
        "export function leftOut() { throw new Error('this part of the yaml library is left out of the web bundle (scripts/yaml-for-front-matter.mjs)'); }",
      loader: 'js',
    }));
    build.onLoad({ filter: DIST }, (a) => {
      const file = relative(a.path);
      const keep = KEEP[file];
      const drop = DROP[file];
      if (!keep && !drop && !LEFT_OUT.test(a.path)) return undefined;
      try {
        const source = fs.readFileSync(a.path, 'utf8');
        return { contents: keep || drop ? trimmed(file, source, keep, drop) : leftOut(file, source), loader: 'js' };
      } catch (e) {
        return { errors: [{ text: `yaml-for-front-matter: ${e.message}; check what the yaml update moved (scripts/yaml-for-front-matter.mjs)` }] };
      }
    });
  },
};
