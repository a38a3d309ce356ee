/**
 * A local ecommpay sandbox: the Payment Page, the Gate, bank pages and signed callbacks for one
 * test project, with the documented test behaviour. A Fetch-style handler; `demo/server.ts`
 * serves it on its own origin, like the real thing.
 *
 *   GET  /                         the sandbox's dashboard: payments, callbacks, "Send again"
 *   GET  /payment?…&signature=…    the Payment Page (payment-page.ts); `&frame_mode=iframe|popup`
 *                                  shows it in the shop's frame (frame.ts, GET /payment/frame.js)
 *   POST /v2/…                     the Gate (gate.ts); GET /bank/… the bank pages
 *   GET  /sandbox/deliveries       the callbacks sent, as JSON
 *   POST /sandbox/deliveries/{id}/resend   the same callback once more (a duplicate)
 *   POST /sandbox/callbacks/hold | release  hold callbacks (they wait), then send every waiting one
 *
 * Only the Payment Page (everything under `/payment`) may be framed, by the shop's origin
 * (`frameAncestors`); every other page, bank pages first, answers `X-Frame-Options: DENY`.
 *
 * Callbacks are retried on ecommpay's schedule (`ecommpayRetrySchedule`, SPEC §9) unless
 * `retryIntervals` says otherwise. Requests whose content the signature cannot tell from another
 * object's are refused up front (SPEC §11), so the sandbox never has to sign one.
 */
import { formatAmount } from '../../src/core/amount.ts';
import { METHOD_CODES, methodRules } from '../../src/core/methods/index.ts';
import { banksFor } from '../../src/data/index.ts';
import { AmbiguousPayloadError } from '../../src/server/index.ts';
import { json } from '../http.ts';
import { CallbackSender, ecommpayRetrySchedule, type Delivery } from './callbacks.ts';
import { allowFraming, originOf } from './frame.ts';
import { Gate } from './gate.ts';
import { html, htmlResponse, page } from './html.ts';
import type { SandboxPayment } from './model.ts';
import { PaymentPage } from './payment-page.ts';
import type { SandboxState } from './state.ts';

export interface SandboxOptions {
  projectId: number;
  secretKey: string;
  /** The project's callback URL (ecommpay's dashboard setting); `merchant_callback_url` overrides it. */
  callbackUrl: () => string;
  /** The sandbox's own origin, e.g. `http://localhost:5174`. */
  origin: () => string;
  /** Waits between attempts of unacknowledged callbacks (ms). Default: `ecommpayRetrySchedule()`, the real one. */
  retryIntervals?: readonly number[];
  /**
   * The origins (or URLs, read for their origin) of the pages that may show the Payment Page in a
   * frame, besides the sandbox itself; the first is where a framed page's messages go unless the
   * page that opened it is another of them. Default: the origin of `callbackUrl()`, the shop's.
   */
  frameAncestors?: () => readonly string[];
}

