/**
 * What the tarball carries, as installed: the CDN files' Subresource Integrity hashes, the custom
 * elements manifest where `exports` and `customElements` say it is, and a clean bill from publint
 * (strict) and from Are the Types Wrong (every entry point under every resolution mode).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { installedPackage, REPO, run, type Installed } from './helpers.ts';

/**
 * Problems Are the Types Wrong may report, by rule (as `--ignore-rules` names them) and entry
 * point. The element entries and the root (which defines every element) are ES modules only: from
 * CommonJS, TypeScript's node16 resolution sees `require` reach an ES module (Node ≥ 20.19 loads it
 * with `require(esm)`). `./react` is types only, read by an app's bundler-resolved TSX; a CommonJS
 * project's `import type {} from 'ecommpay-elements/react'` compiles all the same. `./core` and
 * `./server` ship CommonJS twins, so nothing is allowed there.
 */
const ATTW_ALLOWED_PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  'cjs-resolves-to-esm': ['.', './checkout', './redirect', './bank-select', './payout-form', './react'],
};

/** `CJSResolvesToESM` → `cjs-resolves-to-esm`: a problem kind as the rule the CLI's `--ignore-rules` names. */
const ruleOf = (kind: string) =>
  kind
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

let project: Installed;
let pkg: { customElements?: string; exports: Record<string, unknown> };
before(async () => {
  project = await installedPackage();
  pkg = JSON.parse(readFileSync(join(project.pkgDir, 'package.json'), 'utf8')) as typeof pkg;
});

/** Every file under `dir`, as paths relative to it with `/`. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();

test('dist/cdn/integrity.json: an entry for every file the CDN serves (but itself), each the sha384 of the file\'s bytes', () => {
  const cdn = join(project.pkgDir, 'dist/cdn');
  const integrity = JSON.parse(readFileSync(join(cdn, 'integrity.json'), 'utf8')) as Record<string, string>;
  const files = filesUnder(cdn).filter((file) => file !== 'integrity.json');
  assert.ok(files.includes('ecommpay-elements.js') && files.includes('ecommpay-elements.iife.js'), files.join(', '));
  assert.deepEqual(Object.keys(integrity).sort(), files, 'the entries are exactly the files');
  for (const file of files) {
    const expected = `sha384-${createHash('sha384').update(readFileSync(join(cdn, file))).digest('base64')}`;
    assert.equal(integrity[file], expected, file);
  }
});

test('ecommpay-elements/custom-elements.json resolves from the merchant\'s project (require and import) to the file package.json\'s customElements names', async () => {
  assert.ok(pkg.customElements, 'package.json has customElements');
  const named = join(project.pkgDir, pkg.customElements);
  assert.equal(project.require.resolve('ecommpay-elements/custom-elements.json'), named);

  const imported = await run(process.execPath, ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('ecommpay-elements/custom-elements.json'))"], { cwd: project.dir });
  assert.equal(imported.status, 0, imported.stderr);
  assert.equal(new URL(imported.stdout).pathname, named);

  const manifest = JSON.parse(readFileSync(named, 'utf8')) as { schemaVersion: string; modules: { declarations?: { tagName?: string; customElement?: boolean }[] }[] };
  assert.match(manifest.schemaVersion, /^\d+\.\d+\.\d+$/);
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName);
  assert.deepEqual(tags.sort(), ['ecommpay-bank-select', 'ecommpay-checkout', 'ecommpay-payout-form', 'ecommpay-redirect']);
});

test('publint --strict on the tarball: no errors, no warnings', async () => {
  const tarball = readFileSync(project.tarball);
  const { messages } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer }, strict: true, level: 'warning' });
  assert.deepEqual(
    messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`),
    [],
  );
});

test('Are the Types Wrong on the tarball: no problems beyond ATTW_ALLOWED_PROBLEMS', async () => {
  const cli = join(REPO, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  // No @types lookups on the registry: the package carries its own types. The CLI exits before a
  // pipe drains, so its report goes to a file.
  const out = join(project.dir, 'attw.json');
  const fd = openSync(out, 'w');
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, project.tarball, '--format', 'json', '--no-definitely-typed'], { cwd: project.dir, stdio: ['ignore', fd, 'inherit'] });
    child.on('error', reject);
    child.on('close', resolve);
  });
  closeSync(fd);
  const text = readFileSync(out, 'utf8');
  assert.ok(status === 0 || status === 1, `attw exited with ${status}:\n${text}`);
  const report = JSON.parse(text) as {
    analysis: { types: unknown; entrypoints: Record<string, unknown> };
    problems?: Record<string, { kind: string; entrypoint: string; resolutionKind: string }[]>;
  };
  assert.ok(report.analysis.types, 'the package has types');
  for (const entry of ['.', './checkout', './redirect', './bank-select', './payout-form', './core', './server', './react']) {
    assert.ok(entry in report.analysis.entrypoints, `attw analysed ${entry}`);
  }
  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter((p) => !ATTW_ALLOWED_PROBLEMS[ruleOf(p.kind)]?.includes(p.entrypoint))
    .map((p) => `${ruleOf(p.kind)}: ${p.entrypoint} (${p.resolutionKind})`);
  assert.deepEqual(problems, []);
});
