/**
 * `core/sign-client.ts`: the signing endpoint's answer, the time limit and the caller's abort, and
 * the HTTP call itself (against a real local server). Real short timers; no sleeps beyond the
 * time limit under test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EcommpayFailure, type IssueParams } from '../../../src/core/errors.ts';
import { anySignal, checkSignAnswer, signFailure, signOverHttp, withTimeout, type SignAnswer } from '../../../src/core/sign-client.ts';
import { summary } from './helpers.ts';

const PREFIX = 'The signing endpoint\'s answer is not {"signature": "<base64>", "params"?: {...}}: ';

// ── checkSignAnswer ────────────────────────────────────────────────────────

const accepted: [name: string, answer: unknown, value: SignAnswer][] = [
  ['a signature alone', { signature: 'AAAA' }, { signature: 'AAAA' }],
  ['Base64 with + / and padding', { signature: 'c2ln+/==' }, { signature: 'c2ln+/==' }],
  ['flat scalar params', { signature: 'AAAA', params: { a: 1, b: 'x', c: true } }, { signature: 'AAAA', params: { a: 1, b: 'x', c: true } }],
  ['empty params', { signature: 'AAAA', params: {} }, { signature: 'AAAA', params: {} }],
  ['unknown keys dropped', { signature: 'AAAA', error: null, extra: { a: 1 } }, { signature: 'AAAA' }],
];

for (const [name, answer, value] of accepted) {
  test(`checkSignAnswer accepts ${name}`, () => {
    assert.deepEqual(checkSignAnswer(answer), value);
  });
}

const refused: [name: string, answer: unknown, issues: string[], message: RegExp, params?: IssueParams][] = [
  ['a signature with a space', { signature: 'a b' }, ['signature pattern'], /^signature must look like Base64 text$/, { example: 'Base64 text' }],
  ['an empty signature', { signature: '' }, ['signature pattern'], /^signature must look like Base64 text$/, { example: 'Base64 text' }],
  ['too much padding', { signature: 'AAA===' }, ['signature pattern'], /^signature must look like Base64 text$/, { example: 'Base64 text' }],
  ['URL-safe Base64', { signature: 'ab-_' }, ['signature pattern'], /^signature must look like Base64 text$/, { example: 'Base64 text' }],
  ['no signature', {}, ['signature required'], /^signature is required$/],
  ['a null signature', { signature: null }, ['signature required'], /^signature is required$/],
  ['a numeric signature', { signature: 5 }, ['signature type'], /^signature must be /],
  ['params as an array', { signature: 'AAAA', params: [] }, ['params type'], /^params must be an object of parameters$/, { expected: 'an object of parameters' }],
  ['params null', { signature: 'AAAA', params: null }, ['params type'], /^params must be an object of parameters$/, { expected: 'an object of parameters' }],
  ['params as a string', { signature: 'AAAA', params: 'a=1' }, ['params type'], /^params must be an object of parameters$/, { expected: 'an object of parameters' }],
  ['nested, null and NaN params, each named', { signature: 'AAAA', params: { a: { b: 1 }, ok: 1, c: null, d: NaN } }, ['params.a scalar', 'params.c scalar', 'params.d scalar'], /^params\.a must be a string, a number or a boolean$/],
  ['a bad signature and bad params together', { signature: '', params: [] }, ['signature pattern', 'params type'], /^signature must look like/, { example: 'Base64 text' }],
  ['null', null, ['answer required'], /^answer is required$/],
  ['a string', 'AAAA', ['answer type'], /^answer must be /],
  ['an array', [{ signature: 'AAAA' }], ['answer type'], /^answer must be /],
];

for (const [name, answer, issues, message, params] of refused) {
  test(`checkSignAnswer refuses ${name} (sign-invalid-response, naming the field)`, () => {
    let thrown: unknown;
    try {
      checkSignAnswer(answer);
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof EcommpayFailure, `threw ${String(thrown)}`);
    assert.equal(thrown.code, 'sign-invalid-response');
    assert.deepEqual(summary(thrown.issues ?? []), issues);
    assert.match(thrown.issues![0]!.message, message);
    assert.deepEqual(thrown.issues![0]!.params, params);
    assert.equal(thrown.message, PREFIX + thrown.issues!.map((i) => i.message).join('; '));
    assert.deepEqual(thrown.toDetail(), { code: 'sign-invalid-response', message: thrown.message, issues: thrown.issues });
  });
}

// ── withTimeout ────────────────────────────────────────────────────────────

/** Work that never settles, recording the signal it was given. */
function pending() {
  const seen: AbortSignal[] = [];
  const work = (signal: AbortSignal) => {
    seen.push(signal);
    return new Promise<string>(() => {});
  };
  return { seen, work };
}

