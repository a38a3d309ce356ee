// The CommonJS twins of the DOM-free entries (`npm run build` runs this after Vite's ES build), so
// `require('ecommpay-elements/server')` and `require('ecommpay-elements/core')` work in a CommonJS
// backend, and a CommonJS TypeScript project compiles against them and runs:
//   dist/core.cjs, dist/server.cjs, and the code they share in dist/chunks/*.cjs
// zod stays a dependency (it ships CommonJS too); nothing here touches the DOM or Lit.
import { build } from 'rolldown';

await build({
  input: { core: 'src/core.ts', server: 'src/server/index.ts' },
  platform: 'node',
  external: [/^zod(\/|$)/],
  transform: { target: 'es2022' },
  logLevel: 'warn',
  // The bank catalogue is imported lazily by the core and at once by the server's Gate helpers.
  checks: { ineffectiveDynamicImport: false },
  output: {
    dir: 'dist',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    sourcemap: true,
  },
});
