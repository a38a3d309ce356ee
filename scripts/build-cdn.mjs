// The CDN files (`npm run build` runs this after Vite's package build), bundled with Rolldown
// directly: Vite's app build wraps every dynamic import in its preload helper (about 0.6 kB
// brotli on every page), which `modulePreload: false` does not remove.
//
//   dist/cdn/ecommpay-elements.js       ES module: the loaders; each element in chunks/, loaded on first use;
//                                        lit, zod/mini and the shared core in one runtime chunk every element shares
//   dist/cdn/ecommpay-elements.iife.js  the same for a classic <script>, lazy parts inlined
import { rm } from 'node:fs/promises';
import { build } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';

/**
 * Lit's templates as the browser reads them, without our source's indentation: in `css` and `html`
 * tagged templates every run of white space that holds a line break becomes one space (what HTML and
 * CSS make of it anyway), and in `css` the spaces around `{`, `}`, `;` and after `:` and `,` go.
 * Only the literal text between expressions changes, never an expression.
 */
const minifyTemplates = {
  name: 'minify-templates',
  transform: {
    filter: { id: /[\\/]src[\\/].*\.ts$/, code: /\b(html|css)`/ },
    handler(code, id) {
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'css')) {
          for (const quasi of node.quasi.quasis) {
            const start = quasi.start + 1;
            const raw = quasi.value.raw;
            if (code.slice(start, start + raw.length) !== raw) throw new Error(`minify-templates: unexpected template span in ${id}`);
            let text = raw.replace(/\s*\n\s*/g, ' ');
            if (node.tag.name === 'css') text = text.replace(/\s*([{};])\s*/g, '$1').replace(/([:,])\s+/g, '$1');
            if (text !== raw) edits.push([start, start + raw.length, text]);
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(parseAst(code, { lang: 'ts' }, id));
      if (edits.length === 0) return null;
      edits.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [from, to, text] of edits) out = out.slice(0, from) + text + out.slice(to);
      return { code: out, map: null };
    },
  },
};

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
