/**
 * The package's entries are named in a few places that must agree: vite.config.ts builds them,
 * package.json's `exports` publishes them (with `types` and, for the DOM-free ones, `require`) and
 * `sideEffects` lists those that define an element. Read from the sources, not retyped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { entries } from '../../vite.config.ts';

type Target = string | { types: string; default: string } | { import: { types: string; default: string }; require: { types: string; default: string } };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, Target>; sideEffects: string[] };

/** `index` → `.`, `checkout` → `./checkout`. */
const subpath = (name: string) => (name === 'index' ? '.' : `./${name}`);
/** The declaration file tsc writes for a source entry. */
const typesOf = (source: string) => source.replace(/^src\//, './dist/types/').replace(/\.ts$/, '.d.ts');
/** An entry whose module defines an element when imported. */
const defines = (source: string) => /^define\('ecommpay-[\w-]+'/m.test(readFileSync(source, 'utf8'));

test('every entry vite.config.ts builds is exported with its file and its types; no other code is exported', () => {
  const code = Object.keys(pkg.exports).filter((key) => !/\.json$|\*/.test(key));
  assert.deepEqual(code.sort(), Object.keys(entries).map(subpath).sort());
  for (const [name, source] of Object.entries(entries)) {
    const target = pkg.exports[subpath(name)]!;
    const esm = typeof target === 'object' && 'import' in target ? target.import : target;
    assert.deepEqual(esm, { types: typesOf(source), default: `./dist/${name}.js` }, name);
    if (typeof target === 'object' && 'require' in target) {
      assert.deepEqual(target.require, { types: typesOf(source).replace(/\.d\.ts$/, '.d.cts'), default: `./dist/${name}.cjs` }, name);
    }
  }
});

test('require() reaches exactly the DOM-free entries (core, server)', () => {
  const cjs = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object' && 'require' in target);
  assert.deepEqual(cjs.map(([key]) => key).sort(), ['./core', './server']);
});

test('sideEffects lists exactly the entries that define an element, and the CDN files', () => {
  const defining = Object.entries(entries).filter(([, source]) => defines(source)).map(([name]) => `./dist/${name}.js`);
  assert.deepEqual(defining.sort(), ['./dist/bank-select.js', './dist/checkout.js', './dist/index.js', './dist/payout-form.js', './dist/redirect.js']);
  assert.deepEqual([...pkg.sideEffects].sort(), [...defining, './dist/cdn/**'].sort());
});
