/**
 * `toNodeHandler`: Fetch-standard handlers mounted on a real `node:http` server (127.0.0.1, port 0),
 * and on an Express-style request whose body a parser already read.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createCallbackHandler,
  signParams,
  toNodeHandler,
  type CallbackEvent,
  type FetchHandler,
  type NodeRequest,
} from '../../src/server/index.ts';

/** What an adapter tells the handler beyond the Request (`{ remoteAddress }`). */
type Info = Parameters<FetchHandler>[1];

const servers: Server[] = [];
after(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** One HTTP request on its own connection. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

// ── the request in, the response out ───────────────────────────────────────

test('method, URL (path and query), headers and a JSON body arrive intact; status, headers, two Set-Cookie and body come back', async () => {
  const seen: { method: string; url: string; headers: Headers; body: unknown; info: Info }[] = [];
  const handler: FetchHandler = async (request, info) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers, body: await request.json(), info });
    const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'x-answer': 'forty-two' });
    headers.append('set-cookie', 'session=abc; Path=/; HttpOnly');
    headers.append('set-cookie', 'theme=dark; Path=/');
    return new Response(JSON.stringify({ ok: true, text: '订单 ✓' }), { status: 201, headers });
  };
  const port = await listen(toNodeHandler(handler));
  const payload = { params: { payment_id: 'order-1', note: '结算款项 & more', n: [1, 2, 3] } };
  const reply = await send(port, {
    method: 'PUT',
    path: '/api/ecommpay/sign?x=1&y=%C3%A4&y=2',
    headers: { 'content-type': 'application/json', 'x-request-id': 'r-17', accept: 'application/json' },
    body: JSON.stringify(payload),
  });

  assert.equal(seen.length, 1);
  const [got] = seen;
  assert.equal(got!.method, 'PUT');
  assert.equal(got!.url, `http://127.0.0.1:${port}/api/ecommpay/sign?x=1&y=%C3%A4&y=2`);
  assert.deepEqual(new URL(got!.url).searchParams.getAll('y'), ['ä', '2']);
  assert.equal(got!.headers.get('x-request-id'), 'r-17');
  assert.equal(got!.headers.get('content-type'), 'application/json');
  assert.equal(got!.headers.get('accept'), 'application/json');
  assert.equal(got!.headers.get('host'), `127.0.0.1:${port}`);
  assert.deepEqual(got!.body, payload);
  assert.equal(got!.info?.remoteAddress, '127.0.0.1');

  assert.equal(reply.status, 201);
  assert.equal(reply.headers['x-answer'], 'forty-two');
  assert.equal(reply.headers['content-type'], 'application/json; charset=utf-8');
  assert.deepEqual(reply.headers['set-cookie'], ['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
  assert.deepEqual(JSON.parse(reply.body), { ok: true, text: '订单 ✓' });
});

test('GET and HEAD carry no body; the origin option replaces the Host header', async () => {
  const seen: { url: string; hasBody: boolean }[] = [];
  const handler: FetchHandler = async (request) => {
    seen.push({ url: request.url, hasBody: request.body !== null });
    return new Response('fine', { status: 200 });
  };
  const port = await listen(toNodeHandler(handler, { origin: 'https://shop.example' }));
  const reply = await send(port, { path: '/status?id=1', headers: { host: 'evil.example' } });
  assert.equal(reply.status, 200);
  assert.equal(reply.body, 'fine');
  const head = await send(port, { method: 'HEAD', path: '/status' });
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.deepEqual(seen, [
    { url: 'https://shop.example/status?id=1', hasBody: false },
    { url: 'https://shop.example/status', hasBody: false },
  ]);
});

test('a handler that throws (or rejects) → 500, and the server keeps serving', async () => {
  let calls = 0;
  const handler: FetchHandler = async (request) => {
    calls++;
    const path = new URL(request.url).pathname;
    if (path === '/throw') throw new Error('boom');
    if (path === '/reject') return Promise.reject(new TypeError('async boom'));
    return new Response('still here');
  };
  const port = await listen(toNodeHandler(handler));
  const thrown = await send(port, { path: '/throw' });
  assert.equal(thrown.status, 500);
  assert.doesNotMatch(thrown.body, /boom/, 'the error is not shown to the client');
  assert.equal((await send(port, { path: '/reject' })).status, 500);
  const next = await send(port, { path: '/ok' });
  assert.equal(next.status, 200);
  assert.equal(next.body, 'still here');
  assert.equal(calls, 3);
});

