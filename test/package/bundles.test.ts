/**
 * What a merchant's bundler takes from the installed package (Rolldown, from the merchant's
 * project, tree-shaking on, through the package's exports and sideEffects): `ecommpay-elements/core`
 * alone brings no element and no Lit; `ecommpay-elements/checkout` brings the checkout and not the
 * payout form, nor (up front) the bank catalogues. What each entry weighs is budgeted in
 * scripts/size.mjs.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build, type OutputChunk } from 'rolldown';
import { installedPackage, writeFixture, type Installed } from './helpers.ts';

/** Text only Lit's code carries (its version registries and its base class). */
const LIT_MARKERS = ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions', 'LitElement'];
/** A CUP bank's name: only the bundled bank catalogue has it. */
const CATALOGUE_MARKER = 'Luzhou Bank';

let project: Installed;
before(async () => {
  project = await installedPackage();
});

/** Bundles `source` as the merchant's page from their project; every chunk, entry first. */
async function bundle(name: string, source: string): Promise<OutputChunk[]> {
  const dir = writeFixture(project, `bundle-${name}`, { 'page.js': source });
  const { output } = await build({
    input: join(dir, 'page.js'),
    cwd: project.dir,
    platform: 'browser',
    treeshake: true,
    logLevel: 'warn',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    output: { dir: join(dir, 'dist'), format: 'es' },
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

test('ecommpay-elements/checkout: defines <ecommpay-checkout>; no payout form anywhere, no bank catalogue up front', async () => {
  const chunks = await bundle('checkout', "import 'ecommpay-elements/checkout';\n");
  const first = codeOf(upFront(chunks));
  assert.match(first, /\bdefine\(\s*["']ecommpay-checkout["']/, 'the entry defines <ecommpay-checkout>');
  assert.ok(first.includes('LitElement'), 'Lit is in');
  assert.ok(!first.includes(CATALOGUE_MARKER), 'the bank catalogue is not loaded up front');
  assert.ok(!codeOf(chunks).includes('ecommpay-payout-form'), 'nothing of the payout form, in any chunk');
});
