// Speed benchmarks: `npm run bench` (builds first). Figures, not pass/fail: timings depend on the
// machine, so nothing here is part of `npm test`; the README quotes a run with the machine named.
//
//   node scripts/bench.mjs [--reps 15] [--dir <cdn>] [--compare <cdn>]
//                          [--src <src>] [--compare-src <src>] [--server <server.js>] [--compare-server <server.js>]
//                          [--no-browser] [--no-node]
//
//   --dir       the CDN build to measure (default dist/cdn). Its server.js (`<dir>/../server.js`) and its
//               sources (`<dir>/../../src`) are used for the Node measures unless --server / --src say otherwise.
//   --compare   a second CDN build, measured in the same run, interleaved with the first and the baseline.
//
// Node:     signParams / verifySignature of the build's server.js (and the official SDK's signer, for
//           scale); parseCheckoutConfig of `<src>/core/launch.ts` (through tsx) per call, with the same
//           input, an equal copy, and a changing input. Rounds interleave the builds; min/median/max of
//           the round means.
// Chromium: every page load is a NEW browser context (no HTTP cache, a new renderer process, a cold
//           `Intl`). A shop page with <ecommpay-checkout> is measured against the same page without our
//           script (a plain button and a text amount), loaded in turn (baseline, A, B, baseline, A, B…,
//           the starting kind rotating every round), at 1× and 4× CPU throttling, over loopback and
//           under an emulated network. Files are served the way a CDN serves them: brotli, precompressed
//           at startup. Measured in the page, from navigation start: the amount shown in the checkout's
//           shadow root after `ecommpay-ready` (the baseline: its amount at DOMContentLoaded), the next
//           frame, `load`, script bytes transferred; then a real click on the pay button → the
//           `ecommpay-launch` event, through a real signing endpoint (`createSignHandler` behind
//           `toNodeHandler` at POST /api/sign), once the page's main thread is idle. The baseline's
//           click posts the same parameters to the same endpoint with a bare fetch. One warm-up load
//           per page first (the browser process itself stays up, as a buyer's does).
//
// Compare builds in one run, e.g.  node scripts/bench.mjs --dir ../before/dist/cdn --compare dist/cdn
// An A/A run (the same build twice) shows the machine's noise floor: differences below it mean nothing.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const started = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

// ── arguments ────────────────────────────────────────────────────────────────

