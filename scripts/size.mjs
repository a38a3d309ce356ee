// Sizes of the CDN files (minified, gzip -9, brotli -11) and the budgets CI enforces on them.
// Usage: node scripts/size.mjs          print a table
//        node scripts/size.mjs --check  also fail when a file exceeds its budget
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

if (process.argv.includes('--check')) {
  let failed = false;
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
