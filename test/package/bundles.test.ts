/**
 * What a merchant's bundler takes from the installed package (Rolldown, from the merchant's
 * project, tree-shaking on): `ecommpay-elements/core` alone brings no element and no Lit, and a
 * page using `ERROR_CODES` only pays a few hundred bytes; `ecommpay-elements/checkout` brings the
 * checkout and not the payout form, nor (up front) the bank catalogues.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build, type OutputChunk } from 'rolldown';
import { installedPackage, writeFixture, type Installed } from './helpers.ts';

/**
 * `import { ERROR_CODES } from 'ecommpay-elements/core'`, bundled and minified, in bytes: 274
 * measured when this test was written (Rolldown 1.2.19: the array of codes and `console.log`,
 * nothing else), with room (×1.5).
 */
const ERROR_CODES_ONLY_MAX_BYTES = 411;

/** Text only Lit's code carries (its version registries and its base class). */
const LIT_MARKERS = ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions', 'LitElement'];
/** A CUP bank's name: only the bundled bank catalogue has it. */
const CATALOGUE_MARKER = 'Luzhou Bank';

let project: Installed;
before(async () => {
  project = await installedPackage();
});

/** Bundles `source` as the merchant's page from their project; every chunk, entry first. */
async function bundle(name: string, source: string, minify = false): Promise<OutputChunk[]> {
  const dir = writeFixture(project, `bundle-${name}`, { 'page.js': source });
  const { output } = await build({
    input: join(dir, 'page.js'),
    cwd: project.dir,
    platform: 'browser',
    treeshake: true,
    logLevel: 'warn',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    output: { dir: join(dir, 'dist'), format: 'es', minify },
  });
  return output.filter((o): o is OutputChunk => o.type === 'chunk').sort((a, b) => Number(b.isEntry) - Number(a.isEntry));
}

/** The entry and every chunk it imports statically: what loads before the page runs. */
function upFront(chunks: OutputChunk[]): OutputChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name)!);
  };
  visit(chunks[0]!);
  return [...seen];
}

const codeOf = (chunks: OutputChunk[]) => chunks.map((c) => c.code).join('\n');

test('ecommpay-elements/core alone: no custom element defined, no Lit', async () => {
  const chunks = await bundle('core', "import { ERROR_CODES, METHODS } from 'ecommpay-elements/core';\nconsole.log(ERROR_CODES, METHODS);\n");
  const code = codeOf(chunks);
  assert.match(code, /mobile-unsupported/, 'ERROR_CODES is in the bundle');
  assert.match(code, /online-philippines-banks/, 'METHODS is in the bundle');
  assert.doesNotMatch(code, /customElements\s*\.\s*define/);
  for (const marker of LIT_MARKERS) assert.ok(!code.includes(marker), `no ${marker}`);
  assert.ok(!code.includes(CATALOGUE_MARKER), 'no bank catalogue');
});

test(`ecommpay-elements/core tree-shaken to ERROR_CODES: at most ${ERROR_CODES_ONLY_MAX_BYTES} bytes minified`, async () => {
  const chunks = await bundle('error-codes', "import { ERROR_CODES } from 'ecommpay-elements/core';\nconsole.log(ERROR_CODES);\n", true);
  const bytes = chunks.reduce((sum, c) => sum + Buffer.byteLength(c.code), 0);
  assert.equal(chunks.length, 1, 'one file');
  assert.ok(bytes <= ERROR_CODES_ONLY_MAX_BYTES, `${bytes} bytes:\n${codeOf(chunks)}`);
});

test('ecommpay-elements/checkout: defines <ecommpay-checkout>; no payout form anywhere, no bank catalogue up front', async () => {
  const chunks = await bundle('checkout', "import 'ecommpay-elements/checkout';\n");
  const first = codeOf(upFront(chunks));
  assert.match(first, /customElements\s*\.\s*(define|get)/);
  assert.match(first, /["']ecommpay-checkout["']/);
  for (const marker of ['LitElement']) assert.ok(first.includes(marker), `Lit is in (${marker})`);
  assert.ok(!first.includes(CATALOGUE_MARKER), 'the bank catalogue is not loaded up front');
  assert.ok(!codeOf(chunks).includes('ecommpay-payout-form'), 'nothing of the payout form, in any chunk');
});
