// The floor under any Node.js checker that must notice an edit to any of the files: start Node, walk the
// tree, stat every file. Nothing is read, parsed or printed. Run by bench/run.mjs beside `check --cache`.
//   node bench/floor.cjs <dir>
const fs = require('node:fs');
const path = require('node:path');

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = dir + path.sep + e.name;
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.clientlog')) {
      const st = fs.statSync(full);
      files++;
      bytes += st.size + (st.mtimeMs > 0 ? 0 : 1);
    }
  }
};
walk(path.resolve(process.argv[2] ?? '.'));
process.stdout.write(`${files} files, ${bytes} bytes\n`);