export interface Sandbox {
  handle(request: Request): Promise<Response>;
  readonly payments: ReadonlyMap<string, SandboxPayment>;
  /** The callbacks sent (and waiting), oldest first. */
  readonly deliveries: readonly Delivery[];
  /** From now on, callbacks and their retries wait (not attempted, not counted) until `releaseCallbacks()`. */
  holdCallbacks(): void;
  /** Ends the hold and attempts every waiting callback at once; resolves when those attempts are done. */
  releaseCallbacks(): Promise<void>;
  /** Stops everything: scheduled work, retries, waiting callbacks, requests in flight. */
  close(): void;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sender = new CallbackSender(options.secretKey, options.retryIntervals ?? ecommpayRetrySchedule());
  const state: SandboxState = {
    projectId: options.projectId,
    secretKey: options.secretKey,
    callbackUrl: options.callbackUrl,
    origin: options.origin,
    frameAncestors: () => ancestorOrigins(options.frameAncestors?.() ?? [options.callbackUrl()]),
    payments: new Map(),
    sender,
    later(ms, work) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        work().catch((error: unknown) => console.error('[sandbox]', error));
      }, ms);
      timers.add(timer);
    },
  };
  const paymentPage = new PaymentPage(state);
  const gate = new Gate(state);

  /** Every answer under `/payment` may be framed by the shop, error pages and JSON errors included. */
  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const response = await route(request, url);
    return isPaymentPage(url) ? allowFraming(response, state.frameAncestors()) : response;
  }

  async function route(request: Request, url: URL): Promise<Response> {
    try {
      if (url.pathname === '/' && request.method === 'GET') return dashboard(state);
      if (url.pathname === '/sandbox/deliveries' && request.method === 'GET') return json(200, sender.deliveries);
      const control = /^\/sandbox\/callbacks\/(hold|release)$/.exec(url.pathname);
      if (control && request.method === 'POST') {
        if (control[1] === 'hold') sender.hold();
        else await sender.release();
        return (request.headers.get('accept') ?? '').includes('application/json')
          ? json(200, { held: sender.held, waiting: sender.waiting })
          : new Response(null, { status: 303, headers: { Location: '/' } });
      }
      const resend = /^\/sandbox\/deliveries\/(\d+)\/resend$/.exec(url.pathname);
      if (resend && request.method === 'POST') {
        const copy = await sender.resend(Number(resend[1]));
        if (!copy) return json(404, { error: 'no such delivery' });
        return (request.headers.get('accept') ?? '').includes('application/json')
          ? json(200, copy)
          : new Response(null, { status: 303, headers: { Location: '/' } });
      }
      return (await paymentPage.handle(request, url)) ?? (await gate.handle(request, url)) ?? json(404, { status: 'error', code: '404', message: `No such endpoint: ${request.method} ${url.pathname}` });
    } catch (error) {
      console.error('[sandbox]', error);
      // Requests are refused up front, so nothing ambiguous should reach a signer; if it does, say so.
      const message = error instanceof AmbiguousPayloadError ? `Sandbox error: cannot sign ${error.message}` : 'Sandbox error';
      return json(500, { status: 'error', code: '500', message });
    }
  }

  return {
    handle,
    payments: state.payments,
    deliveries: sender.deliveries,
    holdCallbacks: () => sender.hold(),
    releaseCallbacks: () => sender.release(),
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      sender.close();
    },
  };
}

/** `/payment` and what is under it: the Payment Page, its sessions and its frame script. */
const isPaymentPage = (url: URL): boolean => url.pathname === '/payment' || url.pathname.startsWith('/payment/');

/**
 * The distinct origins of `urls`, in order. What has no origin (a relative URL, e.g. the demo's
 * callback URL before the shop has started) is left out: a header names origins only, and an
 * origin is all a frame's messages need.
 */
function ancestorOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.map(originOf).filter((origin): origin is string => origin !== undefined))];
}

/** `250` → `250 ms`, `10000` → `10 s`, `14400000` → `4 h`. */
function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (seconds < 120) return `${round(seconds)} s`;
  if (seconds < 2 * 3600) return `${round(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86400)} days`;
}

/** The retry schedule in one sentence. */
function scheduleText(intervals: readonly number[]): string {
  if (intervals.length === 0) return 'never retried';
  const total = intervals.reduce((sum, wait) => sum + wait, 0);
  return `retried after ${duration(intervals[0]!)}, growing to ${duration(Math.max(...intervals))}: at most ${intervals.length + 1} attempts over ${duration(total)}`;
}

/** Where a delivery stands, for the dashboard. */
function deliveryState(d: Delivery): { text: string; ok: boolean } {
  if (d.acknowledged) return { text: 'acknowledged', ok: true };
  if (d.waiting) return { text: 'held: waiting for release', ok: false };
  if (d.gaveUp) return { text: 'gave up', ok: false };
  if (d.nextAttemptAt) return { text: `retry at ${d.nextAttemptAt.slice(11, 19)} UTC`, ok: false };
  return { text: d.attempts.length === 0 ? 'sending' : 'not acknowledged', ok: false };
}

