// Reads a .code-snippets file (JSON with comments) and derives text that inserting a snippet must produce.
import fs from 'node:fs';

/** Parses JSON with comments and trailing commas (the .code-snippets format). */
export function parseJsonc(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else if (c === ',') {
      const rest = text.slice(i + 1).replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
      if (rest[0] !== '}' && rest[0] !== ']') out += c;
    } else {
      out += c;
    }
  }
  return JSON.parse(out);
}

/** Finds the snippet whose prefix is `prefix` in a snippets file; returns { name, body } (body joined with \n). */
export function findSnippet(file, prefix) {
  const all = parseJsonc(fs.readFileSync(file, 'utf8'));
  for (const [name, s] of Object.entries(all)) {
    const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
    if (prefixes.includes(prefix)) return { name, body: Array.isArray(s.body) ? s.body.join('\n') : String(s.body) };
  }
  return null;
}

/**
 * Static fragments of a snippet body that must appear verbatim after insertion: the text between
 * tab stops, placeholders and variables (placeholder defaults may be rewritten, so they are not used).
 */
export function staticFragments(body, { minLength = 5, max = 4 } = {}) {
  const chunks = body
    .replace(/\\([$}\\])/g, '$1')
    .split(/\$\{[^}]*\}?|\$[A-Za-z_0-9]+|\}/)
    .flatMap((c) => c.split('\n'))
    .map((c) => c.trim())
    .filter((c) => c.length >= minLength);
  return [...new Set(chunks)].slice(0, max);
}
