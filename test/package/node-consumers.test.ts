/**
 * `ecommpay-elements/server` and `ecommpay-elements/core` from a merchant's backend, as installed
 * from the packed tarball: CommonJS (`require`, and TypeScript compiled to CommonJS) and ES
 * modules (`import`, and TypeScript with `module: nodenext`), each signing the documented vector,
 * verifying it, refusing a tampered payload and a wrong key, and reading the error codes.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ERROR_CODES, METHOD_CODES } from '../../src/core.ts';
import { fixture, installedPackage, OLDEST_TYPESCRIPT, run, SIGN_VECTOR, tsc, writeFixture, type Installed } from './helpers.ts';

let project: Installed;
before(async () => {
  project = await installedPackage();
});

interface Found {
  signature: string;
  verified: boolean;
  tampered?: boolean;
  wrongKey?: boolean;
  errorCodes?: string[];
  codes?: string[];
  methods?: string[];
}

/** Runs a script of the merchant's project with the vector; what it printed. */
async function runScript(dir: string, script: string): Promise<Found> {
  const result = await run(process.execPath, [script, JSON.stringify({ params: SIGN_VECTOR.params, secret: SIGN_VECTOR.secret })], { cwd: dir });
  assert.equal(result.status, 0, `node ${script} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Found;
}

const scripts = [
  { kind: 'CommonJS', file: 'consumer.cjs' },
  { kind: 'ES module', file: 'consumer.mjs' },
];

for (const { kind, file } of scripts) {
  test(`${kind}: ${file} signs the documented vector, verifies it, refuses a tampered payload and a wrong key, reads ERROR_CODES`, async () => {
    const dir = writeFixture(project, `node-${file.replace('.', '-')}`, { [file]: fixture(`node/${file}`) });
    const found = await runScript(dir, file);
    assert.equal(found.signature, SIGN_VECTOR.signature);
    assert.equal(found.verified, true);
    assert.equal(found.tampered, false);
    assert.equal(found.wrongKey, false);
    assert.deepEqual(found.errorCodes, [...ERROR_CODES]);
    assert.deepEqual(found.methods, [...METHOD_CODES]);
  });
}

test('CommonJS TypeScript (module: nodenext, .cts, no DOM, skipLibCheck off): compiles with the project\'s tsc and runs', async () => {
  const dir = writeFixture(project, 'ts-cjs', { 'tsconfig.json': fixture('ts-cjs/tsconfig.json'), 'consumer.cts': fixture('ts-cjs/consumer.cts') });
  const compiled = await tsc(project, dir);
  assert.deepEqual(compiled.diagnostics, [], compiled.output);
  assert.equal(compiled.status, 0, compiled.output);

  const found = (await runScript(dir, join('out', 'consumer.cjs'))) as Found & { status: number; signed: Record<string, unknown>; handlerVerified: boolean };
  assert.equal(found.signature, SIGN_VECTOR.signature);
  assert.equal(found.verified, true);
  assert.deepEqual(found.codes, [...ERROR_CODES]);
  // createSignHandler answered with the order's amount, not the browser's, and a valid signature over it.
  assert.equal(found.status, 200);
  assert.deepEqual(found.signed, { project_id: 580, payment_id: 'ph-1', payment_amount: 150000, payment_currency: 'PHP', customer_id: 'customer7' });
  assert.equal(found.handlerVerified, true);
});

test('ES module TypeScript (module: nodenext, type: module): the backend compiles and runs; every entry\'s types and the React types check', async () => {
  const dir = writeFixture(project, 'ts-esm', {
    'package.json': fixture('ts-esm/package.json'),
    'tsconfig.json': fixture('ts-esm/tsconfig.json'),
    'server.ts': fixture('ts-esm/server.ts'),
    'page.tsx': fixture('ts-esm/page.tsx'),
  });
  const compiled = await tsc(project, dir);
  assert.deepEqual(compiled.diagnostics, [], compiled.output);
  assert.equal(compiled.status, 0, compiled.output);

  const found = await runScript(dir, join('out', 'server.js'));
  assert.equal(found.signature, SIGN_VECTOR.signature);
  assert.equal(found.verified, true);
  assert.deepEqual(found.codes, [...ERROR_CODES]);
  assert.deepEqual(found.methods, [...METHOD_CODES]);
});

test(`TypeScript ${OLDEST_TYPESCRIPT}, the oldest the README names: the CommonJS and ES module consumers (every entry, the React types) type-check with skipLibCheck off`, async () => {
  const cjs = writeFixture(project, 'ts-cjs-oldest', { 'tsconfig.json': fixture('ts-cjs/tsconfig.json'), 'consumer.cts': fixture('ts-cjs/consumer.cts') });
  const esm = writeFixture(project, 'ts-esm-oldest', {
    'package.json': fixture('ts-esm/package.json'),
    'tsconfig.json': fixture('ts-esm/tsconfig.json'),
    'server.ts': fixture('ts-esm/server.ts'),
    'page.tsx': fixture('ts-esm/page.tsx'),
  });
  const [compiledCjs, compiledEsm] = await Promise.all([cjs, esm].map((dir) => tsc(project, dir, ['--noEmit'], 'typescript-oldest')));
  const version = await run(process.execPath, [join(project.dir, 'node_modules/typescript-oldest/bin/tsc'), '--version'], { cwd: project.dir });
  assert.equal(version.stdout.trim(), `Version ${OLDEST_TYPESCRIPT}`);
  assert.deepEqual(compiledCjs!.diagnostics, [], compiledCjs!.output);
  assert.deepEqual(compiledEsm!.diagnostics, [], compiledEsm!.output);
});
