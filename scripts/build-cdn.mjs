// The CDN files (`npm run build` runs this after Vite's package build), bundled with Rolldown
// directly: Vite's app build wraps every dynamic import in its preload helper (about 0.6 kB
// brotli on every page), which `modulePreload: false` does not remove.
//
//   dist/cdn/ecommpay-elements.js       ES module: the loaders; each element in chunks/, loaded on first use;
//                                        lit, zod/mini and the shared core in one runtime chunk every element shares
//   dist/cdn/ecommpay-elements.iife.js  the same for a classic <script>, lazy parts inlined
//   dist/cdn/THIRD-PARTY-NOTICES.txt    the licences of what the files bundle (Lit is BSD-3-Clause,
//                                        zod MIT: their notices travel with the code); every file's
//                                        banner points at it, and Lit's own @license lines stay
//   dist/cdn/integrity.json             { "<path under dist/cdn>": "sha384-…" } for every file here
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'rolldown';
import { minifyTemplates } from './minify-templates.mjs';

const outDir = 'dist/cdn';
const NOTICES = 'THIRD-PARTY-NOTICES.txt';
await rm(outDir, { recursive: true, force: true });

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** Files that hold another package's code say so first, and where its licence is. */
const banner = (chunk) =>
  chunk.moduleIds.some((id) => id.includes('node_modules')) ? `/*! ${pkg.name} ${pkg.version} ${pkg.license}; bundled licences: ${NOTICES} */` : '';

const shared = {
  input: { 'ecommpay-elements': 'src/cdn.ts' },
  platform: 'browser',
  resolve: { conditionNames: ['production', 'browser', 'module', 'import', 'default'] },
  transform: { define: { 'process.env.NODE_ENV': '"production"' }, target: 'es2022' },
  logLevel: 'warn',
  plugins: [minifyTemplates],
  // A dynamic import of a module the entry also imports statically (the IIFE inlines them all).
  checks: { ineffectiveDynamicImport: false },
  // The loaders stay in the entry; chunks may import them from it.
  preserveEntrySignatures: 'allow-extension',
};

const esm = await build({
  ...shared,
  output: {
    banner,
    dir: outDir,
    format: 'es',
    minify: true,
    sourcemap: true,
    entryFileNames: '[name].js',
    // An element's chunk is named after its tag.
    chunkFileNames: (chunk) => {
      const element = /elements\/([\w-]+)\/ecommpay-[\w-]+\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
      return `chunks/${element ? `ecommpay-${element}` : '[name]'}-[hash].js`;
    },
    codeSplitting: {
      groups: [
        // What every element needs, fetched once: lit, zod/mini, the base class, the rules and messages.
        {
          name: 'runtime',
          // (Rolldown's own helpers too, or they become a tiny chunk fetched one round trip later.)
          test: /rolldown[\\/:]runtime|node_modules[\\/](lit[\\/](?!directives)|lit-html[\\/](?!directives|directive)|lit-element[\\/]|@lit[\\/]reactive-element[\\/]|zod[\\/])|src[\\/](elements[\\/](base|job|events|shared\.styles)|core[\\/](rules|errors|amount)|i18n[\\/]index)\.ts$/,
        },
      ],
    },
  },
});

const iife = await build({
  ...shared,
  output: {
    banner,
    file: `${outDir}/ecommpay-elements.iife.js`,
    format: 'iife',
    name: 'EcommpayElements',
    minify: true,
    sourcemap: true,
    codeSplitting: false,
  },
});

// The packages bundled, read off the builds' own module lists, each with its licence file.
const bundled = new Map();
for (const chunk of [...esm.output, ...iife.output]) {
  for (const id of Object.keys(chunk.modules ?? {})) {
    // The last node_modules in the path: a package nested in another's folder is itself.
    const match = /^(.*node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+))[\\/](?!.*node_modules[\\/])/.exec(id);
    if (match) bundled.set(match[2].replaceAll('\\', '/'), match[1]);
  }
}
const notices = [...bundled].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licence = readdirSync(dir).find((file) => /^licen[cs]e/i.test(file));
  if (!licence) throw new Error(`${name} has no licence file to ship with the CDN files`);
  return `${name} ${meta.version} (${meta.license})\n\n${readFileSync(join(dir, licence), 'utf8').trim()}\n`;
});
writeFileSync(
  join(outDir, NOTICES),
  `The files in this folder are ${pkg.name} ${pkg.version} (${pkg.license}, see its LICENSE) bundled with\nthe packages below, each under its own licence.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);

// Subresource Integrity: one hash per file the CDN serves, for <script integrity> and <link rel=modulepreload integrity>.
const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)).map((f) => `${name}/${f}`) : [name]));
const integrity = Object.fromEntries(
  files(outDir)
    .sort()
    .map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(join(outDir, file))).digest('base64')}`]),
);
writeFileSync(join(outDir, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
