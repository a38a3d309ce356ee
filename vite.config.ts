/**
 * Builds (`npm run build` runs them in turn):
 *   vite build                   → dist/index.js, dist/server.js   (npm package; lit and zod external)
 *   vite build --mode cdn        → dist/cdn/ecommpay-elements.js    (one ES module, lit and zod inlined, lazy chunks beside it)
 *   vite build --mode cdn-iife   → dist/cdn/ecommpay-elements.iife.js (the same for a classic <script>)
 * The dev server (`npm start`, through demo/start.ts) serves the demo pages from the project root.
 */
import { defineConfig, type UserConfig } from 'vite';

const external = [/^lit(\/|$)/, /^@lit\//, /^lit-html(\/|$)/, /^lit-element(\/|$)/, /^zod(\/|$)/];

export default defineConfig(({ mode }): UserConfig => {
  const cdn = mode === 'cdn' || mode === 'cdn-iife';
  if (cdn) {
    const iife = mode === 'cdn-iife';
    return {
      publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      resolve: { conditions: ['production', 'browser', 'module', 'import', 'default'] },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: !iife,
        target: 'es2022',
        minify: true,
        sourcemap: true,
        // The lazy chunks have no dependencies of their own to preload: no preload helper.
        modulePreload: false,
        // Not lib mode: Vite leaves an ES library's whitespace unminified; an app build with
        // the entry's exports preserved minifies fully.
        rollupOptions: {
          input: { 'ecommpay-elements': 'src/index.ts' },
          // 'allow-extension': lit stays in the entry instead of a shared chunk every page must fetch.
          preserveEntrySignatures: 'allow-extension',
          // The IIFE inlines the lazy chunks; Vite's unused preload helper mentions import.meta,
          // which Rolldown replaces with {} there. Nothing reads it, so the warning is noise.
          checks: { emptyImportMeta: !iife },
          output: {
            format: iife ? 'iife' : 'es',
            name: 'EcommpayElements',
            entryFileNames: iife ? '[name].iife.js' : '[name].js',
            // A lazily defined element's chunk is named after its tag, not after `define.ts`.
            chunkFileNames: (chunk) => {
              const element = /elements\/([\w-]+)\/define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
              return `chunks/${element ? `ecommpay-${element}` : '[name]'}-[hash].js`;
            },
          },
        },
      },
    };
  }
  if (mode === 'production' || mode === 'lib') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: {
          entry: { index: 'src/index.ts', server: 'src/server/index.ts' },
          formats: ['es'],
        },
        rollupOptions: { external },
      },
    };
  }
  // The demo (dev server).
  return {
    server: { port: Number(process.env.PORT ?? 5173), strictPort: true },
    esbuild: { target: 'es2022' },
  };
});
