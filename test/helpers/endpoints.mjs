// Test-only HTTP endpoints served by @web/test-runner beside the test pages.
//
//   ANY  /__test/respond?key=K&status=200&delay=0&type=application/json&body=...
//        answers with `body` (verbatim) after `delay` ms and records the request under K.
//   ANY  /__test/form?key=K   records a form submission (method, query, fields) under K,
//        answers with a tiny HTML page.
//   GET  /__test/requests?key=K   the requests recorded under K, as JSON.
//   GET  /__test/script?key=K&step=... scripted answers: the Nth request under K gets the
//        Nth `step` (JSON {status, body, delay}); the last one repeats.

/** @type {Map<string, Array<{method: string, url: string, headers: Record<string,string>, body: string, fields?: [string,string][] , aborted?: boolean}>>} */
const recorded = new Map();

const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });

const record = (key, entry) => {
  if (!recorded.has(key)) recorded.set(key, []);
  recorded.get(key).push(entry);
  return entry;
};

const sleep = (ms, res) =>
  new Promise((resolve) => {
    const t = setTimeout(() => resolve(true), ms);
    res.on('close', () => {
      clearTimeout(t);
      resolve(false);
    });
  });

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function testEndpoints(ctx, next) {
  if (!ctx.path.startsWith('/__test/')) return next();
  const url = new URL(ctx.url, 'http://x');
  const key = url.searchParams.get('key') ?? 'default';

  if (ctx.path === '/__test/requests') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(recorded.get(key) ?? []);
    return;
  }

  const body = await readBody(ctx.req);
  const entry = record(key, {
    method: ctx.method,
    url: ctx.url,
    headers: { 'content-type': ctx.get('content-type') },
    body,
    aborted: false,
  });

  if (ctx.path === '/__test/form') {
    const query = [...url.searchParams].filter(([k]) => k !== 'key');
    entry.fields = ctx.method === 'POST' ? [...new URLSearchParams(body)] : query;
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>received</title><p id="received">received</p>';
    return;
  }

  let status = Number(url.searchParams.get('status') ?? 200);
  let delay = Number(url.searchParams.get('delay') ?? 0);
  let type = url.searchParams.get('type') ?? 'application/json';
  let answer = url.searchParams.get('body') ?? '{}';

  if (ctx.path === '/__test/script') {
    const steps = url.searchParams.getAll('step').map((s) => JSON.parse(s));
    const n = recorded.get(key).length - 1;
    const step = steps[Math.min(n, steps.length - 1)] ?? {};
    status = step.status ?? 200;
    delay = step.delay ?? 0;
    answer = typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? {});
  }

  if (delay > 0 && !(await sleep(delay, ctx.res))) {
    entry.aborted = true;
    ctx.status = 499;
    return;
  }
  ctx.status = status;
  ctx.type = type;
  ctx.body = answer;
}
