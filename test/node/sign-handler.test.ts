/** `createSignHandler`: the backend decides the money, the customer and the method; the browser only proposes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSignHandler, verifySignature, type RefusedPayment, type ResolvedPayment, type SignHandlerOptions } from '../../src/server/index.ts';

const SECRET = 'demo-secret';
const URL_ = 'http://shop.example/api/ecommpay/sign';
const orders: Record<string, ResolvedPayment> = {
  'order-1': { amount: 25000, currency: 'CNY', description: '订单 1', method: 'cup-bank', customerId: 'cust-1' },
  'order-2': {
    amount: 150000,
    currency: 'PHP',
    method: 'online-philippines-banks',
    customerId: 'cust-2',
    params: { merchant_success_url: 'https://shop.example/ok' },
  },
  'order-cheap': { amount: 500, currency: 'CNY', description: 'too cheap for CUP', method: 'cup-bank', customerId: 'cust-3' },
  'order-big': { amount: 20_000_000, currency: 'CNY', description: '大额', method: 'cup-bank', customerId: 'cust-4' },
  'order-big-contract': { amount: 20_000_000, currency: 'CNY', description: '大额', method: 'cup-bank', maxAmount: 50_000_000, customerId: 'cust-5' },
  'order-contract-min': { amount: 20_000, currency: 'CNY', description: '订单', method: 'cup-bank', minAmount: 50_000, customerId: 'cust-6' },
};

const handler = createSignHandler({
  projectId: 4242,
  secretKey: SECRET,
  resolvePayment: async ({ params }) => orders[String(params.payment_id)] ?? null,
});

const JSON_TYPE = { 'content-type': 'application/json' };

const post = (body: unknown, init: RequestInit = {}) =>
  handler(new Request(URL_, { method: 'POST', body: JSON.stringify(body), headers: JSON_TYPE, ...init }));

type Answer = { signature?: string; params?: Record<string, unknown>; error?: string; code?: string; issues?: { field: string; message: string }[] };

/** A handler over one answer of `resolvePayment` (or a function of the request), counting its calls. */
function handlerWith(resolved: ResolvedPayment | RefusedPayment | null | ((params: Record<string, unknown>) => ResolvedPayment | null), options: Partial<SignHandlerOptions> = {}) {
  const calls = { count: 0 };
  const sign = createSignHandler({
    projectId: 4242,
    secretKey: SECRET,
    resolvePayment: async ({ params }) => {
      calls.count++;
      return typeof resolved === 'function' ? resolved(params) : resolved;
    },
    ...options,
  });
  const send = async (params: Record<string, unknown>, headers: Record<string, string> = JSON_TYPE) => {
    const res = await sign(new Request(URL_, { method: 'POST', body: JSON.stringify({ params }), headers }));
    return { status: res.status, answer: (await res.json()) as Answer };
  };
  return { sign, send, calls };
}

/** Nothing signed: no signature in the answer. */
const unsigned = (answer: Answer) => assert.equal(answer.signature, undefined, `signed: ${JSON.stringify(answer)}`);

// ── the original protocol (adapted: the customer is the server's, the body is typed JSON) ──

test('signs with the amount, currency, project and customer of the order, not of the request', async () => {
  const res = await post({
    params: { project_id: 1, payment_id: 'order-1', payment_amount: 1, payment_currency: 'USD', customer_id: 'c1', language_code: 'zh' },
  });
  assert.equal(res.status, 200);
  const { signature, params } = (await res.json()) as { signature: string; params: Record<string, unknown> };
  assert.deepEqual(params, {
    project_id: 4242,
    payment_id: 'order-1',
    customer_id: 'cust-1',
    language_code: 'zh',
    payment_amount: 25000,
    payment_currency: 'CNY',
    payment_description: '订单 1',
  });
  assert.equal(await verifySignature({ ...params, signature }, SECRET), true);
});

