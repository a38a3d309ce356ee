/**
 * The demo backend's store, on PGlite and on PostgreSQL: a callback is stored and applied once, a
 * final status is never overwritten, payouts can never overdraw, and everything survives a
 * restart. The same suite runs on both engines; PostgreSQL when TEST_DATABASE_URL is set (which
 * `node scripts/node-test.mjs` does when Debian's PostgreSQL is installed and it runs as root).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isFinalStatus, type CallbackEvent } from '../../src/server/index.ts';
import { openDatabase, type Database } from '../../demo/backend/db.ts';
import { MIGRATIONS } from '../../demo/backend/migrations.ts';
import { Store, type Order, type SellerSeed } from '../../demo/backend/store.ts';

// ── engines: each gives every test a fresh, empty database ──

/** A fresh database of one test: opened (and re-opened) on the same storage, then removed. */
interface Place {
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

interface Engine {
  name: string;
  skip: string | false;
  setup(): Promise<void>;
  fresh(): Promise<Place>;
  teardown(): Promise<void>;
}

/**
 * PGlite: the first start in a new folder runs initdb (about 3 s), and copying a 40 MB folder per
 * test takes about 1 s, while re-opening one takes about 0.2 s. So the suite shares one folder,
 * and each test starts by emptying every table (identities restarted), which is as good as new.
 */
function pgliteEngine(): Engine {
  let root = '';
  return {
    name: 'PGlite',
    skip: false,
    async setup() {
      root = mkdtempSync(join(tmpdir(), 'store-test-'));
    },
    async fresh() {
      const dataDir = join(root, 'db');
      let first = true;
      return {
        async open() {
          const db = await openDatabase({ dataDir });
          if (first) {
            first = false;
            const tables = await db.query<{ name: string }>(
              `select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations'`,
            );
            await db.query(`truncate ${tables.map((t) => t.name).join(', ')} restart identity cascade`);
          }
          return db;
        },
        dispose: async () => {},
      };
    },
    async teardown() {
      if (root) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL: each test gets a schema of its own (`search_path` in the URL), dropped afterwards. */
function postgresEngine(url: string | undefined): Engine {
  let admin: pg.Client | null = null;
  return {
    name: 'PostgreSQL',
    skip: url
      ? false
      : 'set TEST_DATABASE_URL=postgres://user:password@host:port/database to run the store on PostgreSQL ' +
        '(`node scripts/node-test.mjs test/node` sets it itself as root when Debian\'s postgresql is installed)',
    async setup() {
      admin = new pg.Client({ connectionString: url });
      await admin.connect();
    },
    async fresh() {
      const schema = `store_test_${randomBytes(6).toString('hex')}`;
      await admin!.query(`create schema ${schema}`);
      const scoped = new URL(url!);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      return {
        open: () => openDatabase({ url: scoped.href }),
        dispose: async () => void (await admin!.query(`drop schema ${schema} cascade`)),
      };
    },
    async teardown() {
      await admin?.end();
    },
  };
}

/** One test's database and store; `reopen()` closes and opens the same storage again (a restart). */
interface Context {
  db: Database;
  store: Store;
  reopen(): Promise<void>;
}

async function withStore(engine: Engine, fn: (ctx: Context) => Promise<void>): Promise<void> {
  const place = await engine.fresh();
  const ctx: Context = {
    db: await place.open(),
    store: null as unknown as Store,
    async reopen() {
      await ctx.db.close();
      ctx.db = await place.open();
      ctx.store = new Store(ctx.db);
    },
  };
  ctx.store = new Store(ctx.db);
  try {
    await fn(ctx);
  } finally {
    await ctx.db.close();
    await place.dispose();
  }
}

// ── fixtures ──

const SELLER: SellerSeed = {
  id: 'seller-1',
  email: 'Seller@Example.test',
  name: 'Demo seller',
  password: 'correct horse battery staple',
  balances: [{ method: 'cup-bank', currency: 'CNY', earnings: 1000 }],
};

const purchase = (store: Store, paymentId: string, amount = 38_800) =>
  store.createOrder({ payment_id: paymentId, method: 'cup-bank', flow: 'gate', amount, currency: 'CNY', description: `Tea set · ${paymentId}`, customer_id: 'buyer-1', sku: 'tea' });

/**
 * A verified callback as `createCallbackHandler` hands it to `record`: `apply` unless told
 * otherwise, keyed by (payment, operation, status) like the handler's own keys.
 */
function event(paymentId: string | null, status: string, over: Partial<CallbackEvent> & { amount?: number; payout?: boolean } = {}): CallbackEvent {
  const { amount = 38_800, payout = false, ...rest } = over;
  const operationId = rest.operationId ?? '700001';
  const type = payout ? 'payout' : 'purchase';
  const body = {
    project_id: 4242,
    payment: { id: paymentId, type, status, sum: { amount, currency: 'CNY' } },
    operation: { id: Number(operationId), type: payout ? 'payout' : 'sale', status, code: status === 'decline' ? '20105' : '0', message: status === 'decline' ? 'Declined' : 'Success' },
    customer: { id: 'buyer-1', signature: 'nested-signature-is-stripped-too' },
    signature: 'dG9wLWxldmVsLXNpZ25hdHVyZQ==',
  };
  return {
    key: `cb_${paymentId}_${operationId}_${status}`,
    action: 'apply',
    reason: null,
    detail: null,
    paymentId,
    type,
    status,
    final: isFinalStatus(status),
    operationId,
    operationType: body.operation.type,
    operationStatus: status,
    code: body.operation.code,
    message: body.operation.message,
    sum: { amount, currency: 'CNY' },
    converted: null,
    redirectData: null,
    callback: null,
    body,
    receivedAt: new Date(),
    ...rest,
  };
}

const available = async (store: Store) => (await store.balance(SELLER.id, 'cup-bank'))?.available;

const reserve = (store: Store, paymentId: string, amount: number) =>
  store.reservePayout(SELLER.id, 'cup-bank', { payment_id: paymentId, amount, description: 'withdrawal', customer_id: SELLER.id });

// ── the suite, once per engine ──

const engines = [pgliteEngine(), postgresEngine(process.env.TEST_DATABASE_URL)];

for (const engine of engines) {
  describe(`Store on ${engine.name}`, () => {
    // A skipped engine still lists every test, each marked skipped with the reason.
    if (!engine.skip) {
      before(() => engine.setup());
      after(() => engine.teardown());
    }
    const it = (name: string, fn: (ctx: Context) => Promise<void>) => test(name, { skip: engine.skip }, () => withStore(engine, fn));

    it('orders: created, read back, listed newest first; markSent only from created; bigint as number', async ({ store }) => {
      const first = await purchase(store, 'ORD-1');
      assert.deepEqual(
        { ...first, created_at: typeof first.created_at, updated_at: typeof first.updated_at },
        {
          payment_id: 'ORD-1', method: 'cup-bank', flow: 'gate', type: 'purchase', amount: 38_800, currency: 'CNY', description: 'Tea set · ORD-1',
          customer_id: 'buyer-1', sku: 'tea', seller_id: null, status: 'created', code: null, message: null, redirect_data: null,
          created_at: 'string', updated_at: 'string',
        },
      );
      assert.equal(new Date(first.created_at).toISOString(), first.created_at);
      // Beyond int4: still a plain JS number from either engine.
      await purchase(store, 'ORD-2', 5_000_000_000);
      assert.equal((await store.getOrder('ORD-2'))?.amount, 5_000_000_000);
      assert.equal(await store.getOrder('nope'), null);
      assert.deepEqual((await store.listOrders()).map((o) => o.payment_id), ['ORD-2', 'ORD-1']);
      assert.deepEqual((await store.listOrders(1)).map((o) => o.payment_id), ['ORD-2']);
      await assert.rejects(purchase(store, 'ORD-1'), 'a payment_id is unique');

      assert.equal(await store.markSent('ORD-1'), true);
      assert.equal(await store.markSent('ORD-1'), false, 'only from created');
      assert.equal(await store.markSent('nope'), false);
      assert.equal((await store.getOrder('ORD-1'))?.status, 'processing');
    });

    it('the same callback recorded 50 times at once: one row, applied once, 49 duplicates', async ({ store }) => {
      await purchase(store, 'ORD-1');
      const results = await Promise.all(Array.from({ length: 50 }, () => store.recordCallback(event('ORD-1', 'success'))));
      assert.equal(results.filter((r) => r === 'recorded').length, 1);
      assert.equal(results.filter((r) => r === 'duplicate').length, 49);
      const rows = await store.callbacksOf('ORD-1');
      assert.deepEqual(rows.map((r) => [r.action, r.applied, r.deliveries, r.status]), [['apply', true, 50, 'success']]);
      const order = (await store.getOrder('ORD-1'))!;
      assert.deepEqual([order.status, order.code, order.message], ['success', '0', 'Success']);
    });

    it('a final status is never overwritten by a later callback', async ({ store }) => {
      await purchase(store, 'ORD-1');
      const redirect = { method: 'GET', url: 'https://bank.example/3ds', body: { pareq: 'x' } };
      assert.equal(await store.recordCallback(event('ORD-1', 'awaiting redirect result', { operationId: '1', redirectData: redirect })), 'recorded');
      assert.deepEqual((await store.getOrder('ORD-1'))?.redirect_data, redirect);
      assert.equal(await store.recordCallback(event('ORD-1', 'success', { operationId: '1' })), 'recorded');
      // A late intermediate callback (another key) is kept, changes nothing.
      assert.equal(await store.recordCallback(event('ORD-1', 'awaiting redirect result', { operationId: '2' })), 'recorded');
      assert.equal(await store.recordCallback(event('ORD-1', 'decline', { operationId: '3' })), 'recorded');
      const order = (await store.getOrder('ORD-1'))!;
      assert.equal(order.status, 'success');
      assert.deepEqual(order.redirect_data, redirect, 'a callback without redirect_data keeps the last one');
      assert.deepEqual((await store.callbacksOf('ORD-1')).map((r) => [r.status, r.applied]), [
        ['awaiting redirect result', true],
        ['success', true],
        ['awaiting redirect result', false],
        ['decline', false],
      ]);
    });

    it('success and decline racing for one order: exactly one wins', async ({ store }) => {
      const ids = Array.from({ length: 8 }, (_, i) => `ORD-${i}`);
      for (const id of ids) await purchase(store, id);
      await Promise.all(ids.flatMap((id) => [store.recordCallback(event(id, 'success')), store.recordCallback(event(id, 'decline'))]));
      for (const id of ids) {
        const order = (await store.getOrder(id))!;
        const rows = await store.callbacksOf(id);
        assert.equal(rows.length, 2);
        assert.deepEqual(rows.filter((r) => r.applied).map((r) => r.status), [order.status], `${id}: the applied row is the status the order has`);
        assert.ok(isFinalStatus(order.status));
      }
    });

    it('hold and ignore events are stored and change nothing', async ({ store }) => {
      await purchase(store, 'ORD-1');
      const cases: { name: string; event: CallbackEvent }[] = [
        { name: 'unknown payment', event: event('ORD-404', 'success', { action: 'hold', reason: 'unknown-payment', detail: 'no order with payment_id ORD-404' }) },
        { name: 'amount mismatch', event: event('ORD-1', 'success', { action: 'hold', reason: 'amount-mismatch', detail: 'amount 1 where the order is 38800 CNY', amount: 1 }) },
        { name: 'malformed', event: event(null, 'success', { key: 'cb_held_1', action: 'hold', reason: 'malformed', detail: 'not a callback', status: null, operationId: null }) },
        { name: 'already final', event: event('ORD-1', 'decline', { action: 'ignore', reason: 'already-final', detail: 'the order is already success' }) },
      ];
      for (const c of cases) assert.equal(await store.recordCallback(c.event), 'recorded', c.name);
      const order = (await store.getOrder('ORD-1'))!;
      assert.deepEqual([order.status, order.code, order.message], ['created', null, null]);
      const log = await store.callbackLog();
      assert.deepEqual(
        log.map((r) => [r.action, r.reason, r.applied, r.payment_id]),
        [
          ['hold', 'unknown-payment', false, 'ORD-404'],
          ['hold', 'amount-mismatch', false, 'ORD-1'],
          ['hold', 'malformed', false, null],
          ['ignore', 'already-final', false, 'ORD-1'],
        ],
      );
      assert.equal(log[0]!.detail, 'no order with payment_id ORD-404');
    });

    it('payouts: two reservations of 600 from 1000 at once, exactly one; a decline gives it back once', async ({ store }) => {
      await store.ensureSeller(SELLER);
      const [a, b] = await Promise.all([reserve(store, 'PO-A', 600), reserve(store, 'PO-B', 600)]);
      const won = [a, b].filter((r) => r.ok);
      assert.equal(won.length, 1, 'exactly one reservation succeeds');
      assert.deepEqual([a, b].find((r) => !r.ok), { ok: false, available: 400, currency: 'CNY' });
      assert.equal(await available(store), 400);
      const order = (won[0] as { ok: true; order: Order }).order;
      assert.deepEqual([order.flow, order.type, order.seller_id, order.currency, order.status], ['payout', 'payout', SELLER.id, 'CNY', 'created']);
      assert.equal((await store.listOrders()).length, 1, 'the refused reservation left no order');

      const decline = event(order.payment_id, 'decline', { payout: true, amount: 600 });
      assert.deepEqual(await Promise.all([store.recordCallback(decline), store.recordCallback(decline)]).then((r) => r.sort()), ['duplicate', 'recorded']);
      assert.equal(await available(store), 1000);
      // Another decline (another key) of a final order: stored, nothing given back again.
      assert.equal(await store.recordCallback(event(order.payment_id, 'decline', { payout: true, amount: 600, operationId: '2' })), 'recorded');
      assert.equal(await store.markRefused(order.payment_id, 'too late'), false, 'a final order is not refused');
      assert.equal(await available(store), 1000);
      assert.deepEqual(await store.balance(SELLER.id, 'cup-bank'), { method: 'cup-bank', currency: 'CNY', earnings: 1000, available: 1000 });
    });

    it('payouts: markRefused gives back once; a success keeps the money spent', async ({ store }) => {
      await store.ensureSeller(SELLER);
      const refused = await reserve(store, 'PO-1', 300);
      const paid = await reserve(store, 'PO-2', 200);
      assert.ok(refused.ok && paid.ok);
      assert.equal(await available(store), 500);
      assert.equal(await store.markRefused('PO-1', 'Gate: invalid account number'), true);
      assert.equal(await available(store), 800);
      assert.equal(await store.markRefused('PO-1', 'Gate: again'), true, 'the message is updated');
      assert.equal(await available(store), 800, 'given back once');
      // A decline for an order already refused gives nothing back again.
      assert.equal(await store.recordCallback(event('PO-1', 'decline', { payout: true, amount: 300 })), 'recorded');
      assert.equal(await available(store), 800);
      const order = (await store.getOrder('PO-1'))!;
      assert.deepEqual([order.status, order.code], ['decline', '20105']);

      assert.equal(await store.recordCallback(event('PO-2', 'success', { payout: true, amount: 200 })), 'recorded');
      assert.equal(await available(store), 800);
      assert.equal(await store.markRefused('nope', 'x'), false);
    });

    it('payouts: refused without enough balance, without a balance, or with bad fields; nothing changes', async ({ store }) => {
      await store.ensureSeller(SELLER);
      assert.deepEqual(await reserve(store, 'PO-1', 1001), { ok: false, available: 1000, currency: 'CNY' });
      assert.deepEqual(await store.reservePayout(SELLER.id, 'online-philippines-banks', { payment_id: 'PO-2', amount: 1, customer_id: 'x' }), {
        ok: false,
        available: 0,
        currency: null,
      });
      assert.deepEqual(await store.reservePayout('seller-404', 'cup-bank', { payment_id: 'PO-3', amount: 1, customer_id: 'x' }), { ok: false, available: 0, currency: null });
      for (const amount of [0, -5, 1.5, Number.NaN]) await assert.rejects(reserve(store, 'PO-4', amount), RangeError, String(amount));
      await assert.rejects(store.reservePayout(SELLER.id, 'cup-bank', { payment_id: 'PO-5', amount: 1, currency: 'USD', customer_id: 'x' }), /in CNY, not USD/);
      await assert.rejects(store.reservePayout(SELLER.id, 'cup-bank', { payment_id: 'PO-6', method: 'online-philippines-banks', amount: 1, customer_id: 'x' }), TypeError);
      assert.equal(await available(store), 1000);
      assert.deepEqual(await store.listOrders(), []);
      // A payment_id that exists already: the reservation is rolled back with the failed insert.
      await purchase(store, 'ORD-1');
      await assert.rejects(reserve(store, 'ORD-1', 10));
      assert.equal(await available(store), 1000);
    });

    it('restart: orders, callbacks, balances and sessions are all there; migrations do not run again', async (ctx) => {
      await ctx.store.ensureSeller(SELLER);
      await purchase(ctx.store, 'ORD-1');
      await ctx.store.recordCallback(event('ORD-1', 'success'));
      await reserve(ctx.store, 'PO-1', 250);
      const session = (await ctx.store.signIn(SELLER.email, SELLER.password))!;
      const migrations = await ctx.db.query<{ version: number; applied_at: Date }>('select version, applied_at from schema_migrations order by version');
      assert.deepEqual(migrations.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
      const before = { orders: await ctx.store.listOrders(), log: await ctx.store.callbackLog() };

      await ctx.reopen();
      assert.deepEqual(await ctx.store.listOrders(), before.orders);
      assert.deepEqual(await ctx.store.callbackLog(), before.log);
      assert.equal(await available(ctx.store), 750);
      assert.deepEqual(await ctx.store.sessionSeller(session.token), session.seller);
      assert.equal(await ctx.store.recordCallback(event('ORD-1', 'success')), 'duplicate', 'keys survive a restart');
      assert.deepEqual(await ctx.db.query('select version, applied_at from schema_migrations order by version'), migrations);
      // The seed is idempotent: the balance spent stays spent, the password stays the first one.
      await ctx.store.ensureSeller({ ...SELLER, password: 'another password', balances: [{ method: 'cup-bank', currency: 'CNY', earnings: 99 }] });
      assert.equal(await available(ctx.store), 750);
      assert.equal(await ctx.store.signIn(SELLER.email, 'another password'), null);
    });

    it('sessions: sign in, check, expire, sign out', async ({ db, store }) => {
      assert.deepEqual(await store.ensureSeller(SELLER), { id: SELLER.id, email: 'seller@example.test', name: SELLER.name });
      const session = await store.signIn('  SELLER@example.test ', SELLER.password);
      assert.ok(session);
      assert.match(session.token, /^[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(session.seller, { id: SELLER.id, email: 'seller@example.test', name: SELLER.name });
      assert.deepEqual(await store.sessionSeller(session.token), session.seller);

      const stored = await db.query<{ token_hash: string; hours: number }>(
        `select token_hash, round(extract(epoch from expires_at - created_at) / 3600)::int as hours from sessions`,
      );
      assert.deepEqual(stored.map((s) => s.hours), [8]);
      assert.match(stored[0]!.token_hash, /^[0-9a-f]{64}$/);
      assert.ok(!JSON.stringify(await db.query('select * from sessions')).includes(session.token), 'the token itself is not stored');
      assert.match((await db.query<{ password_hash: string }>('select password_hash from sellers'))[0]!.password_hash, /^pbkdf2\$600000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);

      for (const [email, password] of [[SELLER.email, 'wrong'], ['nobody@example.test', SELLER.password], [SELLER.email, '']]) {
        assert.equal(await store.signIn(email!, password!), null, `${email} / ${password}`);
      }
      for (const token of ['', 'not-a-token', session.token.slice(1), null, undefined]) assert.equal(await store.sessionSeller(token), null, String(token));

      const other = (await store.signIn(SELLER.email, SELLER.password))!;
      await db.query(`update sessions set expires_at = now() - interval '1 second' where token_hash <> $1`, [stored[0]!.token_hash]);
      assert.equal(await store.sessionSeller(other.token), null, 'expired');
      await store.signOut(session.token);
      assert.equal(await store.sessionSeller(session.token), null, 'signed out');
      await store.signOut('unknown');
    });

    it('callbackLog pages by sequence number and never serves a signature', async ({ store }) => {
      await purchase(store, 'ORD-1');
      for (const status of ['processing', 'awaiting redirect result', 'success']) await store.recordCallback(event('ORD-1', status));
      await store.recordCallback(event('ORD-404', 'success', { action: 'hold', reason: 'unknown-payment', detail: 'unknown' }));
      const all = await store.callbackLog();
      assert.equal(all.length, 4);
      assert.deepEqual(all.map((r) => r.n), [...all.map((r) => r.n)].sort((x, y) => x - y));
      assert.deepEqual(await store.callbackLog({ after: all[1]!.n }), all.slice(2));
      assert.deepEqual(await store.callbackLog({ after: all[0]!.n, limit: 2 }), all.slice(1, 3));
      assert.equal(typeof all[0]!.received_at, 'string');
      const text = JSON.stringify([all, await store.callbacksOf('ORD-1')]);
      assert.doesNotMatch(text, /signature/i);
      assert.deepEqual((all[2]!.fields as { payment: unknown }).payment, { id: 'ORD-1', type: 'purchase', status: 'success', sum: { amount: 38_800, currency: 'CNY' } });
    });

    if (engine.name === 'PostgreSQL') {
      it('two processes migrating a new schema at once: both start, migrations applied once', async ({ db }) => {
        // `db` migrated this schema already; start over in a new one, opened twice at once.
        const [schema] = await db.query<{ current_schema: string }>('select current_schema()');
        const url = new URL(process.env.TEST_DATABASE_URL!);
        const fresh = `${schema!.current_schema}_twice`;
        await db.query(`create schema ${fresh}`);
        url.searchParams.set('options', `-c search_path=${fresh}`);
        try {
          const both = await Promise.all([openDatabase({ url: url.href }), openDatabase({ url: url.href })]);
          const versions = await both[0].query<{ version: number }>('select version from schema_migrations');
          assert.equal(versions.length, MIGRATIONS.length);
          await Promise.all(both.map((d) => d.close()));
        } finally {
          await db.query(`drop schema ${fresh} cascade`);
        }
      });
    } else {
      test('in memory when neither url nor dataDir is given', async () => {
        const db = await openDatabase({});
        try {
          assert.equal(db.kind, 'pglite');
          const store = new Store(db);
          await purchase(store, 'ORD-1');
          assert.equal((await store.getOrder('ORD-1'))?.amount, 38_800);
          assert.equal(await db.transaction(async (tx) => (await tx.query<{ n: number }>('select count(*) as n from orders'))[0]!.n), 1);
          await assert.rejects(
            db.transaction(async (tx) => {
              await tx.query(`update orders set status = 'x'`);
              throw new Error('rolled back');
            }),
            /rolled back/,
          );
          assert.equal((await store.getOrder('ORD-1'))?.status, 'created');
        } finally {
          await db.close();
        }
      });
    }
  });
}
