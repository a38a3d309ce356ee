/**
 * A local ecommpay sandbox: the Payment Page, the Gate, bank pages and signed callbacks for one
 * test project, with the documented test behaviour. A Fetch-style handler; `demo/server.ts`
 * serves it on its own origin, like the real thing.
 *
 *   GET  /                         the sandbox's dashboard: payments, callbacks, "Send again"
 *   GET  /payment?…&signature=…    the Payment Page (payment-page.ts)
 *   POST /v2/…                     the Gate (gate.ts); GET /bank/… the bank pages
 *   GET  /sandbox/deliveries       the callbacks sent, as JSON
 *   POST /sandbox/deliveries/{id}/resend   the same callback once more (a duplicate)
 */
import { formatAmount } from '../../src/core/amount.ts';
import { METHOD_CODES, methodRules } from '../../src/core/methods/index.ts';
import { banksFor } from '../../src/data/index.ts';
import { json } from '../http.ts';
import { CallbackSender, RETRY_INTERVALS } from './callbacks.ts';
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
  /** Retry intervals of unacknowledged callbacks (ms). */
  retryIntervals?: readonly number[];
}

export interface Sandbox {
  handle(request: Request): Promise<Response>;
  readonly payments: ReadonlyMap<string, SandboxPayment>;
  close(): void;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sender = new CallbackSender(options.secretKey, options.retryIntervals ?? RETRY_INTERVALS);
  const state: SandboxState = {
    projectId: options.projectId,
    secretKey: options.secretKey,
    callbackUrl: options.callbackUrl,
    origin: options.origin,
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

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    try {
      if (url.pathname === '/' && request.method === 'GET') return dashboard(state);
      if (url.pathname === '/sandbox/deliveries' && request.method === 'GET') return json(200, sender.deliveries);
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
      return json(500, { status: 'error', code: '500', message: 'Sandbox error' });
    }
  }

  return {
    handle,
    payments: state.payments,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      sender.close();
    },
  };
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
  <p class="muted">Callbacks go to <code>${state.callbackUrl()}</code> (or the payment's <code>merchant_callback_url</code>), retried until answered with HTTP 200.</p>
  <ul>${rules}</ul>
</div>
<div class="card">
  <h2>Payments</h2>
  <table><thead><tr><th>payment_id</th><th>type</th><th>method</th><th>amount</th><th>status</th><th>code</th></tr></thead>
  <tbody>${payments.map((p) => html`<tr><td>${p.id}</td><td>${p.type} (${p.via})</td><td>${p.method}${p.bank ? ` · ${p.bank.name}` : ''}</td><td>${formatAmount(p.amount, p.currency, 'en')}</td><td>${p.status}</td><td>${p.code} ${p.message}</td></tr>`)}</tbody></table>
</div>
<div class="card">
  <h2>Callbacks</h2>
  <table><thead><tr><th>#</th><th>payment_id</th><th>status</th><th>attempts</th><th>acknowledged</th><th></th></tr></thead>
  <tbody>${deliveries.map((d) => {
    const status = (d.body.payment as { status?: string } | undefined)?.status;
    return html`<tr><td>${d.id}${d.replay ? ' (again)' : ''}</td><td>${d.paymentId}</td><td>${status}</td><td>${d.attempts.map((a) => `${a.status || a.error}`).join(', ')}</td><td class="${d.acknowledged ? 'ok' : 'bad'}">${d.acknowledged ? 'yes' : 'no'}</td>
<td><form method="post" action="/sandbox/deliveries/${d.id}/resend"><button type="submit">Send again</button></form></td></tr>`;
  })}</tbody></table>
</div>`,
      { wide: true },
    ),
  );
}
