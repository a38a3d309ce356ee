// The CDN files (`npm run build` runs this after Vite's package build), bundled with Rolldown
// directly: Vite's app build wraps every dynamic import in its preload helper (about 0.6 kB
// brotli on every page), which `modulePreload: false` does not remove.
//
//   dist/cdn/ecommpay-elements.js       ES module: the loaders; each element in chunks/, loaded on first use;
//                                        lit, zod/mini and the shared core in one runtime chunk every element shares
//   dist/cdn/ecommpay-elements.iife.js  the same for a classic <script>, lazy parts inlined
import { rm } from 'node:fs/promises';
import { build } from 'rolldown';
import { minifyTemplates } from './minify-templates.mjs';

const outDir = 'dist/cdn';
await rm(outDir, { recursive: true, force: true });

const shared = {
  input: { 'ecommpay-elements': 'src/cdn.ts' },
  platform: 'browser',
  resolve: { conditionNames: ['production', 'browser', 'module', 'import', 'default'] },
  transform: { define: { 'process.env.NODE_ENV': '"production"' }, target: 'es2022' },
  logLevel: 'warn',
  plugins: [minifyTemplates],
  // The loaders stay in the entry; chunks may import them from it.
  preserveEntrySignatures: 'allow-extension',
};

await build({
  ...shared,
  output: {
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

await build({
  ...shared,
  output: {
    file: `${outDir}/ecommpay-elements.iife.js`,
    format: 'iife',
    name: 'EcommpayElements',
    minify: true,
    sourcemap: true,
    codeSplitting: false,
  },
});
