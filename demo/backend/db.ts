/**
 * The demo backend's database: PostgreSQL through `pg` when a URL is given, else PGlite
 * (PostgreSQL compiled to WebAssembly, in this process) in a folder or in memory. Both speak the
 * same SQL, so the store has one set of queries; only opening, transactions and closing differ.
 *
 *   const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: '.data/db' });
 *   await db.transaction(async (tx) => { await tx.query('…', [a]); await tx.query('…', [b]); });
 *
 * Values come back the same way from both engines: `bigint` as a JS number (an error beyond
 * 2^53, never a silent rounding), `jsonb` parsed, `timestamptz` as a `Date`.
 *
 * A PGlite folder belongs to one process at a time: never open it from two.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { MIGRATIONS } from './migrations.ts';

/** Something that runs SQL with `$1`-style parameters: the database itself or one transaction. */
export interface Queryable {
  /** Runs one statement; resolves its rows (none for a statement without `returning`). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** An open database: PGlite or PostgreSQL, migrated. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction (BEGIN … COMMIT, ROLLBACK on throw). Query through `tx` only:
   * on PGlite the transaction holds the database, so `db.query` inside fn would wait forever.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the database (PGlite) or ends the pool's connections (PostgreSQL). */
  close(): Promise<void>;
}

/** What the migrations need besides queries: several statements in one string. */
interface Tx extends Queryable {
  exec(sql: string): Promise<void>;
}

/** A database whose transactions also run multi-statement SQL (for the migrations). */
interface Engine extends Database {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** PostgreSQL's type OID of `int8` (`bigint`, `bigserial`, `count(*)`). */
const INT8 = 20;

/** `int8` as a JS number: amounts are minor units, far below 2^53; anything larger is an error. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} does not fit a JavaScript number`);
  return value;
}

async function openPglite(dataDir: string | null): Promise<Engine> {
  const { PGlite } = await import('@electric-sql/pglite');
  let path: string | undefined;
  if (dataDir) {
    path = resolve(dataDir);
    mkdirSync(path, { recursive: true });
  }
  const pglite = new PGlite({ dataDir: path, parsers: { [INT8]: parseInt8 } });
  await pglite.waitReady;
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    // PGlite's own transaction holds the database exclusively until it ends: other queries wait.
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
        }),
      ),
    close: () => pglite.close(),
  };
}

async function openPostgres(url: string): Promise<Engine> {
  const { default: pg } = await import('pg');
  // Parsers for this pool only: other `pg` users in the process keep the defaults.
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8, parseInt8);
  const pool = new pg.Pool({ connectionString: url, types });
  // An idle connection that fails (server restart) must not crash the process: the pool replaces it.
  pool.on('error', (error) => console.error('[db] an idle PostgreSQL connection failed:', error.message));
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A broken connection (it failed, or its ROLLBACK did) is closed by release(error), not reused.
      let broken: Error | undefined;
      // A checked-out client that loses its connection emits 'error': unheard, it would crash the process.
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await fn({
          query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
          // Without parameters, `pg` uses the simple protocol, which runs several statements.
          exec: async (sql: string) => void (await client.query(sql)),
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Applies the migrations the database lacks, all in one transaction. On PostgreSQL an advisory
 * lock makes a second process starting at the same time wait, then find nothing left to do.
 */
async function migrate(db: Engine): Promise<void> {
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query(`select pg_advisory_xact_lock(hashtext('ecommpay-elements demo: migrations'))`);
    await tx.exec('create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((row) => row.version));
    const newest = Math.max(0, ...done);
    if (newest > MIGRATIONS.length) {
      throw new Error(`the database's schema is at version ${newest}, newer than this code's ${MIGRATIONS.length}: update the code`);
    }
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    }
  });
}

/** PostgreSQL through `pg` when `url` is set (a Pool), else PGlite in `dataDir` (created if missing), else PGlite in memory. Runs the migrations before resolving. */
export async function openDatabase(options: { url?: string | null; dataDir?: string | null }): Promise<Database> {
  const db = options.url ? await openPostgres(options.url) : await openPglite(options.dataDir ?? null);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}
