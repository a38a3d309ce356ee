// Sizes of the CDN files (minified, gzip -9, brotli -11) and the budgets CI enforces on them.
// Usage: node scripts/size.mjs          print a table
//        node scripts/size.mjs --check  also fail when a file exceeds its budget
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'rolldown';

/**
 * Budgets in bytes, gzip, per file. What a page really downloads (the entry, the runtime chunk and
 * its element's chunks) is budgeted by scripts/page-weight.mjs; here, the entry stays a loader and
 * no chunk grows unnoticed. The IIFE cannot split, so it carries everything.
 */
const BUDGETS = {
  'ecommpay-elements.js': 1_000,
  // With the frame displays' code (issue 12), which the IIFE cannot leave out: 43.3 kB; with
  // issue 13's rules (best_before, timers, URL lengths, src's origin, hostile values): 44.9 kB;
  // with issue 14's buyer texts, amount-change confirmation and light/dark themes: 46.6 kB; with
  // issue 15's licence banner and the report of objects set as attributes: 47.0 kB.
  'ecommpay-elements.iife.js': 47_200,
  chunks: 15_000,
};

/** Text only the catalogues hold (a CUP payout bank, a Philippine region): never in the ES entry. */
const CATALOGUE_MARKERS = ['Luzhou Bank', 'Zamboanga'];

const dir = 'dist/cdn';
const files = (d) =>
  readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });

const rows = files(dir).map((path) => {
  const bytes = readFileSync(path);
  return {
    file: path.slice(dir.length + 1),
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log('| file | min | gzip | brotli |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);

/**
 * The npm entries as a merchant's bundler sees them: each imported alone into an app, bundled and
 * minified with lit and zod, tree-shaken as `sideEffects` allows. What a page pays for one element,
 * or for a helper without any element. Budgets in bytes, gzip.
 */
const ENTRIES = [
  { name: "import 'ecommpay-elements'", code: "import './dist/index.js';", budget: 40_000 },
  { name: "import 'ecommpay-elements/checkout'", code: "import './dist/checkout.js';", budget: 25_000 },
  { name: "import 'ecommpay-elements/redirect'", code: "import './dist/redirect.js';", budget: 18_400 },
  { name: "import 'ecommpay-elements/bank-select'", code: "import './dist/bank-select.js';", budget: 13_200 },
  { name: "import 'ecommpay-elements/payout-form'", code: "import './dist/payout-form.js';", budget: 26_200 },
  { name: "import { ERROR_CODES } from 'ecommpay-elements/core'", code: "import { ERROR_CODES } from './dist/core.js'; console.log(ERROR_CODES);", budget: 300 },
  { name: "import { ERROR_CODES } from 'ecommpay-elements'", code: "import { ERROR_CODES } from './dist/index.js'; console.log(ERROR_CODES);", budget: 40_000 },
];

const scratch = mkdtempSync(join(tmpdir(), 'ecommpay-size-'));
const entryRows = [];
try {
  for (const [i, entry] of ENTRIES.entries()) {
    const file = join(scratch, `entry-${i}.js`);
    // Written with absolute paths so lit and zod resolve from this project's node_modules.
    writeFileSync(file, entry.code.replaceAll("'./dist/", `'${resolve('dist')}/`));
    const { output } = await build({
      input: file,
      platform: 'browser',
      resolve: { conditionNames: ['production', 'browser', 'module', 'import', 'default'] },
      transform: { define: { 'process.env.NODE_ENV': '"production"' } },
      logLevel: 'silent',
      output: { format: 'es', minify: true },
      write: false,
    });
    // What the page loads before anything is asked for: the entry chunk and what it imports
    // statically. Chunks behind import() (a frame display, a bank picker) load only when used.
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    const initial = new Set();
    const visit = (name) => !initial.has(name) && (initial.add(name), chunks.get(name).imports.forEach(visit));
    visit(output.find((o) => o.type === 'chunk' && o.isEntry).fileName);
    const bytes = Buffer.concat([...initial].map((name) => Buffer.from(chunks.get(name).code)));
    const lazy = [...chunks.values()].filter((c) => !initial.has(c.fileName)).reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
    entryRows.push({ ...entry, min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, lazy });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log('\n| npm entry, bundled alone | loaded at once, min | gzip | budget | loaded when used, gzip |\n|---|---:|---:|---:|---:|');
for (const r of entryRows) console.log(`| \`${r.name}\` | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.budget)} | ${r.lazy ? kb(r.lazy) : '—'} |`);

if (process.argv.includes('--check')) {
  let failed = false;
  for (const r of entryRows) {
    if (r.gzip > r.budget) {
      console.error(`size budget exceeded: ${r.name} bundles to ${r.gzip} B gzip, budget ${r.budget} B`);
      failed = true;
    }
  }
  for (const r of rows) {
    const budget = BUDGETS[r.file] ?? (r.file.startsWith('chunks/') ? BUDGETS.chunks : undefined);
    if (budget === undefined) continue;
    if (r.gzip > budget) {
      console.error(`size budget exceeded: ${r.file} is ${r.gzip} B gzip, budget ${budget} B`);
      failed = true;
    }
  }
  const entry = join(dir, 'ecommpay-elements.js');
  const entryText = rows.some((r) => r.file === 'ecommpay-elements.js') ? readFileSync(entry, 'utf8') : '';
  for (const marker of CATALOGUE_MARKERS) {
    if (entryText.includes(marker)) {
      console.error(`the bank catalogue leaked into ${entry} ("${marker}"): it must stay in a lazy chunk`);
      failed = true;
    }
  }
  if (!rows.some((r) => r.file.startsWith('chunks/') && readFileSync(join(dir, r.file), 'utf8').includes(CATALOGUE_MARKERS[0]))) {
    console.error('no lazy chunk holds the bank catalogue');
    failed = true;
  }
  if (!rows.some((r) => r.file === 'ecommpay-elements.js')) {
    console.error('dist/cdn/ecommpay-elements.js is missing: run npm run build');
    failed = true;
  }
  if (failed) process.exit(1);
  console.log('size budgets: ok');
}
