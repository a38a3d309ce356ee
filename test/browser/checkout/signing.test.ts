/**
 * Signing over HTTP (DESIGN §1.1): the protocol, every failure mode and its code, the timeout,
 * a click storm, removal mid-request, and the launch URL verified with the server helper.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { AmountChangeDetail, EcommpayCheckout, LaunchDetail } from '../../../src/index.ts';
import { signParams, verifySignature } from '../../../src/server/index.ts';
import { cleanup, recorded, respondUrl, uniqueKey, watchFetches } from '../helpers.ts';
import { alertText, failureOf, cupAttributes, mountCheckout, payButton, phAttributes, stayOnPage } from './fixtures.ts';

/** How long the test server may take to see the browser close an aborted request (Firefox, on a busy machine, took over the default 1 s). */
const ABORT_SEEN = { timeout: 3000 };

const SIGNATURE = 'SyA3cx/dmFrwjRcpbnwEK9zaklWKR9buIfTctQob/EHUTutFLpI0zWpSDFEWEwbZt/04i83395RCdEhtUMw83A==';

describe('<ecommpay-checkout> signing', () => {
  afterEach(cleanup);

  it('POSTs {"params"} as JSON to sign-url and launches the exact documented URL', async () => {
    const key = uniqueKey('sign-ok');
    const { el } = await mountCheckout({ ...cupAttributes, 'sign-url': respondUrl(key, { body: { signature: SIGNATURE } }) });
    stayOnPage(el);
    const launch = oneEvent(el, 'ecommpay-launch');
    payButton(el).click();
    const detail = (await launch).detail as LaunchDetail;

    const [request] = await recorded(key);
    expect(request!.method).to.equal('POST');
    expect(request!.headers['content-type']).to.match(/^application\/json/);
    expect(JSON.parse(request!.body)).to.deep.equal({ params: el.launchParams });

    expect(detail.signature).to.equal(SIGNATURE);
    expect(detail.url).to.equal(
      'https://paymentpage.ecommpay.com/payment?project_id=581&payment_id=TEST_154&payment_amount=10000' +
        '&payment_currency=CNY&customer_id=customer121&payment_description=test%20payment&language_code=zh' +
        `&signature=${encodeURIComponent(SIGNATURE)}`,
    );
  });

  it('payment-page-url points the launch at another host (a white-label platform, a local sandbox)', async () => {
    const { el } = await mountCheckout(
      { ...phAttributes, 'sign-url': null, 'payment-page-url': 'http://localhost:5174/' },
      { sign: async () => ({ signature: SIGNATURE }) },
    );
    stayOnPage(el);
    const launch = oneEvent(el, 'ecommpay-launch');
    payButton(el).click();
    expect(((await launch).detail as LaunchDetail).url).to.match(/^http:\/\/localhost:5174\/payment\?project_id=580&/);
  });

  it("the backend's params replace what was sent; the same amount launches at once", async () => {
    const key = uniqueKey('sign-params');
    const { el, events } = await mountCheckout(cupAttributes);
    const signed = { ...el.launchParams!, payment_id: 'ORDER-9', merchant_success_url: 'https://shop.example/ok' };
    el.signUrl = respondUrl(key, { body: { signature: SIGNATURE, params: signed } });
    stayOnPage(el);
    const launch = oneEvent(el, 'ecommpay-launch');
    payButton(el).click();
    const detail = (await launch).detail as LaunchDetail;
    expect(detail.params).to.deep.equal(signed);
    expect(new URL(detail.url).searchParams.get('payment_id')).to.equal('ORDER-9');
    expect(events.get('ecommpay-amount-change') ?? []).to.have.length(0);
  });

  describe('the backend signs another amount (its right: it is the authority on amounts)', () => {
    const part = (el: EcommpayCheckout, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

    async function changed(lang: 'zh' | 'en' = 'zh') {
      const key = uniqueKey('sign-amount');
      const { el, events } = await mountCheckout({ ...cupAttributes, language: lang });
      const signed = { ...el.launchParams!, payment_amount: 25000, payment_id: 'ORDER-9' };
      el.signUrl = respondUrl(key, { body: { signature: SIGNATURE, params: signed } });
      const launches: LaunchDetail[] = [];
      el.addEventListener('ecommpay-launch', (e) => {
        e.preventDefault();
        launches.push(e.detail);
      });
      const change = oneEvent(el, 'ecommpay-amount-change');
      payButton(el).click();
      const detail = (await change).detail as AmountChangeDetail;
      await el.updateComplete;
      return { el, events, key, signed, launches, detail };
    }

    it('nothing opens; the page hears of it; the buyer sees the new amount and is asked to confirm', async () => {
      const { el, key, launches, detail } = await changed();
      expect(detail).to.deep.equal({ amount: 25000, currency: 'CNY', previousAmount: 10000, previousCurrency: 'CNY' });
      expect(launches).to.have.length(0);
      expect(part(el, 'amount')!.textContent).to.equal('¥250.00');
      const notice = part(el, 'notice')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(notice.textContent).to.equal('商户已将此笔支付的金额从 ¥100.00 改为 ¥250.00，请核对后再付款。');
      expect(payButton(el).textContent!.trim()).to.equal('确认并支付 ¥250.00');
      expect(payButton(el).disabled).to.equal(false);
      expect(payButton(el).getAttribute('aria-describedby')!.split(' ')).to.include('notice');
      // Calling pay() is no confirmation: only the buyer's click is.
      await el.pay();
      expect(launches).to.have.length(0);
      expect(await recorded(key)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('the buyer confirms: ecommpay-launch with what was signed, and no second signing request', async () => {
      const { el, key, signed, launches } = await changed('en');
      expect(part(el, 'notice')!.textContent).to.equal('The shop changed the amount of this payment from CN¥100.00 to CN¥250.00. Please check it before you pay.');
      expect(payButton(el).textContent!.trim()).to.equal('Confirm and pay CN¥250.00');
      const launch = oneEvent(el, 'ecommpay-launch');
      payButton(el).click();
      const detail = (await launch).detail as LaunchDetail;
      expect(detail.params).to.deep.equal(signed);
      expect(detail.signature).to.equal(SIGNATURE);
      expect(new URL(detail.url).searchParams.get('payment_amount')).to.equal('25000');
      expect(launches).to.have.length(1);
      expect(await recorded(key)).to.have.length(1);
      // The launch was cancelled: back to an ordinary pay button.
      await el.updateComplete;
      expect(part(el, 'notice')).to.equal(null);
    });

    it('the configuration changes before the buyer confirms: what was signed is dropped, and the next click signs anew', async () => {
      const { el, key, launches } = await changed();
      el.amount = 25000;
      await el.updateComplete;
      expect(part(el, 'notice')).to.equal(null);
      expect(payButton(el).textContent!.trim()).to.equal('支付 ¥250.00');
      const launch = oneEvent(el, 'ecommpay-launch');
      payButton(el).click();
      await launch;
      // Signed again, at the amount now shown: no confirmation needed.
      expect(await recorded(key)).to.have.length(2);
      expect(launches).to.have.length(1);
    });

    it('another currency counts as another amount', async () => {
      const key = uniqueKey('sign-currency');
      const { el, events } = await mountCheckout({ ...phAttributes, currency: 'PHP' });
      el.signUrl = respondUrl(key, { body: { signature: SIGNATURE, params: { ...el.launchParams!, payment_currency: 'USD' } } });
      stayOnPage(el);
      const change = oneEvent(el, 'ecommpay-amount-change');
      payButton(el).click();
      expect(((await change).detail as AmountChangeDetail).currency).to.equal('USD');
      expect(events.get('ecommpay-launch')).to.have.length(0);
    });
  });

  it("the backend's params are validated again: sign-invalid-response naming the broken rule", async () => {
    const key = uniqueKey('sign-params-bad');
    const { el, events } = await mountCheckout(cupAttributes);
    el.signUrl = respondUrl(key, { body: { signature: SIGNATURE, params: { ...el.launchParams!, payment_amount: 50 } } });
    const detail = await failureOf(el);
    expect(detail.code).to.equal('sign-invalid-response');
    expect(detail.issues![0]).to.deep.include({ field: 'payment_amount' });
    expect(detail.issues![0]!.message).to.match(/10000/);
    expect(events.get('ecommpay-launch')).to.have.length(0);
  });

  it('HTTP 500 → sign-http with the status and the backend message; the button works again', async () => {
    const key = uniqueKey('sign-500');
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': respondUrl(key, { status: 500, body: { error: 'order is already paid' } }) });
    const detail = await failureOf(el);
    expect(detail.code).to.equal('sign-http');
    expect(detail.message).to.contain('HTTP 500').and.to.contain('order is already paid');
    await el.updateComplete;
    expect(alertText(el)).to.contain('The shop could not prepare this payment');
    expect(payButton(el).disabled).to.equal(false);
    await failureOf(el);
    expect(await recorded(key)).to.have.length(2);
  });

  it('HTTP 403 with an HTML body → sign-http (any body is tolerated)', async () => {
    const key = uniqueKey('sign-403');
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': respondUrl(key, { status: 403, type: 'text/html', body: '<h1>Forbidden</h1>' }) });
    expect((await failureOf(el)).code).to.equal('sign-http');
  });

  it('an unreachable endpoint → sign-network', async () => {
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': 'http://127.0.0.1:9/sign' });
    const detail = await failureOf(el);
    expect(detail.code).to.equal('sign-network');
    await el.updateComplete;
    expect(alertText(el)).to.contain('could not be reached');
  });

  it('a 200 that is not JSON → sign-invalid-response', async () => {
    const key = uniqueKey('sign-html');
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': respondUrl(key, { type: 'text/html', body: '<html>login</html>' }) });
    expect((await failureOf(el)).code).to.equal('sign-invalid-response');
  });

  it('a 200 without a Base64 signature → sign-invalid-response naming the field', async () => {
    for (const body of [{ sig: SIGNATURE }, { signature: '<script>' }, { signature: SIGNATURE, params: { a: { nested: 1 } } }]) {
      const key = uniqueKey('sign-shape');
      const { el, events } = await mountCheckout({ ...phAttributes, 'sign-url': respondUrl(key, { body }) });
      const detail = await failureOf(el);
      expect(detail.code, JSON.stringify(body)).to.equal('sign-invalid-response');
      expect(detail.issues![0]!.field).to.match(/^(signature|params\.a)$/);
      expect(events.get('ecommpay-launch')).to.have.length(0);
    }
  });

  it('no answer within sign-timeout → sign-timeout, and the request is aborted', async () => {
    const key = uniqueKey('sign-slow');
    const { el } = await mountCheckout({ ...phAttributes, 'sign-timeout': '150', 'sign-url': respondUrl(key, { delay: 3000, body: { signature: SIGNATURE } }) });
    const started = performance.now();
    const detail = await failureOf(el);
    expect(detail.code).to.equal('sign-timeout');
    expect(performance.now() - started).to.be.below(2000);
    await waitUntil(async () => (await recorded(key))[0]?.aborted === true, 'the request was not aborted', ABORT_SEEN);
    await el.updateComplete;
    expect(payButton(el).disabled).to.equal(false);
  });

  it('a custom sign function that never answers also times out', async () => {
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': null, 'sign-timeout': '100' }, { sign: () => new Promise(() => {}) });
    expect((await failureOf(el)).code).to.equal('sign-timeout');
  });

  it('a storm of 50 clicks: one signing request, one ecommpay-launch', async () => {
    const key = uniqueKey('sign-storm');
    const signUrl = respondUrl(key, { delay: 200, body: { signature: SIGNATURE } });
    const signing = watchFetches(signUrl);
    const { el, events } = await mountCheckout({ ...cupAttributes, 'sign-url': signUrl });
    stayOnPage(el);
    const button = payButton(el);
    for (let i = 0; i < 50; i++) {
      button.click();
      void el.pay();
      // In batches of 10, each landing on the element as it rendered itself after the one before.
      if (i % 10 === 0) await el.updateComplete;
    }
    await waitUntil(() => events.get('ecommpay-launch')!.length > 0, 'no launch');
    await el.updateComplete;
    // Every click that got past the guard would have called fetch() at once, long before the launch.
    expect(signing.count).to.equal(1);
    expect(await recorded(key)).to.have.length(1);
    expect(events.get('ecommpay-launch')).to.have.length(1);
  });

  it('removed while signing: the request is aborted and nothing launches', async () => {
    const key = uniqueKey('sign-removed');
    const { el, events } = await mountCheckout({ ...cupAttributes, 'sign-url': respondUrl(key, { delay: 2000, body: { signature: SIGNATURE } }) });
    payButton(el).click();
    await waitUntil(async () => (await recorded(key)).length === 1);
    el.remove();
    await waitUntil(async () => (await recorded(key))[0]?.aborted === true, 'the request was not aborted', ABORT_SEEN);
    // The abort settled the signing in microtasks, before the endpoint could even see the connection close.
    await el.updateComplete;
    expect(events.get('ecommpay-launch')).to.have.length(0);
    expect(events.get('ecommpay-error')).to.have.length(0);
  });

  it('without AbortSignal.any (Safari < 17.4, Firefox < 124): the timeout and removal still abort the request', async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true, writable: true });
    try {
      const slow = uniqueKey('sign-slow-noany');
      const { el } = await mountCheckout({ ...phAttributes, 'sign-timeout': '150', 'sign-url': respondUrl(slow, { delay: 3000, body: { signature: SIGNATURE } }) });
      expect((await failureOf(el)).code).to.equal('sign-timeout');
      await waitUntil(async () => (await recorded(slow))[0]?.aborted === true, 'the timed-out request was not aborted', ABORT_SEEN);

      const removed = uniqueKey('sign-removed-noany');
      const second = await mountCheckout({ ...cupAttributes, 'sign-url': respondUrl(removed, { delay: 2000, body: { signature: SIGNATURE } }) });
      payButton(second.el).click();
      await waitUntil(async () => (await recorded(removed)).length === 1);
      second.el.remove();
      await waitUntil(async () => (await recorded(removed))[0]?.aborted === true, 'the request of a removed element was not aborted', ABORT_SEEN);
      expect(second.events.get('ecommpay-launch')).to.have.length(0);
    } finally {
      if (any) Object.defineProperty(AbortSignal, 'any', any);
    }
  });

  it('the launch URL parses back into the parameters, and its signature verifies with verifySignature', async () => {
    const secret = 'project-secret-✓';
    const { el } = await mountCheckout(
      { ...phAttributes, 'sign-url': null, 'split-banks': true, 'banks-id': '2421,2371', description: 'B&W, 测试 a=b+c' },
      {
        extraParams: { close_on_missclick: true, merchant_success_url: 'https://shop.example/ok?x=1&y=2' },
        sign: async (params: Record<string, string | number | boolean>) => ({ signature: await signParams(params, secret) }),
      },
    );
    stayOnPage(el);
    const launch = oneEvent(el, 'ecommpay-launch');
    payButton(el).click();
    const { url, params } = (await launch).detail as LaunchDetail;

    const parsed = Object.fromEntries(new URL(url).searchParams);
    const { signature, ...rest } = parsed;
    expect(rest).to.deep.equal(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)])));
    expect(await verifySignature(parsed, secret)).to.equal(true);
    expect(await verifySignature({ ...parsed, payment_amount: '1' }, secret)).to.equal(false);
    expect(signature).to.have.length(88);
  });
});
