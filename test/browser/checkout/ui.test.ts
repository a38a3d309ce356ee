/** What the buyer sees: method, amount, button, busy state, errors, languages, accessibility, mobile. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { EcommpayCheckout, EcommpayErrorDetail } from '../../../src/index.ts';
import { cleanup, emulateUserAgent, recorded, respondUrl, uniqueKey } from '../helpers.ts';
import { alertText, cupAttributes, mountCheckout, payButton, phAttributes } from './fixtures.ts';

const part = (el: EcommpayCheckout, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('<ecommpay-checkout> presentation', () => {
  afterEach(cleanup);

  it('is accessible when idle', async () => {
    const { el } = await mountCheckout(cupAttributes);
    await expect(el).to.be.accessible();
  });

  it('CUP: Chinese by default, the amount formatted for CNY in Chinese', async () => {
    const { el } = await mountCheckout(cupAttributes);
    expect(part(el, 'method')!.textContent).to.equal('银联银行卡支付');
    expect(part(el, 'amount')!.textContent).to.equal('¥100.00');
    expect(payButton(el).textContent!.trim()).to.equal('支付 ¥100.00');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('zh-CN');
  });

  it('Philippines: English by default, the amount formatted for PHP', async () => {
    const { el } = await mountCheckout({ ...phAttributes, amount: '150000' });
    expect(part(el, 'method')!.textContent).to.equal('Banks of the Philippines');
    expect(part(el, 'amount')!.textContent).to.equal('₱1,500.00');
    expect(payButton(el).textContent!.trim()).to.equal('Pay ₱1,500.00');
  });

  it('Philippines in Chinese with language="zh"', async () => {
    const { el } = await mountCheckout({ ...phAttributes, language: 'zh' });
    expect(part(el, 'method')!.textContent).to.equal('菲律宾网上银行');
    expect(part(el, 'amount')!.textContent).to.equal('PHP\u00a01,500.00');
  });

  it('the button label can be replaced through the default slot', async () => {
    const el = await fixture<EcommpayCheckout>(html`<ecommpay-checkout
      method="online-philippines-banks" project-id="1" payment-id="p" amount="1000" customer-id="c" sign-url="/s"
      ><strong>Pay with my bank</strong></ecommpay-checkout>`);
    const slot = payButton(el).querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Pay with my bank');
  });

  it('busy while signing: aria-busy, a disabled button, and still accessible', async () => {
    const key = uniqueKey('busy');
    const { el } = await mountCheckout({ ...phAttributes, 'sign-url': respondUrl(key, { delay: 1500, body: { signature: 'AAAA' } }) });
    payButton(el).click();
    await el.updateComplete;
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(payButton(el).disabled).to.equal(true);
    expect(payButton(el).textContent).to.contain('Connecting to the payment page');
    await expect(el).to.be.accessible();
  });

  it('shows a signing failure in the alert region, and is accessible then', async () => {
    const key = uniqueKey('err');
    const { el } = await mountCheckout({ ...cupAttributes, 'sign-url': respondUrl(key, { status: 502 }) });
    const failed = oneEvent(el, 'ecommpay-error');
    payButton(el).click();
    await failed;
    await el.updateComplete;
    expect(alertText(el)).to.equal('商户暂时无法处理此笔支付，请稍后重试。');
    expect(payButton(el).getAttribute('aria-describedby')).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('shows an invalid configuration to the buyer as one plain sentence, and is accessible then', async () => {
    const { el, events } = await mountCheckout({ ...phAttributes, amount: '1', 'customer-email': 'nope' });
    const issues = events.get('ecommpay-error')![0]!.detail.issues as { field: string; message: string }[];
    expect(issues.map((i) => i.message)).to.have.members(['amount must be at least 100 (₱1.00)', 'customer-email must be an e-mail address']);
    expect(alertText(el)).to.equal('This payment can’t be started. Please contact the shop.');
    expect(payButton(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('while the configuration is invalid, no amount is shown: nothing would be charged', async () => {
    // Below CUP's minimum: ¥50.00 is not what the buyer could pay.
    const { el } = await mountCheckout({ ...cupAttributes, amount: '5000' });
    expect(part(el, 'amount')).to.equal(null);
    expect(payButton(el).textContent!.trim()).to.equal('支付');
    expect(el.shadowRoot!.textContent).not.to.contain('50.00');
    expect(alertText(el)).to.equal('无法发起此笔支付，请联系商户。');
    // Valid again: the amount that would be charged.
    el.amount = '38800';
    await el.updateComplete;
    expect(part(el, 'amount')!.textContent).to.equal('¥388.00');
    expect(alertText(el)).to.equal('');
  });

  it('an amount that is no whole number shows none', async () => {
    const { el } = await mountCheckout({ ...cupAttributes, amount: '388.00' });
    expect(part(el, 'amount')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('3.88');
  });

  it('language="en" with CUP: an English UI, no error, and the Payment Page still in Chinese (language_code zh)', async () => {
    const { el, events } = await mountCheckout({ ...cupAttributes, language: 'en' });
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(alertText(el)).to.equal('');
    expect(part(el, 'method')!.textContent).to.equal('CUP Banks (China UnionPay)');
    expect(part(el, 'amount')!.textContent).to.equal('CN¥100.00');
    expect(payButton(el).textContent!.trim()).to.equal('Pay CN¥100.00');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    expect(el.launchParams!.language_code).to.equal('zh');
    expect(events.get('ecommpay-ready')![0]!.detail.params.language_code).to.equal('zh');
  });
});

describe('<ecommpay-checkout> on a mobile device', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = emulateUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148');
  });
  afterEach(() => {
    restore();
    cleanup();
  });

  it('CUP: one message saying what to do, a button really disabled and announced as such; no signing request', async () => {
    const key = uniqueKey('mobile');
    const { el, events } = await mountCheckout({ ...cupAttributes, 'sign-url': respondUrl(key, { body: { signature: 'AAAA' } }) });
    const notice = part(el, 'notice')!;
    expect(notice.textContent).to.equal('银联银行卡支付不支持手机和平板电脑，请在电脑上完成支付。');
    // Said once: the alert region does not repeat it.
    expect(alertText(el)).to.equal('');
    expect(el.shadowRoot!.textContent!.split('不支持手机').length - 1).to.equal(1);
    // The developer still hears of it, in English.
    const detail = events.get('ecommpay-error')![0]!.detail as EcommpayErrorDetail;
    expect(detail).to.deep.equal({ code: 'mobile-unsupported', message: 'CUP Banks does not support mobile devices (set allow-mobile to allow them)' });
    const button = payButton(el);
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-describedby')!.split(' ')).to.include(notice.id);
    // A script calling pay() gets the failure, and nothing is signed.
    const again = oneEvent(el, 'ecommpay-error');
    void el.pay();
    expect(((await again).detail as EcommpayErrorDetail).code).to.equal('mobile-unsupported');
    expect(await recorded(key)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('CUP in an English UI: the same, in English', async () => {
    const { el } = await mountCheckout({ ...cupAttributes, language: 'en' });
    expect(part(el, 'notice')!.textContent).to.equal('CUP Banks payments can’t be made on a phone or tablet. Please finish this payment on a computer.');
    expect(alertText(el)).to.equal('');
    expect(payButton(el).disabled).to.equal(true);
  });

  it('allow-mobile lets CUP proceed', async () => {
    const key = uniqueKey('mobile-allowed');
    const { el, events } = await mountCheckout({ ...cupAttributes, 'allow-mobile': true, 'sign-url': respondUrl(key, { body: { signature: 'AAAA' } }) });
    el.addEventListener('ecommpay-launch', (e) => e.preventDefault());
    expect(part(el, 'notice')).to.equal(null);
    const launched = oneEvent(el, 'ecommpay-launch');
    payButton(el).click();
    await launched;
    expect(events.get('ecommpay-error')).to.have.length(0);
  });

  it('the Philippines are not blocked on mobile devices', async () => {
    const { el, events } = await mountCheckout(phAttributes);
    expect(part(el, 'notice')).to.equal(null);
    expect(events.get('ecommpay-error')).to.have.length(0);
  });
});