test('server-side parameters from resolvePayment are added and signed', async () => {
  const res = await post({ params: { payment_id: 'order-2', customer_id: 'c2', force_payment_method: 'online-philippines-banks' } });
  assert.equal(res.status, 200);
  const { params, signature } = (await res.json()) as { params: Record<string, unknown>; signature: string };
  assert.equal(params.merchant_success_url, 'https://shop.example/ok');
  assert.equal(params.payment_amount, 150000);
  assert.equal(params.customer_id, 'cust-2');
  assert.equal(await verifySignature({ ...params, signature }, SECRET), true);
});

test('refuses parameters a browser must not choose (mode, callback URLs), naming them', async () => {
  for (const key of ['mode', 'merchant_callback_url', 'redirect_success_url', 'signature']) {
    const res = await post({ params: { payment_id: 'order-1', [key]: 'x' } });
    assert.equal(res.status, 400, key);
    assert.match(((await res.json()) as { error: string }).error, new RegExp(key));
  }
});

test('unknown order → 404; bad body → 400; GET → 405; lookup failure → 500; rule break → 422', async () => {
  assert.equal((await post({ params: { payment_id: 'nope' } })).status, 404);
  assert.equal((await post({ nothing: true })).status, 400);
  assert.equal((await post({ params: { payment_id: 'order-1', customer_id: { a: 1 } } })).status, 400);
  assert.equal((await handler(new Request('http://x/', { method: 'POST', body: '{', headers: JSON_TYPE }))).status, 400);
  assert.equal((await handler(new Request('http://x/'))).status, 405);
  const failing = createSignHandler({ projectId: 1, secretKey: 's', resolvePayment: () => Promise.reject(new Error('db down')) });
  assert.equal((await failing(new Request('http://x/', { method: 'POST', body: '{"params":{"payment_id":"a"}}', headers: JSON_TYPE }))).status, 500);
  const cheap = await post({ params: { payment_id: 'order-cheap', language_code: 'zh' } });
  assert.equal(cheap.status, 422);
  assert.match(((await cheap.json()) as { error: string }).error, /payment_amount must be at least 10000/);
  const semicolon = await post({ params: { payment_id: 'order-2', customer_first_name: 'a;b' } });
  assert.equal(semicolon.status, 422);
});

// ── refusals the buyer can act on: resolvePayment says why, the answer carries the code ──

const refusals: { name: string; answer: ResolvedPayment | RefusedPayment | null; status: number; code: string; error: RegExp }[] = [
  { name: 'null: an unknown order', answer: null, status: 404, code: 'unknown-payment', error: /^unknown payment: order-x$/ },
  { name: 'unknown-payment, given', answer: { refuse: 'unknown-payment' }, status: 404, code: 'unknown-payment', error: /^unknown payment: order-x$/ },
  { name: 'already-paid', answer: { refuse: 'already-paid' }, status: 409, code: 'already-paid', error: /^the payment is already paid: order-x$/ },
  { name: 'amount-changed', answer: { refuse: 'amount-changed' }, status: 409, code: 'amount-changed', error: /^the amount of the payment has changed: order-x$/ },
  { name: 'expired', answer: { refuse: 'expired' }, status: 410, code: 'expired', error: /^the payment has expired: order-x$/ },
  { name: "the merchant's own message", answer: { refuse: 'expired', message: 'order-x was open for more than 24 h' }, status: 410, code: 'expired', error: /^order-x was open for more than 24 h$/ },
];

for (const c of refusals) {
  test(`refused by resolvePayment, ${c.name}: HTTP ${c.status} with code ${c.code}, nothing signed`, async () => {
    const { status, answer } = await handlerWith(c.answer).send({ payment_id: 'order-x', customer_id: 'c' });
    assert.equal(status, c.status);
    assert.equal(answer.code, c.code);
    assert.match(answer.error!, c.error);
    unsigned(answer);
  });
}

