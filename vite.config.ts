/**
 * Builds (`npm run build` runs them in turn):
 *   vite build                   → dist/index.js, dist/server.js   (npm package; lit and zod external)
 *   scripts/build-cdn.mjs        → dist/cdn/ (the CDN files, bundled with Rolldown directly; see there)
 * The dev server (`npm start`, through demo/start.ts) serves the demo pages from the project root.
 */
import { defineConfig, type UserConfig } from 'vite';

const external = [/^lit(\/|$)/, /^@lit\//, /^lit-html(\/|$)/, /^lit-element(\/|$)/, /^zod(\/|$)/];

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