test('withTimeout: the work’s value when it finishes in time; its signal is not aborted', async () => {
  const seen: AbortSignal[] = [];
  const value = await withTimeout(1000, new AbortController().signal, async (signal) => {
    seen.push(signal);
    await new Promise((r) => setTimeout(r, 5));
    return 'signed';
  });
  assert.equal(value, 'signed');
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.aborted, false);
});

test('withTimeout: the time limit rejects with sign-timeout and aborts the work’s signal', async () => {
  const { seen, work } = pending();
  const started = performance.now();
  await assert.rejects(withTimeout(25, new AbortController().signal, work), (e: unknown) => {
    assert.ok(e instanceof EcommpayFailure);
    assert.equal(e.code, 'sign-timeout');
    assert.equal(e.message, 'No signature within 25 ms');
    assert.equal(e.issues, undefined);
    return true;
  });
  assert.ok(performance.now() - started >= 20, 'not before the limit');
  assert.equal(seen[0]!.aborted, true);
});

test('withTimeout: work finishing after the limit does not win', async () => {
  const late = withTimeout(10, new AbortController().signal, () => new Promise<string>((r) => setTimeout(() => r('late'), 30)));
  await assert.rejects(late, { name: 'EcommpayFailure', code: 'sign-timeout' });
});

test('withTimeout: the caller’s abort rejects with an AbortError (not sign-timeout) and aborts the work’s signal', async () => {
  const { seen, work } = pending();
  const caller = new AbortController();
  const started = performance.now();
  const running = withTimeout(5000, caller.signal, work);
  setTimeout(() => caller.abort(), 10);
  await assert.rejects(running, (e: unknown) => {
    assert.ok(e instanceof DOMException, `not a DOMException: ${String(e)}`);
    assert.equal(e.name, 'AbortError');
    return true;
  });
  assert.ok(performance.now() - started < 1000, 'at the abort, not at the limit');
  assert.equal(seen[0]!.aborted, true);
});

test('withTimeout: an already aborted signal rejects at once with an AbortError', async () => {
  const { seen, work } = pending();
  const caller = new AbortController();
  caller.abort();
  await assert.rejects(withTimeout(5000, caller.signal, work), { name: 'AbortError' });
  assert.equal(seen[0]!.aborted, true);
});

test('withTimeout: the work’s own failure passes through unchanged', async () => {
  const failure = new EcommpayFailure('sign-http', 'The signing endpoint answered HTTP 500');
  await assert.rejects(
    withTimeout(1000, new AbortController().signal, () => Promise.reject(failure)),
    (e: unknown) => e === failure,
  );
});

test('withTimeout: a time limit above 2^31 − 1 ms does not fire at once', async () => {
  const value = await withTimeout(2 ** 31, new AbortController().signal, () => new Promise<string>((r) => setTimeout(() => r('signed'), 20)));
  assert.equal(value, 'signed');
});

// ── anySignal ──────────────────────────────────────────────────────────────

function checkAnySignal() {
  const a = new AbortController();
  const b = new AbortController();
  const both = anySignal(a.signal, b.signal);
  assert.equal(both.aborted, false);
  b.abort('b went');
  assert.equal(both.aborted, true);
  assert.equal(both.reason, 'b went');
  a.abort('a later');
  assert.equal(both.reason, 'b went');

  const gone = new AbortController();
  gone.abort('already');
  const early = anySignal(new AbortController().signal, gone.signal);
  assert.equal(early.aborted, true);
  assert.equal(early.reason, 'already');
}

test('anySignal: aborted by either, with its reason (AbortSignal.any)', () => {
  checkAnySignal();
});

test('anySignal: the same without AbortSignal.any (older Safari and Firefox)', () => {
  const original = AbortSignal.any;
  Reflect.set(AbortSignal, 'any', undefined);
  try {
    checkAnySignal();
  } finally {
    Reflect.set(AbortSignal, 'any', original);
  }
  assert.equal(AbortSignal.any, original);
});