/** The attempts' answers: all of them when few, else the count and the last ones. */
function attemptsText(d: Delivery, max: number): string {
  const answers = d.attempts.map((a) => (a.status ? String(a.status) : `failed (${a.error ?? 'no answer'})`));
  const shown = answers.length > 6 ? ['…', ...answers.slice(-4)] : answers;
  return `${d.attempts.length} of ${max}${shown.length > 0 ? `: ${shown.join(', ')}` : ''}`;
}

/** `GET /`: what happened, and the test rules, read from the method rules. */
function dashboard(state: SandboxState): Response {
  const payments = [...state.payments.values()].reverse();
  const deliveries = [...state.sender.deliveries].reverse();
  const rules = METHOD_CODES.map((code) => {
    const r = methodRules(code);
    const banks = r.testBankIds ? banksFor(code, 'sale').filter((b) => r.testBankIds!.includes(b.id)).map((b) => `${b.name} (${b.id})`) : [];
    return html`<li><strong>${r.name.en}</strong> (<code>${code}</code>): ${r.currency} only; amounts ${r.testDeclineAmounts.map((a) => `${a} = ${formatAmount(a, r.currency, 'en')}`).join(', ')} decline${banks.length > 0 ? html`; banks ${banks.join(', ')} only` : ''}.</li>`;
  });
  return htmlResponse(
    page(
      'ecommpay sandbox',
      html`<div class="card">
  <h1>Test project ${state.projectId}</h1>
  <p class="muted">Callbacks go to <code>${state.callbackUrl()}</code> (or the payment's <code>merchant_callback_url</code>) until answered with HTTP 200: ${scheduleText(state.sender.intervals)}.</p>
  <ul>${rules}</ul>
</div>
<div class="card">
  <h2>Payments</h2>
  <table><thead><tr><th>payment_id</th><th>type</th><th>method</th><th>amount</th><th>status</th><th>code</th></tr></thead>
  <tbody>${payments.map((p) => html`<tr><td>${p.id}</td><td>${p.type} (${p.via})</td><td>${p.method}${p.bank ? ` · ${p.bank.name}` : ''}</td><td>${formatAmount(p.amount, p.currency, 'en')}</td><td>${p.status}${p.problem ? html`<br><span class="bad">${p.problem}</span>` : ''}</td><td>${p.code} ${p.message}</td></tr>`)}</tbody></table>
</div>
<div class="card" data-testid="callbacks">
  <h2>Callbacks</h2>
  ${
    state.sender.held
      ? html`<p class="note" data-testid="held">Callbacks are held: ${state.sender.waiting} waiting (new callbacks and due retries are neither sent nor counted).</p>
  <form method="post" action="/sandbox/callbacks/release"><button type="submit">Release: send every waiting callback now</button></form>`
      : html`<form method="post" action="/sandbox/callbacks/hold"><button type="submit">Hold callbacks</button> <span class="muted">(to test a merchant that missed them)</span></form>`
  }
  <table><thead><tr><th>#</th><th>payment_id</th><th>status</th><th>attempts</th><th>state</th><th></th></tr></thead>
  <tbody>${deliveries.map((d) => {
    const status = (d.body.payment as { status?: string } | undefined)?.status;
    const where = deliveryState(d);
    return html`<tr><td>${d.id}${d.replay ? ' (again)' : ''}</td><td>${d.paymentId}</td><td>${status}</td><td>${attemptsText(d, state.sender.intervals.length + 1)}</td><td class="${where.ok ? 'ok' : 'bad'}">${where.text}</td>
<td><form method="post" action="/sandbox/deliveries/${d.id}/resend"><button type="submit">Send again</button></form></td></tr>`;
  })}</tbody></table>
</div>`,
      { wide: true },
    ),
  );
}
