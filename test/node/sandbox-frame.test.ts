/**
 * The sandbox's Payment Page in the shop's frame (SPEC §10, `frame_mode=iframe|popup`): who may
 * frame which page, the frame script and what each framed page tells the shop through it, a result
 * that stays in the frame, and a Philippine bank reached by the top window and settled there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Script, createContext } from 'node:vm';
import { methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import { launchUrl } from '../../src/core/payment-page.ts';
import { banksFor } from '../../src/data/index.ts';
import { signParams } from '../../src/server/index.ts';
import { ecommpayRetrySchedule } from '../../demo/sandbox/callbacks.ts';
import { AWAITING } from '../../demo/sandbox/model.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../demo/sandbox/server.ts';
import { until } from './helpers.ts';

const KEY = 'sandbox-frame-secret';
const PROJECT_ID = 4242;
const ORIGIN = 'http://sandbox.test';
/** A callback URL nobody answers (tests that need callbacks start a merchant). */
const NOWHERE = 'http://127.0.0.1:9/callback';
const NOWHERE_ORIGIN = 'http://127.0.0.1:9';

const PH: MethodCode = 'online-philippines-banks';
const ph = methodRules(PH);
const cup = methodRules('cup-bank');
const phBank = banksFor(PH, 'sale').find((b) => b.id === ph.testBankIds![0])!;

// ── helpers ─────────────────────────────────────────────────────────────────

function newSandbox(callbackUrl = NOWHERE, more: Partial<SandboxOptions> = {}): Sandbox {
  return createSandbox({
    projectId: PROJECT_ID,
    secretKey: KEY,
    callbackUrl: () => callbackUrl,
    origin: () => ORIGIN,
    retryIntervals: ecommpayRetrySchedule(0.01),
    ...more,
  });
}