test('a refusal code resolvePayment has no business giving is its bug: 500 naming refuse, nothing signed', async () => {
  const { status, answer } = await handlerWith({ refuse: 'paid' } as unknown as RefusedPayment).send({ payment_id: 'order-x' });
  assert.equal(status, 500);
  assert.match(answer.error!, /^resolvePayment answered wrongly: refuse must be one of unknown-payment, already-paid, amount-changed, expired \(got paid\)$/);
  assert.equal(answer.code, undefined);
  unsigned(answer);
});

test('configuration errors are thrown at once', () => {
  assert.throws(() => createSignHandler({ projectId: 0, secretKey: 's', resolvePayment: async () => null }), /projectId/);
  assert.throws(() => createSignHandler({ projectId: 1, secretKey: '', resolvePayment: async () => null }), /secretKey/);
});

test("the order's own limits (minAmount/maxAmount) replace the method's documented ones", async () => {
  const sign = (id: string) => post({ params: { payment_id: id, language_code: 'zh' } });
  const big = await sign('order-big');
  assert.equal(big.status, 422, 'above the documented 100,000.00 CNY');
  assert.match(((await big.json()) as { error: string }).error, /payment_amount must be at most 10000000/);
  const contract = await sign('order-big-contract');
  assert.equal(contract.status, 200, 'within the contract limit');
  assert.equal(((await contract.json()) as { params: Record<string, unknown> }).params.payment_amount, 20_000_000);
  const min = await sign('order-contract-min');
  assert.equal(min.status, 422, 'below the contract minimum, though above the documented one');
  assert.match(((await min.json()) as { error: string }).error, /payment_amount must be at least 50000/);
});

// ── body size ────────────────────────────────────────────────────────────────

/** `{"params":{…}}` padded with trailing JSON whitespace to exactly `size` bytes. */
function bodyOf(size: number, params: Record<string, unknown> = { payment_id: 'order-1', language_code: 'zh' }) {
  const text = JSON.stringify({ params });
  assert.ok(size >= text.length);
  return text + ' '.repeat(size - text.length);
}

/** A request whose body arrives as a stream, so no Content-Length is known. */
const streamed = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.slice(at, at + 4096));
      controller.close();
    },
  });
  return new Request(URL_, { method: 'POST', body, headers: JSON_TYPE, duplex: 'half' } as RequestInit);
};

test('body cap: 64 KiB by default, with or without Content-Length; above it 413 and nothing looked up or signed', async () => {
  const { sign, calls } = handlerWith(orders['order-1']!);
  const exactly = bodyOf(64 * 1024);
  const over = bodyOf(64 * 1024 + 1);
  const cases: [string, Request, number][] = [
    ['64 KiB, Content-Length', new Request(URL_, { method: 'POST', body: exactly, headers: { ...JSON_TYPE, 'content-length': String(exactly.length) } }), 200],
    ['64 KiB, streamed', streamed(exactly), 200],
    ['64 KiB + 1, Content-Length', new Request(URL_, { method: 'POST', body: over, headers: { ...JSON_TYPE, 'content-length': String(over.length) } }), 413],
    ['64 KiB + 1, streamed', streamed(over), 413],
    ['1 MiB, streamed', streamed(bodyOf(1024 * 1024)), 413],
  ];
  for (const [name, request, status] of cases) {
    const before = calls.count;
    const res = await sign(request);
    assert.equal(res.status, status, name);
    const answer = (await res.json()) as Answer;
    if (status === 413) {
      unsigned(answer);
      assert.equal(calls.count, before, `${name}: resolvePayment must not be called`);
    } else {
      assert.equal(typeof answer.signature, 'string', name);
    }
  }
});

