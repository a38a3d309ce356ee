/**
 * The package as a merchant installs it: the repository's build packed with `npm pack`, installed
 * into a fresh project outside the repository (os.tmpdir()) with React 19, its types, TypeScript
 * and @types/node at the versions of the repository's package-lock. The project is cached per
 * tarball content (and those versions), so every file of this folder (one process each) shares one install; a new
 * build gives a new tarball and so a new project. A build already packed (the same files, sizes
 * and mtimes under dist/) is not packed again.
 *
 * Each test writes what it compiles or runs into a folder of its own inside that project
 * (`writeFixture`), so node_modules resolution is exactly a merchant's.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** What the merchant's project installs beside the package, at the repository's locked versions. */
const COMPANIONS = {
  dependencies: ['react', 'react-dom'],
  devDependencies: ['@types/react', '@types/react-dom', '@types/node', 'typescript'],
} as const;

/**
 * The oldest TypeScript the README names (5.3 fails inside zod's types, on `NoInfer`), installed
 * beside the current one as `typescript-oldest`.
 */
export const OLDEST_TYPESCRIPT = '5.4.5';

/** Cached projects older than this, of other tarballs, are removed when a new one is installed. */
const STALE_MS = 60 * 60 * 1000;
const PREFIX = 'ecommpay-elements-merchant-';

export interface Installed {
  /** The merchant's project (package.json, node_modules). */
  dir: string;
  /** The tarball `npm pack` made, inside `dir`. */
  tarball: string;
  /** The installed package: `<dir>/node_modules/ecommpay-elements`. */
  pkgDir: string;
  /** `require` from the merchant's project (resolves `ecommpay-elements/…` with the `require` condition). */
  require: NodeJS.Require;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (never throws on a non-zero exit: the caller asserts on it). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeout ?? 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** `npm …` with npm's own chatter off. */
const npm = (args: string[], cwd: string) => run('npm', [...args, '--loglevel=error'], { cwd, timeout: 300_000 });

/** `dist/` exists, or is built once (`npm run build`). */
function ensureBuild(): void {
  if (existsSync(join(REPO, 'dist/index.js'))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  assert.equal(build.status, 0, 'npm run build failed');
}

/** The versions the repository's package-lock has installed. */
function lockedVersions(): Record<string, string> {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const names = [...COMPANIONS.dependencies, ...COMPANIONS.devDependencies];
  return Object.fromEntries(
    names.map((name) => {
      const version = lock.packages[`node_modules/${name}`]?.version;
      assert.ok(version, `${name} is not in package-lock.json`);
      return [name, version];
    }),
  );
}

function pruneStale(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX) || name === keep || name === basename(FINGERPRINTS)) continue;
    const path = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

let installed: Promise<Installed> | undefined;

/** The packed package installed in a merchant's project (once per tarball; cached across processes). */
export function installedPackage(): Promise<Installed> {
  installed ??= install();
  return installed;
}

/**
 * What `npm pack` would pack, summarised without packing: each file's path, size and mtime under
 * dist/ and beside package.json (and the lock's). The same summary means the same tarball, so the
 * pack is skipped.
 */
function buildFingerprint(): string {
  const hash = createHash('sha256');
  const roots = ['package.json', 'package-lock.json', 'README.md', 'LICENSE', 'dist'];
  const walk = (path: string): void => {
    if (!existsSync(join(REPO, path))) return;
    const stat = statSync(join(REPO, path));
    if (stat.isDirectory()) {
      for (const name of readdirSync(join(REPO, path)).sort()) walk(join(path, name));
    } else hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  roots.forEach(walk);
  return hash.digest('hex').slice(0, 16);
}

/** A fingerprint's project, when a process already packed and installed that build. */
const FINGERPRINTS = join(tmpdir(), `${PREFIX}fingerprints`);

async function install(): Promise<Installed> {
  ensureBuild();
  const result = (dir: string): Installed => ({
    dir,
    tarball: join(dir, 'ecommpay-elements.tgz'),
    pkgDir: join(dir, 'node_modules/ecommpay-elements'),
    require: createRequire(join(dir, 'package.json')),
  });
  const fingerprint = buildFingerprint();
  const known = join(FINGERPRINTS, fingerprint);
  if (existsSync(known)) {
    const dir = readFileSync(known, 'utf8');
    if (existsSync(join(dir, '.ready'))) return result(dir);
  }

  const packDir = mkdtempSync(join(tmpdir(), 'ecommpay-elements-pack-'));
  try {
    const pack = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], REPO);
    assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    const bytes = readFileSync(join(packDir, filename));
    const versions = { ...lockedVersions(), 'typescript-oldest': `npm:typescript@${OLDEST_TYPESCRIPT}` };
    const name = PREFIX + createHash('sha256').update(bytes).update(JSON.stringify(versions)).digest('hex').slice(0, 16);
    const dir = join(tmpdir(), name);
    if (!existsSync(join(dir, '.ready'))) await installInto(dir, join(packDir, filename), versions);
    // Only a build that did not change while it was packed is remembered.
    if (buildFingerprint() === fingerprint) {
      mkdirSync(FINGERPRINTS, { recursive: true });
      writeFileSync(known, dir);
    }
    pruneStale(name);
    return result(dir);
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

/** The merchant's project at `dir`: the tarball and the companions installed with npm. */
async function installInto(dir: string, tarball: string, versions: Record<string, string>): Promise<void> {
  // Installed beside the final folder, then moved there in one step: a process that finds the
  // folder finds it complete.
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  cpSync(tarball, join(staging, 'ecommpay-elements.tgz'));
  const pick = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, versions[n]!]));
  const manifest = {
    name: 'merchant-app',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: { 'ecommpay-elements': 'file:./ecommpay-elements.tgz', ...pick(COMPANIONS.dependencies) },
    devDependencies: { ...pick(COMPANIONS.devDependencies), 'typescript-oldest': versions['typescript-oldest']! },
  };
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const started = Date.now();
  const npmInstall = await npm(['install', '--prefer-offline', '--no-audit', '--no-fund'], staging);
  assert.equal(npmInstall.status, 0, `npm install in ${staging} failed:\n${npmInstall.stderr}`);
  writeFileSync(join(staging, '.ready'), `installed in ${Date.now() - started} ms\n`);
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another process installed the same tarball first: use theirs.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, '.ready'))) throw error;
  }
}

