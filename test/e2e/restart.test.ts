/**
 * Faults, not just happy paths: the shop's backend is killed (SIGKILL) between its Gate requests
 * and their callbacks. The sandbox keeps retrying on ecommpay's schedule (at 1/100 of its pace);
 * once the backend is back on the same database, the retried callbacks complete the orders, and
 * nothing the backend knew before the kill is lost. Against PGlite, and against PostgreSQL when
 * `TEST_DATABASE_URL` is set (`npm test` sets it up where Debian's PostgreSQL is installed).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_PROJECT_ID, DEMO_SECRET_KEY } from '../../demo/config.ts';
import { DEMO_SELLER } from '../../demo/backend/shop.ts';
import { ecommpayRetrySchedule } from '../../demo/sandbox/callbacks.ts';
import { startSandbox, type SandboxServer } from '../../demo/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** `npm start` in a child process, talking to `sandbox`; resolves once it says it is running. */
function startBackend(port: number, sandbox: SandboxServer, database: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...database,
      PORT: String(port),
      ECOMMPAY_PROJECT_ID: String(DEMO_PROJECT_ID),
      ECOMMPAY_SECRET_KEY: DEMO_SECRET_KEY,
      ECOMMPAY_PAYMENT_PAGE_URL: sandbox.url,
      ECOMMPAY_GATE_URL: sandbox.url,
      ECOMMPAY_TEST_PROJECT: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => void child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the backend did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('demo is running')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the backend exited (${code}) before it started:\n${output}`));
    });
  });
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** Polls `check` until it answers a value (bounded). */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Delivery {
  paymentId: string;
  acknowledged: boolean;
  attempts: { status: number }[];
}

async function killedBetweenRequestAndCallback(database: Record<string, string>): Promise<void> {
  const port = await freePort();
  const shop = `http://localhost:${port}`;
  const sandbox = await startSandbox({ port: 0, callbackUrl: () => `${shop}/api/ecommpay/callback`, retryIntervals: ecommpayRetrySchedule(0.01) });
  cleanups.push(() => sandbox.close());
  const api = (path: string, init: { body?: unknown; cookie?: string } = {}) =>
    fetch(`${shop}${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', Origin: shop, ...(init.cookie ? { Cookie: init.cookie } : {}) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  let backend = await startBackend(port, sandbox, database);
  const signIn = await api('/api/session', { body: { email: DEMO_SELLER.email, password: DEMO_SELLER.password } });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const balance = async () => ((await (await api('/api/balance/online-philippines-banks', { cookie })).json()) as { available: number }).available;
  const start = await balance();

  // Two Gate requests whose callbacks ecommpay holds back until the backend is dead.
  sandbox.sandbox.holdCallbacks();
  const payout = await api('/api/gate/payout', {
    cookie,
    body: {
      method: 'online-philippines-banks',
      request: {
        customer: {},
        payment: { amount: 150_000, currency: 'PHP', description: 'withdrawal' },
        account: { bank_id: 486, customer_name: 'Juan Dela Cruz', number: '1670033323', branch: 'Makati Avenue', city: 'Manila', region_id: 297 },
      },
    },
  });
  assert.equal(payout.status, 202);
  const payoutId = ((await payout.json()) as { payment_id: string }).payment_id;
  const order = (await (await api('/api/orders', { body: { sku: 'barong', flow: 'gate' } })).json()) as { payment_id: string };
  const sale = await api('/api/gate/sale', {
    body: { payment_id: order.payment_id, customer: { email: 'juan@example.ph', first_name: 'Juan', last_name: 'Dela Cruz' }, account: { bank_id: 487 } },
  });
  assert.equal(sale.status, 202);

  await kill(backend);
  sandbox.sandbox.releaseCallbacks();
  const deliveries = async () => (await (await fetch(`${sandbox.url}/sandbox/deliveries`)).json()) as Delivery[];
  // Both callbacks are tried against the dead backend at least twice, and refused.
  await eventually('failed attempts', async () => {
    const mine = (await deliveries()).filter((d) => [payoutId, order.payment_id].includes(d.paymentId));
    return mine.length === 2 && mine.every((d) => d.attempts.filter((a) => a.status === 0).length >= 2) ? true : undefined;
  });

  backend = await startBackend(port, sandbox, database);
  const completed = await eventually('the retried callbacks', async () => {
    const read = async (id: string) => (await (await api(`/api/orders/${id}`)).json()) as { status: string; callbacks: unknown[] };
    const [p, s] = await Promise.all([read(payoutId), read(order.payment_id)]);
    return p.status === 'success' && s.status === 'awaiting redirect result' ? { p, s } : undefined;
  });
  assert.equal(completed.p.callbacks.length, 1);
  assert.equal(completed.s.callbacks.length, 1);
  for (const delivery of (await deliveries()).filter((d) => [payoutId, order.payment_id].includes(d.paymentId))) {
    assert.equal(delivery.acknowledged, true);
    assert.equal(delivery.attempts.at(-1)!.status, 200);
    assert.ok(delivery.attempts.slice(0, -1).every((a) => a.status === 0), 'refused while the backend was dead');
  }
  // The redirect is there for the buyer, the session survived, and the money was counted once.
  const redirect = (await (await api(`/api/orders/${order.payment_id}/redirect`)).json()) as { redirect_data?: { url: string } };
  assert.match(redirect.redirect_data!.url, /\/bank\/Pay\.aspx\?/);
  assert.equal(await balance(), start - 150_000);
  await kill(backend);
}

test('PGlite: a backend killed between Gate requests and their callbacks completes them after restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecommpay-restart-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  await killedBetweenRequestAndCallback({ DATA_DIR: dataDir, DATABASE_URL: '' });
});

test('PostgreSQL: the same, on a real server', { skip: process.env.TEST_DATABASE_URL ? false : 'set TEST_DATABASE_URL (npm test does where PostgreSQL is installed)' }, async () => {
  // A schema of this run's own, so every run starts from an empty shop.
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const schema = `restart_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  cleanups.push(async () => {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  await killedBetweenRequestAndCallback({ DATABASE_URL: url.href });
});
