/**
 * The local ecommpay sandbox (`demo/sandbox`): ecommpay's callback retry schedule (SPEC §9),
 * retries and holds against a real local HTTP server, and the refusal of requests the signature
 * cannot tell from others (SPEC §11) by the Gate and the Payment Page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gatePath } from '../../src/core/gate.ts';
import { checkSignature, signParams, signatureString } from '../../src/server/index.ts';
import { CallbackSender, ECOMMPAY_RETRY_LIMITS, ecommpayRetrySchedule, type Delivery, type DeliveryEvent } from '../../demo/sandbox/callbacks.ts';
import { createSandbox, type Sandbox } from '../../demo/sandbox/server.ts';
import { until } from './helpers.ts';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const KEY = 'sandbox-test-secret';
const PROJECT_ID = 4242;
/** The bound of every wait in these tests: a test fails instead of hanging. */
const BOUND = 10 * SECOND;

// ── helpers ─────────────────────────────────────────────────────────────────

interface Received {
  at: number;
  text: string;
}

interface Merchant {
  url: string;
  received: Received[];
  /** Resolves once `count` requests have arrived (rejects after `BOUND`). */
  receivedAtLeast(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A merchant's callback endpoint on 127.0.0.1 that answers 500 to its first `failures` requests, then 200. */
async function startMerchant(failures: number): Promise<Merchant> {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ at: performance.now(), text: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(received.length <= failures ? 500 : 200).end();
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    received,
    receivedAtLeast(count) {
      if (received.length >= count) return Promise.resolve();
      return bounded(new Promise<void>((resolve) => waiters.push({ count, resolve })), `${count} requests (got ${received.length})`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `promise`, or a rejection after `BOUND`. */
async function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), BOUND);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The next event of the sender that matches. */
function nextEvent(sender: CallbackSender, matches: (event: DeliveryEvent) => boolean, what: string): Promise<DeliveryEvent> {
  let unsubscribe = () => {};
  const event = new Promise<DeliveryEvent>((resolve) => {
    unsubscribe = sender.subscribe((e) => {
      if (matches(e)) resolve(e);
    });
  });
  return bounded(event, what).finally(() => unsubscribe());
}


const callback = (paymentId: string, status = 'success') => ({
  project_id: PROJECT_ID,
  payment: { id: paymentId, type: 'payout', status, sum: { amount: 1000, currency: 'PHP' } },
  customer: { id: 'c1' },
  operation: { id: 1, type: 'payout', status, code: '0', message: 'Success' },
});

/** ecommpay's HMAC of any object, ambiguous or not (signParams refuses ambiguous ones). */
const hmac = (object: object, key = KEY) => createHmac('sha512', key).update(signatureString(object)).digest('base64');

// ── the schedule ────────────────────────────────────────────────────────────

const schedule = ecommpayRetrySchedule();
const sum = (waits: readonly number[]) => waits.reduce((a, b) => a + b, 0);

const scheduleRules: [string, (waits: readonly number[]) => void][] = [
  ['the first six waits are 10 s', (w) => assert.deepEqual(w.slice(0, 6), Array(6).fill(10 * SECOND))],
  ['then the waits grow', (w) => assert.ok(w[6]! > 10 * SECOND, `seventh wait ${w[6]}`)],
  ['no wait is shorter than the one before', (w) => w.slice(1).forEach((wait, i) => assert.ok(wait >= w[i]!, `wait ${i + 1}: ${wait} < ${w[i]}`))],
  ['no wait is above 4 h', (w) => assert.ok(Math.max(...w) <= 4 * HOUR)],
  ['the waits grow up to 4 h', (w) => assert.equal(Math.max(...w), 4 * HOUR)],
  ['at most 120 attempts in all (at most 119 waits)', (w) => assert.ok(w.length + 1 <= 120, `${w.length + 1} attempts`)],
  ['over at most 11 days', (w) => assert.ok(sum(w) <= 11 * DAY, `${sum(w) / DAY} days`)],
  ['every wait is a whole number of milliseconds, at least 1', (w) => assert.ok(w.every((wait) => Number.isInteger(wait) && wait >= 1))],
];

for (const [name, check] of scheduleRules) {
  test(`ecommpay's retry schedule: ${name}`, () => check(schedule));
}

test('the schedule agrees with the limits it exports', () => {
  assert.equal(ECOMMPAY_RETRY_LIMITS.first, 10 * SECOND);
  assert.equal(ECOMMPAY_RETRY_LIMITS.firstCount, 6);
  assert.equal(ECOMMPAY_RETRY_LIMITS.longest, 4 * HOUR);
  assert.equal(ECOMMPAY_RETRY_LIMITS.attempts, 120);
  assert.equal(ECOMMPAY_RETRY_LIMITS.span, 11 * DAY);
  assert.notEqual(ecommpayRetrySchedule(), ecommpayRetrySchedule(), 'a fresh array each time');
});

const scales: [number, number][] = [
  [1, 10_000],
  [0.01, 100],
  [0.5, 5_000],
  [2, 20_000],
  [0.00001, 1], // 0.1 ms rounds up to the 1 ms minimum
];
for (const [scale, first] of scales) {
  test(`the schedule scaled by ${scale} multiplies every wait (first ${first} ms)`, () => {
    const scaled = ecommpayRetrySchedule(scale);
    assert.equal(scaled.length, schedule.length);
    assert.equal(scaled[0], first);
    scaled.forEach((wait, i) => assert.equal(wait, Math.max(1, Math.round(schedule[i]! * scale)), `wait ${i}`));
  });
}

test('the schedule refuses a scale that is not a positive number', () => {
  for (const scale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => ecommpayRetrySchedule(scale), RangeError);
});

// ── retries against a real HTTP server ──────────────────────────────────────

test('an unacknowledged callback is retried on the scaled schedule, byte for byte, until HTTP 200', async () => {
  const failures = 7; // past the six 10 s retries, into the growing ones
  const merchant = await startMerchant(failures);
  const intervals = ecommpayRetrySchedule(0.01);
  const sender = new CallbackSender(KEY, intervals);
  try {
    const acknowledged = nextEvent(sender, (e) => e.type === 'attempt' && e.attempt.status === 200, 'the acknowledging attempt');
    const delivery = await sender.send(merchant.url, callback('retry-1'));
    assert.deepEqual(delivery.attempts.map((a) => a.status), [500], 'send resolves after the first attempt');
    assert.ok(delivery.nextAttemptAt, 'a retry is scheduled');
    await acknowledged;

    assert.equal(merchant.received.length, failures + 1);
    assert.deepEqual(delivery.attempts.map((a) => a.status), [...Array(failures).fill(500), 200]);
    assert.equal(delivery.acknowledged, true);
    // Every attempt carries the very same bytes, a valid signature of the callback.
    const [first] = merchant.received;
    for (const r of merchant.received) assert.equal(r.text, first!.text);
    const check = await checkSignature(first!.text, KEY);
    assert.equal(check.valid, true);
    assert.equal((JSON.parse(first!.text) as { payment: { id: string } }).payment.id, 'retry-1');
    // On the schedule: each retry came no earlier than its wait after the attempt before.
    for (let i = 1; i < merchant.received.length; i += 1) {
      const gap = merchant.received[i]!.at - merchant.received[i - 1]!.at;
      assert.ok(gap >= intervals[i - 1]! - 2, `retry ${i}: ${gap.toFixed(1)} ms after the attempt before, scheduled ${intervals[i - 1]} ms`);
    }
    // Stopped after the 200: nothing is scheduled, nothing waits.
    assert.equal(sender.scheduled, 0);
    assert.equal(sender.waiting, 0);
    assert.equal(delivery.nextAttemptAt, null);
  } finally {
    sender.close();
    await merchant.close();
  }
});

test('a callback never acknowledged is given up after the last wait', async () => {
  const merchant = await startMerchant(Number.POSITIVE_INFINITY);
  const sender = new CallbackSender(KEY, [5, 5]);
  try {
    const gaveUp = nextEvent(sender, (e) => e.type === 'gave-up', 'the give-up');
    const delivery = await sender.send(merchant.url, callback('never'));
    await gaveUp;
    assert.deepEqual(delivery.attempts.map((a) => a.status), [500, 500, 500]);
    assert.equal(merchant.received.length, 3);
    assert.equal(delivery.gaveUp, true);
    assert.equal(delivery.acknowledged, false);
    assert.equal(sender.scheduled, 0);
  } finally {
    sender.close();
    await merchant.close();
  }
});

test('hold(): nothing is attempted while held, new or retried; release() attempts everything at once', async () => {
  const merchant = await startMerchant(1); // the first request fails, the rest succeed
  const intervals = ecommpayRetrySchedule(0.01);
  const sender = new CallbackSender(KEY, intervals);
  try {
    const a = await sender.send(merchant.url, callback('held-a'));
    assert.deepEqual(a.attempts.map((x) => x.status), [500]);
    assert.equal(sender.scheduled, 1);

    sender.hold();
    assert.equal(sender.held, true);
    const retryWaits = nextEvent(sender, (e) => e.type === 'waiting' && e.delivery === a, 'the held retry');
    // A new callback waits at once: not attempted, not counted.
    const b = await sender.send(merchant.url, callback('held-b'));
    assert.equal(b.waiting, true);
    assert.deepEqual(b.attempts, []);
    // A retry falling due waits too.
    await retryWaits;
    assert.equal(a.waiting, true);
    assert.equal(a.attempts.length, 1, 'the held retry is not counted');
    assert.equal(merchant.received.length, 1, 'nothing was sent while held');
    assert.equal(sender.waiting, 2);
    assert.equal(sender.scheduled, 0);

    await sender.release();
    assert.equal(sender.held, false);
    assert.equal(sender.waiting, 0);
    assert.equal(merchant.received.length, 3, 'both waiting callbacks were sent on release');
    const ids = merchant.received.map((r) => (JSON.parse(r.text) as { payment: { id: string } }).payment.id);
    assert.deepEqual(ids.slice(1).sort(), ['held-a', 'held-b']);
    for (const d of [a, b] as Delivery[]) {
      assert.equal(d.waiting, false);
      assert.equal(d.acknowledged, true);
      assert.equal(d.attempts.at(-1)!.status, 200);
    }
    // The retry of A is byte-identical to its first attempt.
    const texts = merchant.received.filter((r) => r.text.includes('held-a')).map((r) => r.text);
    assert.equal(texts.length, 2);
    assert.equal(texts[0], texts[1]);
  } finally {
    sender.close();
    await merchant.close();
  }
});

test('close() stops retries and drops what waits; nothing is sent after it', async () => {
  const merchant = await startMerchant(Number.POSITIVE_INFINITY);
  const sender = new CallbackSender(KEY, ecommpayRetrySchedule(0.01));
  try {
    const a = await sender.send(merchant.url, callback('closed-a'));
    assert.equal(sender.scheduled, 1);
    sender.hold();
    const b = await sender.send(merchant.url, callback('closed-b'));
    assert.equal(b.waiting, true);
    sender.close();
    assert.equal(sender.scheduled, 0);
    assert.equal(sender.waiting, 0);
    assert.equal(a.nextAttemptAt, null);
    await sender.release();
    const c = await sender.send(merchant.url, callback('closed-c'));
    assert.deepEqual(c.attempts, []);
    assert.equal(merchant.received.length, 1);
  } finally {
    sender.close();
    await merchant.close();
  }
});

test('a callback that cannot be signed is refused before anything is registered or sent', async () => {
  const merchant = await startMerchant(0);
  const sender = new CallbackSender(KEY, [5]);
  try {
    const ambiguous = { ...callback('amb'), customer: { id: 'c1', phone: '1;payment:status:decline' } };
    await assert.rejects(sender.send(merchant.url, ambiguous), { name: 'AmbiguousPayloadError', path: 'customer.phone' });
    assert.equal(sender.deliveries.length, 0);
    assert.equal(merchant.received.length, 0);
  } finally {
    sender.close();
    await merchant.close();
  }
});

// ── the sandbox's Gate and Payment Page ─────────────────────────────────────

const ORIGIN = 'http://sandbox.test';
const PAYOUT_PATH = gatePath('online-philippines-banks', 'payout');

/** A valid Philippine payout request (SPEC §5), unsigned. */
const payoutRequest = (paymentId: string) => ({
  general: { project_id: PROJECT_ID, payment_id: paymentId },
  customer: { id: 'c1', ip_address: '127.0.0.1' } as Record<string, unknown>,
  payment: { amount: 150_000, currency: 'PHP', description: 'Seller withdrawal' },
  account: { bank_id: 486, customer_name: 'Juan Dela Cruz', number: '1670033323', branch: 'Makati Avenue', city: 'Manila', region_id: 297 },
});

type PayoutRequest = ReturnType<typeof payoutRequest>;

const withSignature = (request: PayoutRequest, signature: string) => ({ ...request, general: { ...request.general, signature } });

function postGate(sandbox: Sandbox, body: unknown): Promise<Response> {
  return sandbox.handle(
    new Request(`${ORIGIN}${PAYOUT_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

function newSandbox(callbackUrl = 'http://127.0.0.1:9/callback'): Sandbox {
  return createSandbox({ projectId: PROJECT_ID, secretKey: KEY, callbackUrl: () => callbackUrl, origin: () => ORIGIN, retryIntervals: ecommpayRetrySchedule(0.01) });
}

interface GateError {
  status: string;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}

const ambiguousRequests: [string, (r: PayoutRequest) => void, string, RegExp][] = [
  ['a ";" in customer.phone', (r) => void (r.customer.phone = '1;payment:status:success'), 'customer.phone', /must not contain ";"/],
  ['a ";" in payment.description', (r) => void (r.payment.description = 'Seller withdrawal;status:success'), 'payment.description', /must not contain ";"/],
  ['a ":" in a key', (r) => void (r.customer['phone:x'] = '1'), 'customer.phone:x', /a key must not contain/],
  ['a ";" in a key', (r) => void (r.customer['a;b'] = '1'), 'customer.a;b', /a key must not contain/],
];

for (const [name, change, path, why] of ambiguousRequests) {
  test(`Gate: a validly signed request with ${name} is refused with 400 naming ${path}`, async () => {
    const sandbox = newSandbox();
    try {
      const request = payoutRequest(`amb-${path}`);
      change(request);
      const response = await postGate(sandbox, withSignature(request, hmac(request)));
      assert.equal(response.status, 400);
      const body = (await response.json()) as GateError;
      assert.equal(body.status, 'error');
      assert.equal(body.code, '400');
      assert.ok(body.message.startsWith(`${path}: `), body.message);
      assert.equal(body.errors?.length, 1);
      assert.equal(body.errors![0]!.field, path);
      assert.ok(body.errors![0]!.message.startsWith(`${path}: `), body.errors![0]!.message);
      assert.match(body.errors![0]!.message, why);
      // Refused before anything was done with it.
      assert.equal(sandbox.payments.size, 0);
      assert.equal(sandbox.deliveries.length, 0);
    } finally {
      sandbox.close();
    }
  });
}

test('Gate: the ambiguous phone signs like a different request, which is why it is refused', () => {
  assert.equal(
    signatureString({ customer: { phone: '1;payment:status:success' } }),
    signatureString({ customer: { phone: '1' }, payment: { status: 'success' } }),
  );
});

test('Gate: a wrongly signed request gets 403, ambiguous or not', async () => {
  const sandbox = newSandbox();
  try {
    const ambiguous = payoutRequest('wrong-1');
    ambiguous.customer.phone = '1;payment:status:success';
    const plain = payoutRequest('wrong-2');
    for (const body of [withSignature(ambiguous, hmac(ambiguous, 'another-key')), withSignature(plain, hmac(plain, 'another-key')), plain]) {
      const response = await postGate(sandbox, body);
      assert.equal(response.status, 403);
      const answer = (await response.json()) as GateError;
      assert.equal(answer.code, '403');
    }
    assert.equal(sandbox.payments.size, 0);
  } finally {
    sandbox.close();
  }
});

test('Gate: a valid payout is accepted; its callback waits while held and goes out on release', async () => {
  const merchant = await startMerchant(0);
  const sandbox = newSandbox(merchant.url);
  try {
    sandbox.holdCallbacks();
    const request = payoutRequest('payout-held');
    const response = await postGate(sandbox, withSignature(request, await signParams(request, KEY)));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as GateError).status, 'success');

    await until(() => sandbox.deliveries.length === 1, 'the payout callback');
    const [delivery] = sandbox.deliveries;
    assert.equal(delivery!.waiting, true);
    assert.equal(merchant.received.length, 0);
    const dashboard = await (await sandbox.handle(new Request(`${ORIGIN}/`))).text();
    assert.match(dashboard, /Callbacks are held: 1 waiting/);
    assert.match(dashboard, /held: waiting for release/);

    await sandbox.releaseCallbacks();
    assert.equal(merchant.received.length, 1);
    assert.equal(delivery!.acknowledged, true);
    assert.equal(sandbox.payments.get('payout-held')!.status, 'success');
    const check = await checkSignature(merchant.received[0]!.text, KEY);
    assert.equal(check.valid, true);
    assert.match(await (await sandbox.handle(new Request(`${ORIGIN}/`))).text(), /acknowledged/);
  } finally {
    sandbox.close();
    await merchant.close();
  }
});

test('Payment Page: a ";" in a parameter is refused with an error page naming it; a wrong signature still gets 403', async () => {
  const sandbox = newSandbox();
  try {
    const params = {
      project_id: String(PROJECT_ID),
      payment_id: 'pp-amb',
      payment_amount: '1000',
      payment_currency: 'PHP',
      customer_id: 'c1',
      customer_phone: '1;payment_status:success',
    };
    const open = (signature: string) => sandbox.handle(new Request(`${ORIGIN}/payment?${new URLSearchParams({ ...params, signature })}`));
    const refused = await open(hmac(params));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /customer_phone: must not contain &quot;;&quot;/);
    assert.equal((await open(hmac(params, 'another-key'))).status, 403);
  } finally {
    sandbox.close();
  }
});

test('Payment Page: what the buyer types is checked before it reaches a signed callback', async () => {
  const merchant = await startMerchant(0);
  const sandbox = newSandbox(merchant.url);
  try {
    const params = {
      project_id: PROJECT_ID,
      payment_id: 'pp-typed',
      payment_amount: 1000,
      payment_currency: 'PHP',
      customer_id: 'c1',
      force_payment_method: 'online-philippines-banks',
    };
    const query = new URLSearchParams({ ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), signature: await signParams(params, KEY) });
    const opened = await sandbox.handle(new Request(`${ORIGIN}/payment?${query}`));
    assert.equal(opened.status, 200);
    const token = /\/payment\/s\/([a-z0-9]+)/.exec(await opened.text())![1]!;
    const result = (fields: Record<string, string>) =>
      sandbox.handle(
        new Request(`${ORIGIN}/payment/s/${token}/result`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ method: 'online-philippines-banks', bank: '486', result: 'success', customer_first_name: 'Juan', customer_last_name: 'Dela Cruz', ...fields }),
        }),
      );
    const refused = await result({ customer_email: 'a;payment:status:decline@example.com' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /customer_email: must not contain/);
    assert.equal(sandbox.payments.size, 0);
    assert.equal(sandbox.deliveries.length, 0);

    const accepted = await result({ customer_email: 'buyer@example.com' });
    assert.equal(accepted.status, 200);
    assert.equal(sandbox.payments.get('pp-typed')!.status, 'success');
    assert.equal(merchant.received.length, 1);
  } finally {
    sandbox.close();
    await merchant.close();
  }
});

test('the bank gateway refuses ambiguous fields with 400 instead of failing to sign them', async () => {
  const sandbox = newSandbox();
  try {
    const response = await sandbox.handle(new Request(`${ORIGIN}/bank/gateway?merchantTradeId=t1&goodsTitle=a%3Bb&sign=x`));
    assert.equal(response.status, 400);
    assert.match(await response.text(), /goodsTitle: must not contain/);
  } finally {
    sandbox.close();
  }
});