/** A merchant's callback endpoint on 127.0.0.1 that acknowledges everything. */
async function startMerchant(): Promise<{ url: string; origin: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/callback`, origin, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}


type Params = Record<string, string | number>;

const cupParams = (paymentId: string, more: Params = {}): Params => ({
  project_id: PROJECT_ID,
  payment_id: paymentId,
  payment_amount: 38_800,
  payment_currency: cup.currency,
  payment_description: 'Silk scarf',
  language_code: cup.languageCode!,
  customer_id: 'c1',
  force_payment_method: cup.code,
  merchant_success_url: 'https://shop.test/result?status=success',
  merchant_fail_url: 'https://shop.test/result?status=decline',
  ...more,
});

const phParams = (paymentId: string, more: Params = {}): Params => ({
  project_id: PROJECT_ID,
  payment_id: paymentId,
  payment_amount: 245_000,
  payment_currency: ph.currency,
  customer_id: 'c1',
  force_payment_method: PH,
  merchant_success_url: 'https://shop.test/result?status=success',
  merchant_fail_url: 'https://shop.test/result?status=decline',
  ...more,
});

/** The signed launch URL (the element's own `launchUrl`), with `frame_mode` appended after signing (as `merchant.js` does) when given. */
async function signedUrl(params: Params, frameMode?: string): Promise<string> {
  const url = launchUrl(ORIGIN, params, await signParams(params, KEY));
  return frameMode === undefined ? url : `${url}&frame_mode=${encodeURIComponent(frameMode)}`;
}

const get = (sandbox: Sandbox, url: string, headers: Record<string, string> = {}) => sandbox.handle(new Request(new URL(url, ORIGIN), { headers }));

const postForm = (sandbox: Sandbox, path: string, fields: Record<string, string>) =>
  sandbox.handle(
    new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) }),
  );

/** Opens the Payment Page; its text and session token. */
async function open(sandbox: Sandbox, params: Params, frameMode?: string, headers: Record<string, string> = {}): Promise<{ response: Response; text: string; token: string }> {
  const response = await get(sandbox, await signedUrl(params, frameMode), headers);
  const text = await response.text();
  return { response, text, token: /\/payment\/s\/([a-z0-9]+)/.exec(text)?.[1] ?? '' };
}

const unescapeHtml = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The `data-*` attributes of the page's frame script tag, as `dataset` names them; `null` without one. */
function frameTag(page: string): Record<string, string> | null {
  const tag = /<script src="\/payment\/frame\.js"([^>]*)><\/script>/.exec(page);
  if (!tag) return null;
  const dataset: Record<string, string> = {};
  for (const [, name, value] of tag[1]!.matchAll(/ data-([a-z-]+)="([^"]*)"/g)) {
    dataset[name!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = unescapeHtml(value!);
  }
  return dataset;
}

/** The framed pay screen of a Philippine session (one bank forced: the bank display variant). */
async function phPayScreen(sandbox: Sandbox, paymentId: string, frameMode?: string): Promise<{ token: string; text: string }> {
  const params = phParams(paymentId, { payment_methods_options: JSON.stringify({ [ph.optionsKey!]: { banks_id: [phBank.id] } }) });
  const { token, text } = await open(sandbox, params, frameMode);
  assert.match(text, /data-testid="bank"/, 'straight to the one bank');
  return { token, text };
}

// ── frame.js in a stand-in browser ──────────────────────────────────────────

interface Posted {
  message: string;
  data: Record<string, unknown>;
  guid: string | null;
  target: string;
}

/**
 * Runs the frame script as a framed page would, in a stand-in for the browser: `dataset` on its
 * tag, a parent window that records what is posted to it, a form to submit, a resizable document.
 */
function runFrameScript(source: string, dataset: Record<string, string>, options: { topLevel?: boolean } = {}) {
  const posted: Posted[] = [];
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  const formListeners: (() => void)[] = [];
  let observed: (() => void) | null = null;
  const size = { width: 480, height: 600.4 };
  const parent = {
    postMessage(text: unknown, target: string) {
      assert.equal(typeof text, 'string', 'messages are JSON strings');
      posted.push({ ...(JSON.parse(text as string) as Omit<Posted, 'target'>), target });
    },
  };
  const context: Record<string, unknown> = {
    document: {
      currentScript: { dataset },
      readyState: 'interactive',
      documentElement: { getBoundingClientRect: () => ({ ...size }) },
      getElementById: (id: string) => (id === dataset.sentForm ? { addEventListener: (_: string, fn: () => void) => formListeners.push(fn) } : null),
      addEventListener: () => assert.fail('the page is ready already'),
    },
    addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] ??= []).push(fn),
    ResizeObserver: class {
      constructor(callback: () => void) {
        observed = callback;
      }
      observe() {}
    },
  };
  context.window = context;
  context.parent = options.topLevel ? context : parent;
  createContext(context);
  new Script(source).runInContext(context);
  return {
    posted,
    names: () => posted.map((p) => p.message),
    receive: (event: { origin: string; source: unknown; data: unknown }) => listeners.message?.forEach((fn) => fn(event)),
    submit: () => formListeners.forEach((fn) => fn()),
    resize: (height: number) => {
      size.height = height;
      observed?.();
    },
    parent,
  };
}

async function frameScriptText(sandbox: Sandbox): Promise<string> {
  return (await get(sandbox, '/payment/frame.js')).text();
}

// ── framing headers ─────────────────────────────────────────────────────────

const FRAMED_POLICY = `frame-ancestors 'self' ${NOWHERE_ORIGIN}`;

/** Requests and whether the shop may frame their answer. */
const framingCases: [string, (sandbox: Sandbox) => Promise<Response>, boolean][] = [
  ['a framed Payment Page', async (s) => get(s, await signedUrl(cupParams('h-1'), 'iframe')), true],
  ['an unframed Payment Page', async (s) => get(s, await signedUrl(cupParams('h-2'))), true],
  ['a Payment Page refused (wrong signature), framed', async (s) => get(s, `${(await signedUrl(cupParams('h-3'), 'popup')).replace('signature=', 'signature=x')}`), true],
  ['a Payment Page refused (no signature), unframed', (s) => get(s, '/payment?project_id=4242'), true],
  ['an expired session', (s) => get(s, '/payment/s/0123456789ab'), true],
  ['the frame script', (s) => get(s, '/payment/frame.js'), true],
  ['an unknown path under /payment (JSON 404)', (s) => get(s, '/payment/nothing-here'), true],
  ['a bank page', (s) => get(s, '/bank/Pay.aspx?tokenid=t1&procid=BDO'), false],
  ['the bank gateway', (s) => get(s, '/bank/gateway?merchantTradeId=t1&sign=x'), false],
  ['the dashboard', (s) => get(s, '/'), false],
];

test('framing: the shop may frame every answer under /payment (error pages included), and nothing else', async () => {
  const sandbox = newSandbox();
  try {
    for (const [name, request, framable] of framingCases) {
      const response = await request(sandbox);
      const headers = [response.headers.get('content-security-policy'), response.headers.get('x-frame-options')];
      assert.deepEqual(headers, framable ? [FRAMED_POLICY, null] : [null, 'DENY'], name);
    }
  } finally {
    sandbox.close();
  }
});

test('framing: frameAncestors names the origins allowed (URLs read for their origin, the unusable left out)', async () => {
  const sandbox = newSandbox(NOWHERE, { frameAncestors: () => ['https://shop.example/checkout?x=1', 'not a url', 'http://localhost:5173', 'https://shop.example'] });
  try {
    const response = await get(sandbox, await signedUrl(cupParams('anc-1'), 'iframe'));
    assert.equal(response.headers.get('content-security-policy'), "frame-ancestors 'self' https://shop.example http://localhost:5173");
  } finally {
    sandbox.close();
  }
});

test('framing: with no shop origin known (a relative callback URL), only the sandbox may frame, and the page is not framed', async () => {
  const sandbox = newSandbox('/api/ecommpay/callback');
  try {
    const { response, text } = await open(sandbox, cupParams('anc-2'), 'iframe');
    assert.equal(response.headers.get('content-security-policy'), "frame-ancestors 'self'");
    assert.equal(frameTag(text), null);
  } finally {
    sandbox.close();
  }
});

// ── the frame script and where it is included ───────────────────────────────

test('frame.js is served as JavaScript that parses, and speaks the frame protocol', async () => {
  const sandbox = newSandbox();
  try {
    const response = await get(sandbox, '/payment/frame.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/javascript/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const source = await response.text();
    assert.doesNotThrow(() => new Script(source));
    for (const name of ['epframe.loaded', 'epframe.resize', 'epframe.redirect', 'epframe.payment.', 'ResizeObserver']) assert.ok(source.includes(name), name);
    assert.ok(!source.includes("'*'"), 'never posts to any origin');
  } finally {
    sandbox.close();
  }
});

const frameModes: [string, string | undefined, boolean][] = [
  ['iframe', 'iframe', true],
  ['popup', 'popup', true],
  ['another value (modal)', 'modal', false],
  ['an empty value', '', false],
  ['none', undefined, false],
];

for (const [name, mode, framed] of frameModes) {
  test(`frame_mode ${name}: ${framed ? 'every page of the session carries the frame script' : 'no page carries the frame script (each may still be framed)'}`, async () => {
    const sandbox = newSandbox();
    try {
      // Not preselected: the method list, then the bank list, then the pay screen, then an error page of the session.
      const { response, text, token } = await open(sandbox, withoutForce(phParams(`mode-${name}`)), mode);
      assert.equal(response.status, 200, text);
      const later = await Promise.all(
        [`?method=${PH}`, `?method=${PH}&bank=${phBank.id}`, `?method=${PH}&bank=999999`].map((query) => get(sandbox, `/payment/s/${token}${query}`)),
      );
      for (const r of [response, ...later]) assert.equal(r.headers.get('content-security-policy'), FRAMED_POLICY);
      const pages = [text, ...(await Promise.all(later.map((r) => r.text())))];
      assert.match(pages[1]!, /data-testid="banks"/);
      assert.match(pages[2]!, /data-testid="bank"/);
      assert.match(pages[3]!, /data-testid="sandbox-error"/);
      for (const [i, page] of pages.entries()) {
        const tag = frameTag(page);
        if (!framed) {
          assert.equal(tag, null, `page ${i}`);
          continue;
        }
        assert.equal(tag?.parentOrigin, NOWHERE_ORIGIN, `page ${i}`);
        assert.equal(tag?.frameMode, mode, `page ${i}`);
      }
      if (framed) assert.deepEqual([frameTag(pages[2]!)!.sentForm, frameTag(pages[2]!)!.paymentId], ['pay-form', `mode-${name}`]);
    } finally {
      sandbox.close();
    }
  });
}

/** The Philippine parameters without `force_payment_method`: the buyer picks the method. */
function withoutForce(params: Params): Params {
  const { force_payment_method: _, ...rest } = params;
  return rest;
}

test('a refused framed launch (wrong signature) shows its error in the frame, with the script', async () => {
  const sandbox = newSandbox();
  try {
    const url = (await signedUrl(cupParams('refused-1'), 'iframe')).replace('signature=', 'signature=x');
    const response = await get(sandbox, url);
    assert.equal(response.status, 403);
    assert.equal(frameTag(await response.text())?.parentOrigin, NOWHERE_ORIGIN);
  } finally {
    sandbox.close();
  }
});

test('the parent origin is the page that opened the frame when it may frame it, else the first allowed origin', async () => {
  const sandbox = newSandbox(NOWHERE, { frameAncestors: () => ['https://shop.example', 'https://other.example'] });
  try {
    const cases: [string | undefined, string][] = [
      ['https://other.example/checkout', 'https://other.example'],
      ['https://evil.example/', 'https://shop.example'],
      [undefined, 'https://shop.example'],
    ];
    for (const [i, [referer, expected]] of cases.entries()) {
      const { text } = await open(sandbox, cupParams(`referer-${i}`), 'iframe', referer ? { referer } : {});
      assert.equal(frameTag(text)?.parentOrigin, expected, String(referer));
    }
  } finally {
    sandbox.close();
  }
});

// ── a result in the frame ───────────────────────────────────────────────────

const cupResults: ['success' | 'decline', string, 'success' | 'fail', string][] = [
  ['success', 'success', 'success', 'https://shop.test/result?status=success'],
  ['decline', 'decline', 'fail', 'https://shop.test/result?status=decline'],
];

for (const [pressed, status, posted, back] of cupResults) {
  test(`framed CUP, ${pressed}: settled with its callback, answered in the frame (200, no 303) with epframe.payment.${posted}`, async () => {
    const merchant = await startMerchant();
    const sandbox = newSandbox(merchant.url);
    try {
      const paymentId = `cup-framed-${pressed}`;
      const { token, text } = await open(sandbox, cupParams(paymentId), 'iframe');
      assert.match(text, />Success</, 'CUP in a frame keeps Success and Decline');
      assert.doesNotMatch(text, /continue-to-bank/);
      const response = await postForm(sandbox, `/payment/s/${token}/result`, { method: cup.code, account_number: '6217003760136456530', result: pressed });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('location'), null);
      const page = await response.text();
      assert.match(page, /data-testid="result"/);
      assert.deepEqual(frameTag(page), {
        parentOrigin: merchant.origin,
        frameMode: 'iframe',
        paymentId,
        result: posted,
        paymentStatus: status,
        paymentCode: sandbox.payments.get(paymentId)!.code,
        paymentMessage: sandbox.payments.get(paymentId)!.message,
      });
      // The buyer leaves the frame by a link that replaces the merchant's page.
      assert.ok(page.includes(`<a href="${back}" target="_top" data-testid="return">`), 'a link out of the frame to the merchant');
      assert.equal(sandbox.payments.get(paymentId)!.status, status);
      await until(() => merchant.received.length === 1, 'the callback');
      assert.equal((JSON.parse(merchant.received[0]!) as { payment: { status: string } }).payment.status, status);

      // What the page's script posts, run as the browser would.
      const frame = runFrameScript(await frameScriptText(sandbox), frameTag(page)!);
      assert.deepEqual(frame.names(), ['epframe.loaded', 'epframe.resize', `epframe.payment.${posted}`]);
      const payment = sandbox.payments.get(paymentId)!;
      assert.deepEqual(frame.posted[2]!.data, { payment: { id: paymentId, status, code: payment.code, result_message: payment.message } });
    } finally {
      sandbox.close();
      await merchant.close();
    }
  });
}

test('unframed CUP Success is unchanged but for the framing header: 303 to the merchant, no frame script anywhere', async () => {
  const merchant = await startMerchant();
  const sandbox = newSandbox(merchant.url);
  try {
    const { token, text } = await open(sandbox, cupParams('cup-plain'));
    assert.equal(frameTag(text), null);
    const response = await postForm(sandbox, `/payment/s/${token}/result`, { method: cup.code, account_number: '6217003760136456530', result: 'success' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), 'https://shop.test/result?status=success');
    assert.equal(response.headers.get('content-security-policy'), `frame-ancestors 'self' ${merchant.origin}`);
    await until(() => merchant.received.length === 1, 'the callback');
  } finally {
    sandbox.close();
    await merchant.close();
  }
});

test('unframed Philippines is unchanged but for the framing header: Success and Decline on the Payment Page, no way to a bank page', async () => {
  const sandbox = newSandbox();
  try {
    const { text, token } = await phPayScreen(sandbox, 'ph-plain');
    const again = await get(sandbox, `/payment/s/${token}?method=${PH}&bank=${phBank.id}`);
    assert.equal(again.headers.get('content-security-policy'), FRAMED_POLICY);
    assert.equal(await again.text(), text, 'the same screen');
    assert.match(text, /value="success">Success</);
    assert.match(text, /value="decline" formnovalidate>Decline</);
    assert.doesNotMatch(text, /continue-to-bank/);
    assert.equal(frameTag(text), null);
  } finally {
    sandbox.close();
  }
});

// ── a Philippine bank from a frame ──────────────────────────────────────────

for (const [pressed, status, back] of [
  ['success', 'success', 'https://shop.test/result?status=success'],
  ['decline', 'decline', 'https://shop.test/result?status=decline'],
] as const) {
  test(`framed Philippines, ${pressed} at the bank: "Continue to" the bank, epframe.redirect to its page, settled there with a callback and a 303`, async () => {
    const merchant = await startMerchant();
    const sandbox = newSandbox(merchant.url);
    try {
      const paymentId = `ph-framed-${pressed}`;
      const { token, text } = await phPayScreen(sandbox, paymentId, 'popup');
      assert.match(text, new RegExp(`data-testid="continue-to-bank">Continue to ${phBank.name}</button>`));
      assert.doesNotMatch(text, />Success</);
      assert.doesNotMatch(text, />Decline</);

      const response = await postForm(sandbox, `/payment/s/${token}/result`, {
        method: PH,
        bank: String(phBank.id),
        result: 'bank',
        customer_email: 'juan@example.com',
        customer_first_name: 'Juan',
        customer_last_name: 'Dela Cruz',
      });
      assert.equal(response.status, 200);
      const page = await response.text();
      const payment = sandbox.payments.get(paymentId)!;
      assert.ok(payment, 'the payment is recorded');
      const bankUrl = `${ORIGIN}/bank/Pay.aspx?tokenid=${payment.token}&procid=${phBank.code ?? phBank.id}`;
      assert.equal(frameTag(page)?.redirectUrl, bankUrl);
      assert.ok(page.includes(`href="${bankUrl.replace(/&/g, '&amp;')}" target="_top" data-testid="bank-link"`), 'a visible way out of the frame');
      assert.deepEqual([payment.status, payment.code, payment.via, payment.bank?.id], [AWAITING.status, AWAITING.code, 'payment-page', phBank.id]);
      assert.deepEqual(payment.customer, { id: 'c1', email: 'juan@example.com', first_name: 'Juan', last_name: 'Dela Cruz' });
      assert.equal(sandbox.deliveries.length, 0, 'no callback while the buyer is on the way to the bank');
      assert.equal((await get(sandbox, `/payment/s/${token}`)).status, 404, 'the session is over');

      const frame = runFrameScript(await frameScriptText(sandbox), frameTag(page)!);
      assert.deepEqual(frame.names(), ['epframe.loaded', 'epframe.resize', 'epframe.redirect']);
      assert.deepEqual(frame.posted[2]!.data, { url: bankUrl });

      // The top window at the bank: the Gate's bank page knows the payment and settles it.
      const bankPage = await get(sandbox, bankUrl);
      assert.equal(bankPage.status, 200);
      assert.equal(bankPage.headers.get('x-frame-options'), 'DENY');
      assert.match(await bankPage.text(), new RegExp(`data-testid="payment-id">${paymentId}<`));
      const settled = await postForm(sandbox, '/bank/result', { token: payment.token, result: pressed });
      assert.equal(settled.status, 303);
      assert.equal(settled.headers.get('location'), back);
      assert.equal(payment.status, status);
      await until(() => merchant.received.length === 1, 'the callback');
      const callback = JSON.parse(merchant.received[0]!) as { payment: { id: string; status: string }; operation: { provider: { endpoint_id?: string } } };
      assert.deepEqual([callback.payment.id, callback.payment.status], [paymentId, status]);
      assert.equal(callback.operation.provider.endpoint_id, phBank.code);
      // Once only.
      assert.equal((await postForm(sandbox, '/bank/result', { token: payment.token, result: 'success' })).status, 409);
    } finally {
      sandbox.close();
      await merchant.close();
    }
  });
}

test('framed Philippines: the way to the bank goes through the same checks (ambiguous details refused, nothing recorded)', async () => {
  const sandbox = newSandbox();
  try {
    const { token } = await phPayScreen(sandbox, 'ph-framed-amb', 'iframe');
    const response = await postForm(sandbox, `/payment/s/${token}/result`, {
      method: PH,
      bank: String(phBank.id),
      result: 'bank',
      customer_email: 'a;payment:status:success@example.com',
      customer_first_name: 'Juan',
      customer_last_name: 'Dela Cruz',
    });
    assert.equal(response.status, 400);
    const page = await response.text();
    assert.match(page, /customer_email: must not contain/);
    assert.equal(frameTag(page)?.parentOrigin, NOWHERE_ORIGIN, 'the error shows in the frame');
    assert.equal(sandbox.payments.size, 0);
  } finally {
    sandbox.close();
  }
});

// ── the frame script's behaviour ────────────────────────────────────────────

test('frame.js: the pay screen posts loaded and its size, then epframe.payment.sent when the form is submitted', async () => {
  const sandbox = newSandbox();
  try {
    const { text } = await phPayScreen(sandbox, 'ph-sent', 'iframe');
    const frame = runFrameScript(await frameScriptText(sandbox), frameTag(text)!);
    assert.deepEqual(frame.posted, [
      { message: 'epframe.loaded', data: {}, guid: null, target: NOWHERE_ORIGIN },
      { message: 'epframe.resize', data: { width: 480, height: 601 }, guid: null, target: NOWHERE_ORIGIN },
    ]);
    frame.submit();
    assert.deepEqual(frame.posted.at(-1), { message: 'epframe.payment.sent', data: { payment: { id: 'ph-sent' } }, guid: null, target: NOWHERE_ORIGIN });
  } finally {
    sandbox.close();
  }
});

test('frame.js: a size change is posted once; the same size is not posted again', async () => {
  const sandbox = newSandbox();
  try {
    const frame = runFrameScript(await frameScriptText(sandbox), { parentOrigin: 'https://shop.example' });
    frame.resize(720.2);
    frame.resize(720.2);
    assert.deepEqual(
      frame.posted.filter((p) => p.message === 'epframe.resize').map((p) => p.data),
      [
        { width: 480, height: 601 },
        { width: 480, height: 721 },
      ],
    );
  } finally {
    sandbox.close();
  }
});

/** Messages the frame receives, and whether it takes them from its parent. */
const incoming: [string, (parent: unknown) => { origin: string; source: unknown; data: unknown }, boolean][] = [
  ['link as JSON text from the parent', (parent) => ({ origin: 'https://shop.example', source: parent, data: JSON.stringify({ message: 'link', guid: 'g-1' }) }), true],
  ['link as an object from the parent', (parent) => ({ origin: 'https://shop.example', source: parent, data: { message: 'link', guid: 'g-1' } }), true],
  ['link from another origin', (parent) => ({ origin: 'https://evil.example', source: parent, data: { message: 'link', guid: 'g-1' } }), false],
  ['link from another window of the parent origin', () => ({ origin: 'https://shop.example', source: {}, data: { message: 'link', guid: 'g-1' } }), false],
  ['link without a guid', (parent) => ({ origin: 'https://shop.example', source: parent, data: { message: 'link' } }), false],
  ['malformed JSON', (parent) => ({ origin: 'https://shop.example', source: parent, data: '{"message":' }), false],
];

for (const [name, event, accepted] of incoming) {
  test(`frame.js: ${name} is ${accepted ? 'taken: later messages carry its guid' : 'ignored'}`, async () => {
    const sandbox = newSandbox();
    try {
      const frame = runFrameScript(await frameScriptText(sandbox), { parentOrigin: 'https://shop.example', paymentId: 'p1', sentForm: 'pay-form' });
      const before = frame.posted.length;
      frame.receive(event(frame.parent));
      if (accepted) {
        // Told again with the guid (a parent that matches messages by guid heard nothing before).
        assert.deepEqual(frame.posted.slice(before).map((p) => [p.message, p.guid]), [
          ['epframe.loaded', 'g-1'],
          ['epframe.resize', 'g-1'],
        ]);
      } else {
        assert.equal(frame.posted.length, before);
      }
      frame.submit();
      assert.equal(frame.posted.at(-1)!.guid, accepted ? 'g-1' : null);
      assert.ok(frame.posted.every((p) => p.target === 'https://shop.example'));
    } finally {
      sandbox.close();
    }
  });
}

test('frame.js: silent without a parent origin, or when the page is not in a frame', async () => {
  const sandbox = newSandbox();
  try {
    const source = await frameScriptText(sandbox);
    assert.deepEqual(runFrameScript(source, {}).posted, []);
    const topLevel = runFrameScript(source, { parentOrigin: 'https://shop.example', result: 'success' }, { topLevel: true });
    assert.deepEqual(topLevel.posted, []);
  } finally {
    sandbox.close();
  }
});