const { values: opt } = parseArgs({
  options: {
    reps: { type: 'string', default: '15' },
    dir: { type: 'string' },
    compare: { type: 'string' },
    src: { type: 'string' },
    'compare-src': { type: 'string' },
    server: { type: 'string' },
    'compare-server': { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    'no-node': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]);
  process.exit(0);
}
const REPS = Number(opt.reps);
if (!Number.isSafeInteger(REPS) || REPS < 1) {
  console.error('--reps needs a positive whole number');
  process.exit(2);
}

/** A build to measure: its CDN folder, its server helpers and (optionally) its sources. */
function build(name, dir, server, src) {
  const cdn = resolve(dir);
  const entry = join(cdn, 'ecommpay-elements.js');
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run npm run build, or pass --dir / --compare`);
    process.exit(2);
  }
  const serverJs = resolve(server ?? join(cdn, '..', 'server.js'));
  if (!existsSync(serverJs)) {
    console.error(`${serverJs} is missing: pass --server / --compare-server`);
    process.exit(2);
  }
  const srcRoot = resolve(src ?? join(cdn, '..', '..', 'src'));
  const launchTs = join(srcRoot, 'core', 'launch.ts');
  return { name, cdn, serverJs, launchTs: existsSync(launchTs) ? launchTs : null, srcRoot };
}

const builds = [build('A', opt.dir ?? join(root, 'dist/cdn'), opt.server, opt.src)];
if (opt.compare) builds.push(build('B', opt.compare, opt['compare-server'], opt['compare-src']));
const cols = builds.map((b) => b.name);

// ── statistics and formatting ────────────────────────────────────────────────

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (values) => {
  const xs = values.filter(Number.isFinite);
  return xs.length ? { min: Math.min(...xs), med: median(xs), max: Math.max(...xs), n: xs.length, xs } : null;
};

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
const phi = (z) => {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
};
/**
 * Two-sided Mann–Whitney U test (normal approximation, tie and continuity corrections): how likely
 * two samples this far apart are if both came from the same distribution. Coarse for n = 5.
 */
function mannWhitneyP(a, b) {
  const all = [...a.map((v) => [v, 0]), ...b.map((v) => [v, 1])].sort((x, y) => x[0] - y[0]);
  const n1 = a.length;
  const n2 = b.length;
  const n = n1 + n2;
  let rankSum = 0;
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1][0] === all[i][0]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (all[k][1] === 0) rankSum += rank;
    ties += (j - i + 1) ** 3 - (j - i + 1);
    i = j + 1;
  }
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1))));
  if (!sigma) return 1;
  const z = Math.max(0, Math.abs(u - (n1 * n2) / 2) - 0.5) / sigma;
  return Math.min(1, 2 * (1 - phi(z)));
}
const pValue = (a, b) => {
  const p = mannWhitneyP(a.xs, b.xs);
  return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(p < 0.01 ? 3 : 2)}`;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const us = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
/** `median (min–max)` with a unit formatter. */
const cell = (s, f, unit) => (s ? `${f(s.med)} ${unit} (${f(s.min)}–${f(s.max)})` : '—');
/** A's median over B's, and the difference when a unit is given. */
const ratio = (a, b, f, unit) => {
  if (!a || !b || !b.med) return '—';
  const r = `${(a.med / b.med).toFixed(2)}×`;
  if (f === 'plain') return r;
  if (!f) return `${r} (${pValue(a, b)})`;
  const d = a.med - b.med;
  return `${r} (${d >= 0 ? '+' : '−'}${f(Math.abs(d))} ${unit})`;
};
const pad = (s, n) => String(s).padEnd(n);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const printTable = (header, rows) => {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? pad(c, widths[i]) : String(c).padStart(widths[i]))).join('   ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
};

// ── machine ──────────────────────────────────────────────────────────────────

const browser = opt['no-browser'] ? null : await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
const playwrightVersion = require('playwright-core/package.json').version;
const chromiumVersion = browser?.version() ?? null;

console.log('# ecommpay-elements benchmark\n');
console.log(`machine:  ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores (available ${availableParallelism()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${release()} ${process.arch}`);
console.log(`load:     ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1/5/15 min) at start`);
console.log(`runtime:  Node ${process.version}${chromiumVersion ? `, Chromium ${chromiumVersion} (headless, ${chromiumPath()}), playwright-core ${playwrightVersion}` : ''}`);
for (const b of builds) {
  console.log(`build ${b.name}:  ${b.cdn}\n          server ${b.serverJs}\n          src    ${b.launchTs ? b.srcRoot : `(none: ${b.srcRoot}/core/launch.ts missing)`}`);
}
console.log(`reps:     ${REPS} per cell\n`);
/** A load average above half the cores means something else competes for the CPU: say so where the figures are. */
const busy = (when) => {
  const load = loadavg()[0];
  if (load > cpus().length / 2) console.log(`⚠ the machine is busy ${when} (1-min load ${load.toFixed(2)} on ${cpus().length} cores): figures are noisy; an A/A run (--compare with the same build) shows how noisy.\n`);
};
busy('at start');

// ── Node: signing and parseCheckoutConfig ────────────────────────────────────

const SECRET = 'bench-secret';
const PROJECT_ID = 581;
const ORDER = { id: 'ORDER-2026-000123', amount: 25000, currency: 'CNY', customer: 'customer-42', description: '订单 2026-000123：茶叶礼盒' };
const pageParams = {
  project_id: PROJECT_ID,
  payment_id: ORDER.id,
  payment_amount: ORDER.amount,
  payment_currency: ORDER.currency,
  customer_id: ORDER.customer,
  payment_description: ORDER.description,
  language_code: 'zh',
  force_payment_method: 'cup-bank',
  customer_email: 'buyer@example.com',
  customer_first_name: '张',
  customer_last_name: '伟',
  merchant_success_url: 'https://shop.example/return',
};
const callbackBody = {
  project_id: PROJECT_ID,
  payment: { id: ORDER.id, type: 'purchase', status: 'success', date: '2026-11-23T10:00:00+0000', method: 'cup-bank', sum: { amount: 25000, currency: 'CNY' }, description: '订单' },
  account: { number: '621483******1234' },
  customer: { id: ORDER.customer },
  operation: {
    id: 28000000000001, type: 'sale', status: 'success', date: '2026-11-23T10:00:00+0000', created_date: '2026-11-23T09:59:00+0000',
    request_id: 'a1b2c3d4e5f6-00001', sum_initial: { amount: 25000, currency: 'CNY' }, sum_converted: { amount: 25000, currency: 'CNY' },
    code: '0', message: 'Success', provider: { id: 1000, payment_id: 'P-1', auth_code: '', endpoint_id: 'CUP', date: '2026-11-23T10:00:00+0000' },
  },
};
/** What <ecommpay-checkout> reads from its attributes (attribute names as keys), for parseCheckoutConfig. */
const CHECKOUT_INPUT = {
  method: 'cup-bank',
  'project-id': String(PROJECT_ID),
  'payment-id': ORDER.id,
  amount: String(ORDER.amount),
  currency: null,
  'customer-id': ORDER.customer,
  description: ORDER.description,
  language: null,
  'customer-email': 'buyer@example.com',
  'customer-first-name': null,
  'customer-last-name': null,
  preselect: false,
  'split-banks': false,
  'banks-id': null,
  'min-amount': null,
  'max-amount': null,
  'sign-url': '/api/sign',
  extraParams: null,
};

for (const b of builds) b.server = await import(pathToFileURL(b.serverJs).href);
const sdkSign = require('ecommpay/src/signer.js');

/**
 * Runs each job `calls` times per round, rounds interleaved (job 1, job 2, …, job 1, job 2, …),
 * after a warm-up; gives µs per call for every round.
 */
async function rounds(jobs, { rounds: n, warmup }) {
  const out = new Map(jobs.map((j) => [j.key, []]));
  for (const j of jobs) for (let i = 0; i < warmup; i++) await j.fn(i);
  for (let r = 0; r < n; r++) {
    for (const j of r % 2 ? [...jobs].reverse() : jobs) {
      const t0 = performance.now();
      if (j.async) for (let i = 0; i < j.calls; i++) await j.fn(i);
      else for (let i = 0; i < j.calls; i++) j.fn(i);
      out.get(j.key).push(((performance.now() - t0) * 1000) / j.calls);
    }
  }
  return out;
}

const nodeRows = []; // { what, baseline?, per build: stats (µs) }
if (!opt['no-node']) {
  console.log('## Node (µs per call: median of the round means, min–max over the rounds)\n');
  const sign = [{ key: 'sdk', fn: () => sdkSign(pageParams, SECRET), calls: 2000 }];
  for (const b of builds) {
    const signature = await b.server.signParams(callbackBody, SECRET);
    const body = { ...callbackBody, signature };
    if (!(await b.server.verifySignature(body, SECRET))) throw new Error(`build ${b.name}: verifySignature refused its own signature`);
    sign.push(
      { key: `sign ${b.name}`, fn: () => b.server.signParams(pageParams, SECRET), calls: 2000, async: true },
      { key: `verify ${b.name}`, fn: () => b.server.verifySignature(body, SECRET), calls: 2000, async: true },
    );
  }
  const signed = await rounds(sign, { rounds: 5, warmup: 300 });
  const per = (prefix) => Object.fromEntries(builds.map((b) => [b.name, stats(signed.get(`${prefix} ${b.name}`))]));
  nodeRows.push(
    { what: 'signParams, 12 Payment Page parameters', baselineName: 'official SDK signer', baseline: stats(signed.get('sdk')), ...per('sign') },
    { what: 'verifySignature, a nested callback (40 values)', ...per('verify') },
  );

  let serial = 0;
  const parseJobs = [];
  for (const b of builds.filter((x) => x.launchTs)) {
    const { parseCheckoutConfig: parse } = await tsImport(pathToFileURL(b.launchTs).href, import.meta.url);
    if (typeof parse !== 'function') throw new Error(`${b.launchTs} exports no parseCheckoutConfig`);
    const first = parse(CHECKOUT_INPUT, 'zh');
    if (!first?.ok) throw new Error(`build ${b.name}: parseCheckoutConfig refused the bench input: ${JSON.stringify(first?.issues ?? first)}`);
    parseJobs.push(
      { key: `same ${b.name}`, fn: () => parse(CHECKOUT_INPUT, 'zh'), calls: 2000 },
      { key: `equal ${b.name}`, fn: () => parse({ ...CHECKOUT_INPUT }, 'zh'), calls: 2000 },
      // Never the same twice (a cache keyed on the content cannot help): amount and payment ID change.
      { key: `changing ${b.name}`, fn: () => parse({ ...CHECKOUT_INPUT, amount: String(20_000 + (++serial % 50_000)), 'payment-id': `ORDER-${serial}` }, 'zh'), calls: 2000 },
    );
  }
  if (parseJobs.length) {
    const parsed = await rounds(parseJobs, { rounds: 5, warmup: 500 });
    const per = (prefix) => Object.fromEntries(builds.map((b) => [b.name, stats(parsed.get(`${prefix} ${b.name}`) ?? [])]));
    nodeRows.push(
      { what: "parseCheckoutConfig(input, 'zh'), the same input object", ...per('same') },
      { what: 'parseCheckoutConfig, an equal copy each call', ...per('equal') },
      { what: 'parseCheckoutConfig, a changing input (amount, payment-id)', ...per('changing') },
    );
  }
  const header = ['µs per call', 'baseline', ...cols, ...(builds.length > 1 ? ['B ÷ A'] : [])];
  printTable(
    header,
    nodeRows.map((r) => [
      r.what,
      r.baseline ? `${cell(r.baseline, us, 'µs')} ${r.baselineName}` : '—',
      ...cols.map((c) => cell(r[c], us, 'µs')),
      ...(builds.length > 1 ? [ratio(r.B, r.A)] : []),
    ]),
  );
  console.log('\n5 rounds, interleaved; 2000 calls a round (10,000 in all per row), after 300 (signing) or 500 (parsing) warm-up calls.\n');
}

// ── Chromium: the pages ──────────────────────────────────────────────────────

/** The network profile applied through CDP (Network.emulateNetworkConditions). */
const NET = { name: '40 ms / 10 Mbit/s', latency: 40, down: 10e6 / 8, up: 5e6 / 8 };
const NETWORKS = [{ name: 'loopback (no throttling)', key: 'loopback', conditions: null }, { name: `${NET.name} (40 ms latency, 10 Mbit/s down, 5 Mbit/s up)`, key: NET.name, conditions: NET }];
const CPU_RATES = [1, 4];
const PAGE_TIMEOUT = 30_000;

const SIGN_PARAMS = { project_id: PROJECT_ID, payment_id: ORDER.id, payment_amount: ORDER.amount, payment_currency: ORDER.currency, customer_id: ORDER.customer, payment_description: ORDER.description, language_code: 'zh' };

// In-page probe, a classic inline script in <head> (before any element exists or upgrades). It fills
// `window.__result` and resolves `window.__rendered` (amount shown, then the next frame) and
// `window.__launched` (click → launch); an `ecommpay-error` or a failed signing rejects them.
const PROBE = (kind) => `
(() => {
  const r = (window.__result = {});
  const now = () => performance.now();
  let rendered, launched, renderFailed, launchFailed;
  window.__rendered = new Promise((resolve, reject) => { rendered = resolve; renderFailed = reject; });
  window.__launched = new Promise((resolve, reject) => { launched = resolve; launchFailed = reject; });
  window.__rendered.catch(() => {});
  window.__launched.catch(() => {});
  const failed = (error) => { renderFailed(error); launchFailed(error); };
  const shown = () => {
    if (r.shown !== undefined) return;
    r.shown = now();
    requestAnimationFrame(() => { r.painted = now(); rendered(); });
  };
  addEventListener('click', (e) => { r.clickAt = e.timeStamp > 0 && e.timeStamp <= now() ? e.timeStamp : now(); r.inputDelay = now() - r.clickAt; }, true);
  addEventListener('load', () => {
    const nav = performance.getEntriesByType('navigation')[0];
    r.dcl = nav.domContentLoadedEventStart;
    r.load = nav.loadEventStart;
  });
  ${kind === 'checkout' ? `
  document.addEventListener('ecommpay-error', (e) => failed(new Error('ecommpay-error ' + JSON.stringify(e.detail))));
  document.addEventListener('ecommpay-launch', (e) => {
    e.preventDefault();
    r.launch = now() - r.clickAt;
    launched();
  });
  document.addEventListener('ecommpay-ready', (e) => {
    if (r.ready !== undefined) return;
    r.ready = now();
    const el = e.target;
    const check = () => {
      const amount = el.shadowRoot && el.shadowRoot.querySelector('[part~="amount"]');
      if (!amount || !amount.textContent.trim()) return false;
      r.amountText = amount.textContent.trim();
      shown();
      return true;
    };
    if (check()) return;
    Promise.resolve(el.updateComplete).then(() => {
      if (check() || !el.shadowRoot) return;
      const watch = new MutationObserver(() => { if (check()) watch.disconnect(); });
      watch.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true });
    });
  });` : `
  document.addEventListener('DOMContentLoaded', () => {
    const amount = document.querySelector('.amount');
    r.amountText = amount.textContent.trim();
    shown();
    document.querySelector('main button').addEventListener('click', async () => {
      try {
        const response = await fetch('/api/sign', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ params: ${JSON.stringify(SIGN_PARAMS)} }),
          credentials: 'same-origin',
        });
        const answer = await response.json();
        if (!response.ok || typeof answer.signature !== 'string') throw new Error('sign answered ' + response.status + ' ' + JSON.stringify(answer));
        r.launch = now() - r.clickAt;
        launched();
      } catch (error) {
        failed(error);
      }
    });
  });`}
})();`;