test('body cap: the maxBodyBytes option; a declared length over it is refused without reading the body', async () => {
  const { sign, calls } = handlerWith(orders['order-1']!, { maxBodyBytes: 1024 });
  assert.equal((await sign(new Request(URL_, { method: 'POST', body: bodyOf(1024), headers: JSON_TYPE }))).status, 200);
  assert.equal((await sign(new Request(URL_, { method: 'POST', body: bodyOf(1025), headers: JSON_TYPE }))).status, 413);
  assert.equal((await sign(streamed(bodyOf(1025)))).status, 413);

  let pulled = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 512;
      controller.enqueue(new Uint8Array(512).fill(0x20));
    },
  });
  const declared = new Request(URL_, {
    method: 'POST',
    body: endless,
    headers: { ...JSON_TYPE, 'content-length': String(10 * 1024 * 1024) },
    duplex: 'half',
  } as RequestInit);
  assert.equal((await sign(declared)).status, 413);
  assert.ok(pulled <= 1024, `read ${pulled} bytes of a body declared at 10 MiB`);
  assert.equal(calls.count, 1, 'only the accepted request was looked up');
  assert.throws(() => createSignHandler({ projectId: 1, secretKey: 's', resolvePayment: async () => null, maxBodyBytes: 0 }), /maxBodyBytes/);
});

// ── Content-Type ─────────────────────────────────────────────────────────────

