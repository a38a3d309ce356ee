// A PostgreSQL for the tests: TEST_DATABASE_URL when set, else Debian's local cluster, started and
// given a test role and database when we are root. Never throws: without one, the PostgreSQL
// tests are skipped and one line says why.
//   import { ensurePostgres } from './postgres.mjs';  const url = await ensurePostgres();
import { spawnSync } from 'node:child_process';

const ROLE = 'ecommpay_test';
const DATABASE = 'ecommpay_test';

/** Runs a command; its trimmed stdout, or throws with its stderr. */
function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${(result.stderr || result.stdout).trim() || `exit ${result.status}`}`);
  return result.stdout.trim();
}

/** One SQL statement as the `postgres` superuser, over the local socket. */
const psql = (port, sql) => run('runuser', ['-u', 'postgres', '--', 'psql', '-p', String(port), '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-tAXc', sql]);

/** Debian's clusters (`pg_lsclusters`), newest version first; `null` when PostgreSQL is not installed. */
function clusters() {
  const probe = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4)
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), status }))
    .sort((a, b) => Number(b.version) - Number(a.version));
}

/** The URL of a PostgreSQL database the tests may use, or `null` (after saying why). */
export async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const skip = (why) => {
    console.log(`[postgres] PostgreSQL tests will be skipped: ${why}`);
    return null;
  };
  try {
    const found = clusters();
    if (!found) return skip('no TEST_DATABASE_URL and no Debian PostgreSQL (pg_lsclusters); apt-get install postgresql, or set TEST_DATABASE_URL');
    const cluster = found.find((c) => c.name === 'main') ?? found[0];
    if (!cluster) return skip('PostgreSQL is installed but has no cluster (pg_createcluster)');
    if (process.getuid?.() !== 0) return skip('starting Debian PostgreSQL needs root; set TEST_DATABASE_URL instead');
    if (!cluster.status.startsWith('online')) run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
    psql(
      cluster.port,
      `do $$ begin
         if not exists (select from pg_roles where rolname = '${ROLE}') then create role ${ROLE} login; end if;
       end $$;
       alter role ${ROLE} login password '${ROLE}';`,
    );
    if (psql(cluster.port, `select 1 from pg_database where datname = '${DATABASE}'`) !== '1') {
      psql(cluster.port, `create database ${DATABASE} owner ${ROLE}`);
    }
    console.log(`[postgres] PostgreSQL ${cluster.version} on 127.0.0.1:${cluster.port}, database ${DATABASE}`);
    return `postgres://${ROLE}:${ROLE}@127.0.0.1:${cluster.port}/${DATABASE}`;
  } catch (error) {
    return skip(String(error instanceof Error ? error.message : error).split('\n')[0]);
  }
}