// The same shop page, with our checkout or with a plain amount and button.
const shopPage = (kind, head, widget) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>订单 ${ORDER.id}</title>
<script>${PROBE(kind)}</script>
${head}
</head>
<body>
<main>
<h1>订单 ${ORDER.id}</h1>
<p>${ORDER.description}</p>
${widget}
</main>
</body>
</html>
`;
const PAGES = {
  '/baseline.html': shopPage('baseline', '', '<dl><dt>金额</dt><dd class="amount">¥250.00</dd></dl>\n<button type="button">Pay ¥250.00</button>'),
  '/checkout.html': shopPage(
    'checkout',
    '<script type="module" src="/cdn/ecommpay-elements.js"></script>',
    `<ecommpay-checkout method="cup-bank" project-id="${PROJECT_ID}" payment-id="${ORDER.id}" amount="${ORDER.amount}"
  customer-id="${ORDER.customer}" description="${ORDER.description}" sign-url="/api/sign"></ecommpay-checkout>`,
  ),
};

// ── the server: a CDN (precompressed) and a shop backend (the signing endpoint) ──

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const brotli = (bytes, text = true) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
    },
  });
const precompressed = (raw, type) => ({ type, raw, br: brotli(raw, /^text\/|json/.test(type)), gzip: gzipSync(raw, { level: 9 }) });
const walk = (d) => readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));

/** One origin per build: its CDN files under /cdn/, the two pages, and POST /api/sign with its own server.js. */
async function startSite(b) {
  const files = new Map();
  for (const file of walk(b.cdn)) {
    if (file.endsWith('.map')) continue; // a browser without DevTools open never fetches them
    files.set(`/cdn/${relative(b.cdn, file).split(sep).join('/')}`, precompressed(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream'));
  }
  for (const [path, html] of Object.entries(PAGES)) files.set(path, precompressed(Buffer.from(html), TYPES['.html']));

  const { createSignHandler, toNodeHandler } = b.server;
  const counts = { signed: 0, refused: [] };
  const sign = toNodeHandler(
    createSignHandler({
      projectId: PROJECT_ID,
      secretKey: SECRET,
      // As the demo backend does: the order store is the authority on amount, currency, method, customer.
      async resolvePayment({ params }) {
        if (params.payment_id !== ORDER.id) return null;
        return { amount: ORDER.amount, currency: ORDER.currency, method: 'cup-bank', customerId: ORDER.customer, description: ORDER.description };
      },
    }),
  );
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/sign') {
      void sign(req, res).then(() => {
        if (res.statusCode === 200) counts.signed++;
        else counts.refused.push(res.statusCode);
      });
      return;
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? files.get(path) : undefined;
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const accept = String(req.headers['accept-encoding'] ?? '');
    const [encoding, body] = /\bbr\b/.test(accept) ? ['br', file.br] : /\bgzip\b/.test(accept) ? ['gzip', file.gzip] : [null, file.raw];
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': String(body.length),
      vary: 'Accept-Encoding',
      'cache-control': path.startsWith('/cdn/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'access-control-allow-origin': '*',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { build: b, files, counts, server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** One page load in a fresh browser context: render, load, bytes, then a real click → launch. */
async function loadOnce({ origin, path, click }, cpu, network) {
  const context = await browser.newContext();
  const problems = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: network.latency, downloadThroughput: network.down, uploadThroughput: network.up });
    }
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.evaluate(() => window.__rendered);
    // A buyer reads before paying: click once the main thread has gone idle, not mid-way through leftover work.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
    await page.locator(click).first().click();
    await page.evaluate(() => window.__launched);
    return await page.evaluate(() => {
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => e.initiatorType === 'script' || /\.m?js$/.test(new URL(e.name).pathname));
      const sum = (k) => scripts.reduce((n, e) => n + e[k], 0);
      const shown = window.__result.shown;
      const before = scripts.filter((e) => e.startTime < shown).map((e) => e.responseEnd);
      return {
        ...window.__result,
        scriptsDone: before.length ? Math.max(...before) : undefined,
        scripts: scripts.length,
        scriptTransfer: sum('transferSize'),
        scriptEncoded: sum('encodedBodySize'),
        scriptDecoded: sum('decodedBodySize'),
        encodings: [...new Set(scripts.map((e) => e.contentEncoding || '?'))].join(','),
      };
    });
  } catch (error) {
    throw new Error(`${origin}${path} (CPU ${cpu}×, ${network ? network.name : 'loopback'}): ${error.message}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  } finally {
    await context.close();
  }
}