test('Content-Type must be application/json: 415 otherwise, before anything is looked up', async () => {
  const { sign, calls } = handlerWith(orders['order-1']!);
  const body = JSON.stringify({ params: { payment_id: 'order-1', language_code: 'zh' } });
  const cases: [string, RequestInit, number][] = [
    ['text/plain', { headers: { 'content-type': 'text/plain' } }, 415],
    ['text/plain (a string body by default)', {}, 415],
    ['none (a byte body)', { body: new TextEncoder().encode(body) }, 415],
    ['form', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
    ['multipart', { headers: { 'content-type': 'multipart/form-data; boundary=x' } }, 415],
    ['application/jsonp', { headers: { 'content-type': 'application/jsonp' } }, 415],
    ['text/json', { headers: { 'content-type': 'text/json' } }, 415],
    ['application/json', { headers: JSON_TYPE }, 200],
    ['application/json; charset=utf-8', { headers: { 'content-type': 'application/json; charset=utf-8' } }, 200],
    ['Application/JSON (media types are case-insensitive)', { headers: { 'content-type': 'Application/JSON' } }, 200],
  ];
  for (const [name, init, status] of cases) {
    const request = new Request(URL_, { method: 'POST', body, ...init });
    if (name.startsWith('none')) assert.equal(request.headers.get('content-type'), null);
    const before = calls.count;
    const res = await sign(request);
    assert.equal(res.status, status, name);
    if (status === 415) {
      unsigned((await res.json()) as Answer);
      assert.equal(calls.count, before, `${name}: resolvePayment must not be called`);
    }
  }
});

// ── the customer ─────────────────────────────────────────────────────────────

test("customer_id is the server's: the browser's is replaced; without customerId → 500 naming it", async () => {
  const withCustomer = handlerWith(orders['order-1']!);
  const replaced = await withCustomer.send({ payment_id: 'order-1', language_code: 'zh', customer_id: 'someone-else' });
  assert.equal(replaced.status, 200);
  assert.equal(replaced.answer.params!.customer_id, 'cust-1');
  const absent = await withCustomer.send({ payment_id: 'order-1', language_code: 'zh' });
  assert.equal(absent.status, 200);
  assert.equal(absent.answer.params!.customer_id, 'cust-1');

  const { customerId: _, ...anonymous } = orders['order-1']!;
  const without = handlerWith(anonymous);
  for (const params of [{ payment_id: 'order-1', language_code: 'zh' }, { payment_id: 'order-1', language_code: 'zh', customer_id: 'from-browser' }]) {
    const { status, answer } = await without.send(params);
    assert.equal(status, 500, JSON.stringify(params));
    assert.match(answer.error!, /customerId/);
    unsigned(answer);
  }
  const blank = await handlerWith({ ...anonymous, customerId: '' }).send({ payment_id: 'order-1', language_code: 'zh' });
  assert.equal(blank.status, 500);
  assert.match(blank.answer.error!, /customerId/);
});

test("clientCustomerId: true signs the browser's customer_id, which must then be present (400)", async () => {
  const { customerId: _, ...anonymous } = orders['order-1']!;
  const { send } = handlerWith(anonymous, { clientCustomerId: true });
  const ok = await send({ payment_id: 'order-1', language_code: 'zh', customer_id: 'browser-7' });
  assert.equal(ok.status, 200);
  assert.equal(ok.answer.params!.customer_id, 'browser-7');
  assert.equal(await verifySignature({ ...ok.answer.params, signature: ok.answer.signature }, SECRET), true);
  for (const customer of [undefined, '']) {
    const { status, answer } = await send({ payment_id: 'order-1', language_code: 'zh', ...(customer === undefined ? {} : { customer_id: customer }) });
    assert.equal(status, 400, `customer_id ${String(customer)}`);
    assert.match(answer.error!, /customer_id/);
    unsigned(answer);
  }
});

// ── the method ───────────────────────────────────────────────────────────────

test("method: required and known in resolvePayment's answer (500 naming it); a different force_payment_method → 422", async () => {
  const { method: _, ...noMethod } = orders['order-1']!;
  for (const [name, resolved] of [
    ['no method', noMethod],
    ['unknown method', { ...noMethod, method: 'visa' }],
    ['method in another form', { ...noMethod, method: 'CUP_BANK' }],
  ] as [string, ResolvedPayment][]) {
    const { status, answer } = await handlerWith(resolved).send({ payment_id: 'order-1', language_code: 'zh' });
    assert.equal(status, 500, name);
    assert.match(answer.error!, /method/, name);
    unsigned(answer);
  }
  const cup = handlerWith(orders['order-1']!);
  const other = await cup.send({ payment_id: 'order-1', language_code: 'zh', force_payment_method: 'online-philippines-banks' });
  assert.equal(other.status, 422);
  assert.match(other.answer.error!, /force_payment_method/);
  unsigned(other.answer);
  const same = await cup.send({ payment_id: 'order-1', language_code: 'zh', force_payment_method: 'cup-bank' });
  assert.equal(same.status, 200);
  assert.equal(same.answer.params!.force_payment_method, 'cup-bank');
  // The method's rules apply even when the browser names no method: CUP needs language_code zh.
  const rules = await cup.send({ payment_id: 'order-1', language_code: 'en' });
  assert.equal(rules.status, 422);
  assert.match(rules.answer.error!, /language_code/);
});

// ── payment_methods_options ──────────────────────────────────────────────────

type BankOptions = { online_philippines_banks: { split_banks?: boolean; banks_id?: number[] } };

/** Sends each option set for the Philippine order and checks it is signed, saying the same thing. */
async function expectAccepted(sets: BankOptions[]) {
  const ph = handlerWith(orders['order-2']!);
  for (const options of sets) {
    const { status, answer } = await ph.send({ payment_id: 'order-2', payment_methods_options: JSON.stringify(options) });
    assert.equal(status, 200, `${JSON.stringify(options)}: ${answer.error}`);
    const signedOptions = answer.params!.payment_methods_options;
    assert.ok(signedOptions === undefined || typeof signedOptions === 'string', JSON.stringify(options));
    // What is signed says the same as what was sent (a `false`, an empty list, or options that
    // change nothing may be left out).
    const inner = signedOptions === undefined ? {} : (JSON.parse(signedOptions as string) as BankOptions).online_philippines_banks;
    const sent = options.online_philippines_banks;
    assert.deepEqual(
      { split: inner.split_banks ?? false, banks: inner.banks_id ?? [] },
      { split: sent.split_banks ?? false, banks: sent.banks_id ?? [] },
      JSON.stringify(options),
    );
    assert.equal(await verifySignature({ ...answer.params, signature: answer.signature }, SECRET), true);
  }
}

test('payment_methods_options: the Philippine display variants as a JSON string are accepted and signed', async () => {
  await expectAccepted([
    { online_philippines_banks: { split_banks: true, banks_id: [2421, 2371] } },
    { online_philippines_banks: { banks_id: [486] } },
    { online_philippines_banks: { split_banks: true } },
    { online_philippines_banks: { split_banks: false, banks_id: [486, 487] } },
  ]);
});

test('payment_methods_options: options that change nothing are within the shape ({"split_banks":false}, {}) → accepted', async () => {
  await expectAccepted([{ online_philippines_banks: { split_banks: false } }, { online_philippines_banks: {} }]);
});

test('payment_methods_options: any other shape, or any for CUP → 422 naming it, nothing signed', async () => {
  const ph = handlerWith(orders['order-2']!);
  const refused: [string, unknown][] = [
    ['another key', '{"cup_bank":{"split_banks":true}}'],
    ['another key beside it', '{"online_philippines_banks":{"split_banks":true},"other":{}}'],
    ['another inner key', '{"online_philippines_banks":{"split_banks":true,"redirect":"https://evil.example"}}'],
    ['split_banks as text', '{"online_philippines_banks":{"split_banks":"true"}}'],
    ['split_banks as 1', '{"online_philippines_banks":{"split_banks":1}}'],
    ['banks_id with 0', '{"online_philippines_banks":{"banks_id":[0]}}'],
    ['banks_id negative', '{"online_philippines_banks":{"banks_id":[-486]}}'],
    ['banks_id fractional', '{"online_philippines_banks":{"banks_id":[1.5]}}'],
    ['banks_id as text', '{"online_philippines_banks":{"banks_id":["486"]}}'],
    ['banks_id unsafe', `{"online_philippines_banks":{"banks_id":[${2 ** 53}]}}`],
    ['banks_id with null', '{"online_philippines_banks":{"banks_id":[486,null]}}'],
    ['banks_id not a list', '{"online_philippines_banks":{"banks_id":486}}'],
    ['inner list', '{"online_philippines_banks":[486]}'],
    ['inner null', '{"online_philippines_banks":null}'],
    ['not JSON', '{online_philippines_banks:{}}'],
    ['a JSON list', '[{"online_philippines_banks":{}}]'],
    ['a JSON string', '"online_philippines_banks"'],
    ['JSON null', 'null'],
    ['empty', ''],
    ['a number, not a JSON string', 5],
    ['a boolean', true],
  ];
  for (const [name, options] of refused) {
    const { status, answer } = await ph.send({ payment_id: 'order-2', payment_methods_options: options });
    assert.equal(status, 422, name);
    assert.match(answer.error!, /payment_methods_options/, name);
    unsigned(answer);
  }

  const cup = handlerWith(orders['order-1']!);
  for (const options of ['{"online_philippines_banks":{"split_banks":true}}', '{}', '{"cup_bank":{}}']) {
    const { status, answer } = await cup.send({ payment_id: 'order-1', language_code: 'zh', payment_methods_options: options });
    assert.equal(status, 422, `CUP: ${options}`);
    assert.match(answer.error!, /payment_methods_options/);
    unsigned(answer);
  }
});

// ── resolvePayment's answer ──────────────────────────────────────────────────

test("resolvePayment's answer is checked: a wrong amount, currency, description or limit → 500 naming it, nothing signed", async () => {
  const base = orders['order-1']!;
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['amount NaN', { amount: NaN }, /amount/],
    ['amount -500', { amount: -500 }, /amount/],
    ['amount 1.5', { amount: 1.5 }, /amount/],
    ["amount '100'", { amount: '100' }, /amount/],
    ['amount 0', { amount: 0 }, /amount/],
    ['amount Infinity', { amount: Infinity }, /amount/],
    ['amount 2^53', { amount: 2 ** 53 }, /amount/],
    ['amount missing', { amount: undefined }, /amount/],
    ["currency 'cny'", { currency: 'cny' }, /currency/],
    ["currency 'CN'", { currency: 'CN' }, /currency/],
    ["currency 'CNYY'", { currency: 'CNYY' }, /currency/],
    ['currency empty', { currency: '' }, /currency/],
    ['currency a number', { currency: 156 }, /currency/],
    ['currency missing', { currency: undefined }, /currency/],
    ['description of 256 characters', { description: 'x'.repeat(256) }, /description/],
    ['description not text', { description: 42 }, /description/],
    ['minAmount -1', { minAmount: -1 }, /minAmount/],
    ['minAmount 1.5', { minAmount: 1.5 }, /minAmount/],
    ['minAmount NaN', { minAmount: NaN }, /minAmount/],
    ["minAmount '100'", { minAmount: '100' }, /minAmount/],
    ['maxAmount -1', { maxAmount: -1 }, /maxAmount/],
    ['maxAmount 1e20', { maxAmount: 1e20 }, /maxAmount/],
    ["maxAmount '100'", { maxAmount: '100' }, /maxAmount/],
  ];
  for (const [name, change, field] of cases) {
    const resolved = { ...base, ...change } as unknown as ResolvedPayment;
    const { status, answer } = await handlerWith(resolved).send({ payment_id: 'order-1', language_code: 'zh' });
    assert.equal(status, 500, name);
    assert.match(answer.error!, field, name);
    unsigned(answer);
  }
  // The edges that are fine.
  const fine: [string, Partial<ResolvedPayment>][] = [
    ['description of 255 characters', { description: 'x'.repeat(255) }],
    ['minAmount 0', { minAmount: 0 }],
    ['maxAmount equal to the amount', { maxAmount: base.amount }],
  ];
  for (const [name, change] of fine) {
    const { status } = await handlerWith({ ...base, ...change }).send({ payment_id: 'order-1', language_code: 'zh' });
    assert.equal(status, 200, name);
  }
});

