// Declarations keep the sources' `./x.ts` import paths; published types must point at `./x.js`.
// The CommonJS entries (core, server) also get `.d.cts` twins of every declaration they reach,
// importing `./x.cjs`, so TypeScript reads them as CommonJS under `module: node16`/`nodenext`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = 'dist/types';
const RELATIVE = /(from\s+|import\(\s*)(['"])(\.{1,2}\/[^'"]+?)\.(ts|js)\2/g;

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.d.ts') ? [path] : [];
  });

for (const file of walk(root)) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(RELATIVE, (_, lead, quote, path) => `${lead}${quote}${path}.js${quote}`);
  if (fixed !== text) writeFileSync(file, fixed);
}

/** Every declaration `entry` reaches through relative imports, itself included. */
function closure(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const [, , , path] of readFileSync(entry, 'utf8').matchAll(RELATIVE)) {
    const target = resolve(dirname(entry), `${path}.d.ts`);
    if (existsSync(target)) closure(target, seen);
  }
  return seen;
}

const cjs = new Set([...closure(resolve(root, 'core.d.ts')), ...closure(resolve(root, 'server/index.d.ts'))]);
for (const file of cjs) {
  const text = readFileSync(file, 'utf8').replace(RELATIVE, (_, lead, quote, path) => `${lead}${quote}${path}.cjs${quote}`);
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
}
