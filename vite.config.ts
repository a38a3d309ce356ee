/**
 * Builds (`npm run build` runs them in turn):
 *   vite build                   → dist/*.js: the npm package's ES modules (lit and zod external), one per entry
 *   scripts/build-cjs.mjs        → dist/core.cjs, dist/server.cjs (CommonJS twins of the DOM-free entries)
 *   scripts/build-cdn.mjs        → dist/cdn/ (the CDN files, bundled with Rolldown directly; see there)
 * The dev server (`npm start`, through demo/start.ts) serves the demo pages from the project root.
 */
import { defineConfig, type UserConfig } from 'vite';

/** What the package depends on rather than bundles (`dependencies` in package.json). */
export const external = [/^lit(\/|$)/, /^@lit\//, /^lit-html(\/|$)/, /^lit-element(\/|$)/, /^zod(\/|$)/];

/** The package's entries (DESIGN §1): `exports` in package.json maps each to `dist/<name>.js`. */
export const entries = {
  index: 'src/index.ts',
  checkout: 'src/checkout.ts',
  redirect: 'src/redirect.ts',
  'bank-select': 'src/bank-select.ts',
  'payout-form': 'src/payout-form.ts',
  core: 'src/core.ts',
  server: 'src/server/index.ts',
  react: 'src/react.ts',
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'production' || mode === 'lib') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: { entry: entries, formats: ['es'] },
        rollupOptions: {
          external,
          // The loaders import each element lazily (the CDN's layout); here the entries also import them at once.
          checks: { ineffectiveDynamicImport: false },
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }
  // The demo (dev server).
  return {
    server: { port: Number(process.env.PORT ?? 5173), strictPort: true },
    esbuild: { target: 'es2022' },
  };
});