// ── ambiguity (SPEC §11) ─────────────────────────────────────────────────────

test('anything ambiguous, from the browser or from resolvePayment → 422 naming the parameter; nothing signed', async () => {
  const base = orders['order-2']!;
  const cases: [string, Record<string, unknown>, Partial<ResolvedPayment>, RegExp][] = [
    ['browser customer_first_name', { customer_first_name: 'Jack;payment_amount:1' }, {}, /customer_first_name/],
    ['browser customer_last_name', { customer_last_name: ';' }, {}, /customer_last_name/],
    ['browser payment_id', { payment_id: 'order-2;payment_amount:1' }, {}, /payment_id/],
    ['browser customer_phone', { customer_phone: '639171234567;x' }, {}, /customer_phone/],
    ['browser language_code', { language_code: 'en;x' }, {}, /language_code/],
    ['server description', {}, { description: 'order;payment_amount:1' }, /payment_description/],
    ['server customerId', {}, { customerId: 'cust;2' }, /customer_id/],
    ['server params value', {}, { params: { merchant_success_url: 'https://shop.example/ok;x' } }, /merchant_success_url/],
    ['server params key with :', {}, { params: { 'merchant:success_url': 'https://shop.example/ok' } }, /merchant:success_url/],
    ['server params key with ;', {}, { params: { 'merchant;x': '1' } }, /merchant;x/],
  ];
  for (const [name, browser, server, field] of cases) {
    const { status, answer } = await handlerWith({ ...base, ...server }).send({ payment_id: 'order-2', ...browser });
    assert.equal(status, 422, name);
    assert.match(answer.error!, field, name);
    unsigned(answer);
  }
});