const MEASURES = [
  { key: 'shown', what: 'amount shown (checkout: ready + [part=amount]; baseline: DOMContentLoaded)', f: ms, unit: 'ms', md: 'amount shown' },
  { key: 'scriptsDone', what: '… its last script received (responseEnd)', f: ms, unit: 'ms' },
  { key: 'painted', what: '… next animation frame', f: ms, unit: 'ms' },
  { key: 'dcl', what: 'DOMContentLoaded', f: ms, unit: 'ms' },
  { key: 'load', what: 'load event', f: ms, unit: 'ms', md: '`load`' },
  { key: 'launch', what: 'click → ecommpay-launch via POST /api/sign (baseline: bare fetch)', f: ms, unit: 'ms', md: 'click → launch (signed)' },
  { key: 'inputDelay', what: '… of which input delay (click timeStamp → first listener)', f: ms, unit: 'ms' },
  { key: 'scriptTransfer', what: 'script bytes transferred (headers + compressed bodies)', f: (n) => (n / 1000).toFixed(1), unit: 'kB', bytes: true },
];

const results = new Map(); // `${net}|${cpu}` → Map(kind → rows)
let sites = [];
if (browser) {
  try {
    sites = await Promise.all(builds.map(startSite));
    console.log('## Chromium: first visit, fresh browser context per load\n');
    for (const s of sites) {
      const f = s.files.get('/cdn/ecommpay-elements.js');
      console.log(`build ${s.build.name} entry: ${kB(f.raw.length)} raw, ${kB(f.gzip.length)} gzip -9, ${kB(f.br.length)} brotli -11 (served as br); ${[...s.files.keys()].filter((k) => k.startsWith('/cdn/')).length} CDN files`);
    }
    const kinds = [
      { key: 'baseline', origin: sites[0].origin, path: '/baseline.html', click: 'main button' },
      ...sites.map((s) => ({ key: s.build.name, origin: s.origin, path: '/checkout.html', click: 'ecommpay-checkout button' })),
    ];
    console.log(`order: ${kinds.map((k) => k.key).join(', ')}, … (the starting kind rotates every round); 1 warm-up load per kind, discarded`);
    console.log('÷ baseline: ratio of the medians (and their difference); B ÷ A: ratio of the medians, p from a two-sided Mann–Whitney U test.\n');
    for (const k of kinds) await loadOnce(k, 1, null);

    for (const network of NETWORKS) {
      for (const cpu of CPU_RATES) {
        const t0 = performance.now();
        const byKind = new Map(kinds.map((k) => [k.key, []]));
        for (let rep = 0; rep < REPS; rep++) {
          for (let i = 0; i < kinds.length; i++) {
            const k = kinds[(rep + i) % kinds.length];
            byKind.get(k.key).push(await loadOnce(k, cpu, network.conditions));
          }
        }
        results.set(`${network.key}|${cpu}`, byKind);
        const seconds = ((performance.now() - t0) / 1000).toFixed(0);
        console.log(`### ${network.name} · CPU ${cpu}× · ${REPS} loads per kind · ${seconds} s\n`);
        const st = (kind, key) => stats(byKind.get(kind).map((r) => r[key]));
        printTable(
          ['median (min–max)', 'baseline', ...cols.flatMap((c) => [c, `${c} ÷ baseline`]), ...(builds.length > 1 ? ['B ÷ A'] : [])],
          MEASURES.map((m) => [
            m.what,
            cell(st('baseline', m.key), m.f, m.unit),
            ...cols.flatMap((c) => [cell(st(c, m.key), m.f, m.unit), m.bytes ? '—' : ratio(st(c, m.key), st('baseline', m.key), m.f, m.unit)]),
            ...(builds.length > 1 ? [ratio(st('B', m.key), st('A', m.key), m.bytes ? 'plain' : undefined)] : []),
          ]),
        );
        const sample = byKind.get(cols[0])[0];
        console.log(`\n(${cols.map((c) => `${c}: ${plural(byKind.get(c)[0].scripts, 'script')}, encoding ${byKind.get(c)[0].encodings}, ${kB(median(byKind.get(c).map((r) => r.scriptDecoded)))} decoded`).join('; ')}; amount text "${sample.amountText}")\n`);
      }
    }
    for (const s of sites) {
      if (s.counts.refused.length) throw new Error(`build ${s.build.name}: /api/sign refused ${s.counts.refused.length} requests (HTTP ${[...new Set(s.counts.refused)].join(', ')})`);
      console.log(`build ${s.build.name}: /api/sign signed ${s.counts.signed} requests, refused none`);
    }
  } finally {
    await browser.close();
    for (const s of sites) s.server.close();
  }
}

