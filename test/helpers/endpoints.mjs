// Test-only HTTP endpoints served by @web/test-runner beside the test pages.
//
//   ANY  /__test/respond?key=K&status=200&delay=0&type=application/json&body=...
//        answers with `body` (verbatim) after `delay` ms and records the request under K.
//   ANY  /__test/form?key=K   records a form submission (method, query, fields) under K,
//        answers with a tiny HTML page.
//   GET  /__test/requests?key=K   the requests recorded under K, as JSON.
//   GET  /__test/script?key=K&step=... scripted answers: the Nth request under K gets the
//        Nth `step` (JSON {status, body, delay, cors}); the last one repeats. `cors: true` lets
//        any origin read the answer (Access-Control-Allow-Origin: *).
//   GET  /__test/pp/payment?...  a stand-in for ecommpay's Payment Page in a frame: a puppet page
//        (see PUPPET below) the test drives with postMessage. Launch parameters it reads:
//        pp_key (requests counted under it), pp_quiet=first|always (no epframe.loaded on the first
//        or on every load), pp_bounce=<origin> (302 to the same page on that origin).
//   GET  /__test/redirect?to=URL   answers 302 to URL (and records the request under key).
//   GET  /__test/seed   {"seed": FUZZ_SEED from the environment, or null}: the fuzz test's seed.

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

// The puppet Payment Page's script. It says `epframe.loaded` to its parent on load (unless told to
// stay quiet) after { puppetReady: true }, records every message it receives that is not a command, and obeys commands from
// the top page ({ puppet: … } objects):
//   { puppet: 'post', data }          posts `data` to its parent
//   { puppet: 'received' }            answers { puppetReceived: [{ data, origin }] } to the sender
//   { puppet: 'spoof', data }         a second frame of its own origin posts `data` to the top page
//                                     (the right origin, the wrong window)
const PUPPET = `(() => {
  const quiet = document.currentScript.dataset.quiet === 'true';
  const received = [];
  window.addEventListener('message', (event) => {
    const command = event.data && typeof event.data === 'object' ? event.data.puppet : undefined;
    if (command === 'post') return parent.postMessage(event.data.data, '*');
    if (command === 'received') return event.source.postMessage({ puppetReceived: received }, event.origin);
    if (command === 'spoof') {
      const other = document.createElement('iframe');
      other.srcdoc = '<script>top.postMessage(' + JSON.stringify(JSON.stringify(event.data.data)) + ', "*")<' + '/script>';
      return document.body.append(other);
    }
    received.push({ data: event.data, origin: event.origin });
  });
  // For the test page: commands are heard from now on (the element ignores a message without a name).
  parent.postMessage({ puppetReady: true }, '*');
  if (!quiet) parent.postMessage(JSON.stringify({ message: 'epframe.loaded', data: {} }), '*');
})();`;

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function testEndpoints(ctx, next) {
  if (!ctx.path.startsWith('/__test/')) return next();
  const url = new URL(ctx.url, 'http://x');
  const key = url.searchParams.get('key') ?? 'default';

  if (ctx.path === '/__test/pp/puppet.js') {
    ctx.type = 'text/javascript';
    ctx.body = PUPPET;
    return;
  }
  if (ctx.path === '/__test/pp/payment') {
    const bounce = url.searchParams.get('pp_bounce');
    if (bounce) {
      url.searchParams.delete('pp_bounce');
      ctx.redirect(`${bounce}${ctx.path}?${url.searchParams}`);
      return;
    }
    const ppKey = url.searchParams.get('pp_key') ?? 'pp';
    const loads = record(ppKey, { method: ctx.method, url: ctx.url, headers: {}, body: '', aborted: false }) && recorded.get(ppKey).length;
    const quietWhen = url.searchParams.get('pp_quiet');
    const quiet = quietWhen === 'always' || (quietWhen === 'first' && loads === 1);
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Payment Page</title></head>
<body><main><h1>Payment Page</h1><p>Load ${loads}</p></main>
<script src="/__test/pp/puppet.js" data-quiet="${quiet}"></script>
<!-- axe answers the test page's axe from inside the frame, as it must for to.be.accessible() to finish. -->
<script src="/node_modules/axe-core/axe.min.js"></script></body></html>`;
    return;
  }

  if (ctx.path === '/__test/seed') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : null });
    return;
  }
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

  if (ctx.path === '/__test/redirect') {
    ctx.redirect(url.searchParams.get('to') ?? '/');
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
    if (step.cors) ctx.set('access-control-allow-origin', '*');
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