// ── signOverHttp, against a local server ───────────────────────────────────

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A local server for one test: its URL, the requests it got, and close(). */
async function serve(handler: Handler) {
  const requests: { method: string; type: string | undefined; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', type: req.headers['content-type'], body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sign`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

test('signOverHttp: POSTs {"params"} as JSON and returns the checked answer', async () => {
  const server = await serve((_req, _body, res) => json(res, 200, { signature: 'c2ln', params: { payment_amount: 1000 } }));
  try {
    const answer = await signOverHttp(server.url, { payment_id: 'p-1', payment_amount: 1000 }, new AbortController().signal);
    assert.deepEqual(answer, { signature: 'c2ln', params: { payment_amount: 1000 } });
    assert.deepEqual(server.requests, [{ method: 'POST', type: 'application/json', body: '{"params":{"payment_id":"p-1","payment_amount":1000}}' }]);
  } finally {
    await server.close();
  }
});

const httpFailures: [name: string, handler: Handler, code: string, message: string][] = [
  ['an HTTP error with the backend’s reason', (_q, _b, res) => json(res, 422, { error: 'amount too low' }), 'sign-http', 'The signing endpoint answered HTTP 422: amount too low'],
  ['an HTTP error without a JSON body', (_q, _b, res) => json(res, 500, 'oops'), 'sign-http', 'The signing endpoint answered HTTP 500'],
  ['a refusal: already paid', (_q, _b, res) => json(res, 409, { error: 'the payment is already paid: A1', code: 'already-paid' }), 'already-paid', 'The signing endpoint answered HTTP 409 (already-paid): the payment is already paid: A1'],
  ['a refusal: unknown payment', (_q, _b, res) => json(res, 404, { error: 'unknown payment: A1', code: 'unknown-payment' }), 'unknown-payment', 'The signing endpoint answered HTTP 404 (unknown-payment): unknown payment: A1'],
  ['a refusal: expired, without a message', (_q, _b, res) => json(res, 410, { code: 'expired' }), 'expired', 'The signing endpoint answered HTTP 410 (expired)'],
  ['a refusal: amount changed', (_q, _b, res) => json(res, 409, { error: 'new total', code: 'amount-changed' }), 'amount-changed', 'The signing endpoint answered HTTP 409 (amount-changed): new total'],
  ['a code no refusal has stays sign-http', (_q, _b, res) => json(res, 409, { error: 'no', code: 'paid' }), 'sign-http', 'The signing endpoint answered HTTP 409: no'],
  ['a JSON null body', (_q, _b, res) => json(res, 500, null), 'sign-http', 'The signing endpoint answered HTTP 500'],
  ['a body that is not JSON', (_q, _b, res) => json(res, 200, '<html>'), 'sign-invalid-response', 'The signing endpoint did not answer with JSON'],
  ['JSON that is not an answer', (_q, _b, res) => json(res, 200, { sig: 'x' }), 'sign-invalid-response', `${PREFIX}signature is required`],
];

for (const [name, handler, code, message] of httpFailures) {
  test(`signOverHttp: ${name} → ${code}`, async () => {
    const server = await serve(handler);
    try {
      await assert.rejects(signOverHttp(server.url, { a: 1 }, new AbortController().signal), (error: EcommpayFailure) => {
        assert.deepEqual([error.name, error.code, error.message], ['EcommpayFailure', code, message]);
        if (code !== 'sign-invalid-response') assert.equal(error.status, Number(/HTTP (\d+)/.exec(message)![1]));
        return true;
      });
    } finally {
      await server.close();
    }
  });
}

const signFailures: [name: string, thrown: unknown, code: string, message: string][] = [
  ['a failure with a code passes through', new EcommpayFailure('sign-http', 'HTTP 500'), 'sign-http', 'HTTP 500'],
  ['an error whose code is a refusal', Object.assign(new Error('order A1 is paid'), { code: 'already-paid' }), 'already-paid', 'The sign function refused the payment (already-paid): order A1 is paid'],
  ['a plain object with a refusal code', { code: 'expired' }, 'expired', 'The sign function refused the payment (expired): [object Object]'],
  ['an error with another code', Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' }), 'sign-invalid-response', 'ECONNRESET'],
  ['a string', 'no', 'sign-invalid-response', 'no'],
  ['null', null, 'sign-invalid-response', 'null'],
];

for (const [name, thrown, code, message] of signFailures) {
  test(`signFailure: ${name} → ${code}`, () => {
    const failure = signFailure(thrown);
    assert.deepEqual([failure.code, failure.message], [code, message]);
  });
}

test('signOverHttp: nobody listening → sign-network, naming the URL', async () => {
  const server = await serve(() => {});
  await server.close();
  await assert.rejects(signOverHttp(server.url, { a: 1 }, new AbortController().signal), {
    name: 'EcommpayFailure',
    code: 'sign-network',
    message: `The signing endpoint ${server.url} could not be reached`,
  });
});

test('signOverHttp: the caller’s abort stays an AbortError', async () => {
  const server = await serve((_req, _body, res) => setTimeout(() => json(res, 200, { signature: 'AAAA' }), 200));
  const caller = new AbortController();
  try {
    const running = signOverHttp(server.url, { a: 1 }, caller.signal);
    setTimeout(() => caller.abort(), 10);
    await assert.rejects(running, { name: 'AbortError' });
  } finally {
    await server.close();
  }
});