// ── the table for the README ─────────────────────────────────────────────────

const seconds = (performance.now() - started) / 1000;
console.log(`\n## Markdown\n`);
const legend = builds.map((b) => `${b.name} = \`${b.cdn}\``).join(', ');
console.log(
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}` +
    `${chromiumVersion ? `, Chromium ${chromiumVersion} headless` : ''}; ${legend}. Browser rows: ${REPS} first visits each, every one in a fresh browser context, ` +
    'baseline and builds interleaved; median (min–max). Baseline: the same page without our script (text amount, plain button; its click posts the same parameters to the same endpoint). ' +
    'Files brotli-compressed as a CDN serves them. Ratios compare medians; p: two-sided Mann–Whitney U test.\n',
);
const mdHeader = ['measure', 'baseline', ...cols.flatMap((c) => (builds.length > 1 ? [c, `${c} ÷ baseline`] : ['ecommpay-elements', '÷ baseline'])), ...(builds.length > 1 ? ['B ÷ A'] : [])];
const mdRows = [];
for (const network of browser ? NETWORKS : []) {
  for (const cpu of CPU_RATES) {
    const byKind = results.get(`${network.key}|${cpu}`);
    if (!byKind) continue;
    for (const m of MEASURES.filter((x) => x.md)) {
      const st = (kind) => stats(byKind.get(kind).map((r) => r[m.key]));
      mdRows.push([
        `${m.md} · ${network.key} · CPU ${cpu}×`,
        cell(st('baseline'), m.f, m.unit),
        ...cols.flatMap((c) => [cell(st(c), m.f, m.unit), ratio(st(c), st('baseline'), m.f, m.unit)]),
        ...(builds.length > 1 ? [ratio(st('B'), st('A'))] : []),
      ]);
    }
  }
}
const bytesRun = results.get('loopback|1');
if (bytesRun) {
  mdRows.push([
    'script bytes transferred (brotli)',
    '0',
    ...cols.flatMap((c) => [`${kB(median(bytesRun.get(c).map((r) => r.scriptTransfer)))}, ${plural(median(bytesRun.get(c).map((r) => r.scripts)), 'file')}`, '—']),
    ...(builds.length > 1 ? [ratio(stats(bytesRun.get('B').map((r) => r.scriptTransfer)), stats(bytesRun.get('A').map((r) => r.scriptTransfer)), 'plain')] : []),
  ]);
}
for (const r of nodeRows) {
  mdRows.push([
    `Node: ${r.what}`,
    r.baseline ? `${cell(r.baseline, us, 'µs')} (${r.baselineName})` : '—',
    ...cols.flatMap((c) => [cell(r[c], us, 'µs'), r.baseline ? ratio(r[c], r.baseline) : '—']),
    ...(builds.length > 1 ? [ratio(r.B, r.A)] : []),
  ]);
}
console.log(`| ${mdHeader.join(' | ')} |`);
console.log(`|${mdHeader.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
for (const r of mdRows) console.log(`| ${r.join(' | ')} |`);

console.log(`\nload at end (includes this benchmark's own Chromium): ${loadavg().map((x) => x.toFixed(2)).join(' ')}; total ${(seconds / 60).toFixed(1)} min (${seconds.toFixed(0)} s)`);
