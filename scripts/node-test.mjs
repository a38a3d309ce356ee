// Runs node:test over every `*.test.ts` under the given folders (Node 20's `--test` takes no globs),
// with TEST_DATABASE_URL set when a PostgreSQL is available (see postgres.mjs).
//   node scripts/node-test.mjs test/node [test/e2e/gate.test.ts …] [--test-concurrency=1 …]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePostgres } from './postgres.mjs';

const args = process.argv.slice(2);
const folders = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));

const files = folders.flatMap((folder) =>
  statSync(folder).isFile()
    ? [folder]
    : readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.test.ts'))
        .map((name) => join(folder, name))
        .sort(),
);

if (files.length === 0) {
  console.error(`No *.test.ts files under ${folders.join(', ')}`);
  process.exit(1);
}

const url = await ensurePostgres();
const env = url ? { ...process.env, TEST_DATABASE_URL: url } : process.env;
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
