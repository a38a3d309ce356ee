// Sizes of the CDN files (minified, gzip -9, brotli -11) and the budgets CI enforces on them.
// Usage: node scripts/size.mjs          print a table
//        node scripts/size.mjs --check  also fail when a file exceeds its budget
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Budgets in bytes, gzip. The entry is what every checkout page pays; chunks load only where needed. */
const BUDGETS = {
  'ecommpay-elements.js': 26_000,
  'ecommpay-elements.iife.js': 40_000,
  chunks: 20_000,
};

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
  if (!rows.some((r) => r.file === 'ecommpay-elements.js')) {
    console.error('dist/cdn/ecommpay-elements.js is missing: run npm run build');
    failed = true;
  }
  if (failed) process.exit(1);
  console.log('size budgets: ok');
}