// ── the callback handler mounted: size caps hold end to end ─────────────────

const SECRET = 'node-handler-secret';

function callbackServer() {
  const events: CallbackEvent[] = [];
  const handler = createCallbackHandler({
    projectId: 4242,
    secretKey: SECRET,
    findPayment: async (id) => (id === 'order-1' ? { type: 'purchase', amount: 25000, currency: 'CNY' } : null),
    record: async (event) => {
      events.push(event);
      return 'recorded';
    },
  });
  return { handler, events };
}

const callback = {
  project_id: 4242,
  payment: { id: 'order-1', type: 'purchase', status: 'success', sum: { amount: 25000, currency: 'CNY' } },
  operation: { id: 1, type: 'sale', status: 'success', code: '0', message: 'Success' },
};

/**
 * Posts `total` bytes of spaces in 64 KiB writes, respecting back-pressure, and reports how much
 * had been written when the answer came. The upload continues after the answer unless the server
 * closes the connection.
 */
function upload(port: number, total: number, declareLength: boolean) {
  return new Promise<{ status: number; body: string; writtenAtAnswer: number; ms: number; peakRss: number }>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const started = performance.now();
    let written = 0;
    let peakRss = process.memoryUsage().rss;
    let answered = false;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (declareLength) headers['content-length'] = String(total);
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/callback', headers, agent: false }, (res) => {
      answered = true;
      const writtenAtAnswer = written;
      const ms = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), writtenAtAnswer, ms, peakRss });
      });
    });
    // The server may close the connection once it has answered: that ends the upload, not the test.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (written < total && !req.destroyed) {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        const size = Math.min(chunk.length, total - written);
        written += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          req.once('drain', pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

for (const declareLength of [true, false]) {
  test(`a 50 MB body ${declareLength ? 'with' : 'without'} Content-Length → 413 at once, memory flat, server keeps serving`, async () => {
    const { handler, events } = callbackServer();
    const port = await listen(toNodeHandler(handler));
    const total = 50 * 1024 * 1024;
    const baseline = process.memoryUsage().rss;
    const result = await upload(port, total, declareLength);
    assert.equal(result.status, 413);
    assert.match(result.body, /at most 262144 bytes/);
    assert.ok(result.writtenAtAnswer < total / 2, `answered only after ${result.writtenAtAnswer} bytes had been sent`);
    assert.ok(result.ms < 5000, `answered after ${Math.round(result.ms)} ms`);
    const growth = result.peakRss - baseline;
    assert.ok(growth < 20 * 1024 * 1024, `RSS grew by ${Math.round(growth / 1024 / 1024)} MB`);
    assert.equal(events.length, 0);

    const body = JSON.stringify({ ...callback, signature: await signParams(callback, SECRET) });
    const next = await send(port, { method: 'POST', path: '/callback', headers: { 'content-type': 'application/json' }, body });
    assert.equal(next.status, 200);
    assert.equal((JSON.parse(next.body) as { result: string }).result, 'applied');
    assert.equal(events.length, 1);
  });
}

test('a 5,000-deep 10 KB callback → a 4xx answer, not a crash; the server keeps serving', async () => {
  const { handler, events } = callbackServer();
  const port = await listen(toNodeHandler(handler));
  const deep = '{"signature":"' + 'A'.repeat(86) + '==","a":' + '['.repeat(4999) + '1' + ']'.repeat(4999) + '}';
  assert.ok(deep.length > 9_000 && deep.length < 11_000);
  const reply = await send(port, { method: 'POST', path: '/callback', headers: { 'content-type': 'application/json' }, body: deep });
  assert.ok([400, 403, 413].includes(reply.status), `answered ${reply.status}`);
  assert.equal(events.length, 0);
  const objects = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
  const again = await send(port, { method: 'POST', path: '/callback', headers: { 'content-type': 'application/json' }, body: objects });
  assert.ok([400, 403, 413].includes(again.status), `answered ${again.status}`);

  const body = JSON.stringify({ ...callback, signature: await signParams(callback, SECRET) });
  const next = await send(port, { method: 'POST', path: '/callback', headers: { 'content-type': 'application/json' }, body });
  assert.equal(next.status, 200);
  assert.equal(events.length, 1);
});

// ── a body a parser already read (Express's express.json(), express.text(), express.raw()) ──

/** A plain `ServerResponse` stand-in that keeps what is written. */
function memoryResponse() {
  const out = { status: 0, headers: {} as Record<string, string | string[]>, chunks: [] as Uint8Array[], ended: false };
  return {
    out,
    text: () => Buffer.concat(out.chunks).toString('utf8'),
    res: {
      headersSent: false,
      writeHead(status: number, headers: Record<string, string | string[]> = {}) {
        out.status = status;
        out.headers = headers;
        this.headersSent = true;
      },
      write(chunk: Uint8Array) {
        out.chunks.push(chunk);
      },
      end(chunk?: Uint8Array | string) {
        if (chunk) out.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        out.ended = true;
      },
    },
  };
}

/** An Express-style request whose stream a body parser consumed: `body` set, `readableEnded` true. */
const parsedRequest = (body: unknown, extra: Partial<NodeRequest> = {}): NodeRequest => ({
  method: 'POST',
  url: '/callback',
  headers: { host: 'shop.example', 'content-type': 'application/json' },
  socket: { remoteAddress: '::ffff:10.0.0.7' },
  body,
  readableEnded: true,
  on: () => undefined,
  ...extra,
});

test('an Express-style req.body already parsed (object, string, Buffer) reaches the handler', async () => {
  const seen: { url: string; text: string; info: Info }[] = [];
  const echo = toNodeHandler(async (request, info) => {
    seen.push({ url: request.url, text: await request.text(), info });
    return new Response('ok');
  });
  const object = { params: { payment_id: 'order-1', note: '结算' } };
  for (const body of [object, JSON.stringify(object), Buffer.from(JSON.stringify(object))]) {
    const { res, out, text } = memoryResponse();
    await echo(parsedRequest(body, { originalUrl: '/api/ecommpay/callback?x=1' }), res);
    assert.equal(out.status, 200);
    assert.equal(text(), 'ok');
    assert.ok(out.ended);
  }
  assert.equal(seen.length, 3);
  for (const s of seen) {
    assert.deepEqual(JSON.parse(s.text), object);
    assert.equal(s.url, 'http://shop.example/api/ecommpay/callback?x=1', 'originalUrl wins: Express strips the mount point from url');
    assert.equal(s.info?.remoteAddress, '10.0.0.7');
  }

  // The callback handler behind express.json(): the parsed object still verifies.
  const { handler, events } = callbackServer();
  const { res, out, text } = memoryResponse();
  await toNodeHandler(handler)(parsedRequest({ ...callback, signature: await signParams(callback, SECRET) }), res);
  assert.equal(out.status, 200);
  assert.equal((JSON.parse(text()) as { result: string }).result, 'applied');
  assert.equal(events.length, 1);
});

test('behind a real body-parsing middleware on node:http, the parsed body reaches the handler', async () => {
  const { handler, events } = callbackServer();
  const mounted = toNodeHandler(handler);
  const port = await listen((req, res) => {
    // What express.json() does: read the stream, set req.body; the stream has then ended.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const withBody = req as IncomingMessage & { body?: unknown };
      withBody.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      assert.equal(req.readableEnded, true);
      void mounted(withBody, res);
    });
  });
  const body = JSON.stringify({ ...callback, signature: await signParams(callback, SECRET) });
  const reply = await send(port, { method: 'POST', path: '/callback', headers: { 'content-type': 'application/json' }, body });
  assert.equal(reply.status, 200);
  assert.equal((JSON.parse(reply.body) as { result: string }).result, 'applied');
  assert.equal(events.length, 1);
});