/**
 * A fresh folder `<project>/<name>` holding `files` (path → text): what one test compiles, bundles
 * or runs, resolved against the project's node_modules. Files named after a fixture under
 * test/package/fixtures may be given as `fixture('path')`.
 */
export function writeFixture(project: Installed, name: string, files: Record<string, string>): string {
  const dir = join(project.dir, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A file under test/package/fixtures, as text. */
export const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
}

/**
 * `tsc -p <dir>` with the project's own TypeScript (or `typescript-oldest`, OLDEST_TYPESCRIPT); its
 * diagnostics parsed (`file(line,col): error TSn: message`).
 */
export async function tsc(
  project: Installed,
  dir: string,
  args: string[] = [],
  compiler: 'typescript' | 'typescript-oldest' = 'typescript',
): Promise<{ status: number | null; output: string; diagnostics: Diagnostic[] }> {
  const result = await run(process.execPath, [join(project.dir, `node_modules/${compiler}/bin/tsc`), '-p', dir, '--pretty', 'false', ...args], { cwd: dir });
  const output = result.stdout + result.stderr;
  const diagnostics: Diagnostic[] = [];
  // A diagnostic's first line, then its indented continuation lines (elaborations).
  for (const match of output.matchAll(/^(.+?)\((\d+),(\d+)\): error TS(\d+): (.*(?:\n {2}.*)*)/gm)) {
    diagnostics.push({ file: match[1]!, line: Number(match[2]), column: Number(match[3]), code: Number(match[4]), message: match[5]! });
  }
  return { status: result.status, output, diagnostics };
}

/** The signing vector of ecommpay's documentation (also test/node/server-signer.test.ts's vector 1). */
export { DOCUMENTATION_VECTOR as SIGN_VECTOR } from '../fixtures/signing.ts';
