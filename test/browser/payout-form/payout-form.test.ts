/** <ecommpay-payout-form>: the request it builds, each validation rule, events, languages, accessibility. */
import { expect, waitUntil } from '@open-wc/testing';
import { checkGate, gateBodySchema } from '../../../src/core/gate.ts';
import { CUP_REQUEST, PH_REQUEST } from '../../fixtures/payout.ts';
import { cleanup, respondUrl, uniqueKey, mount } from '../helpers.ts';
import type { EcommpayPayoutForm } from '../../../src/elements/payout-form/ecommpay-payout-form.ts';
import { CUP_VALUES, PH_VALUES, alertOf, bankSelect, fieldError, fill, fillAll, mountForm, settled } from './fixtures.ts';

const CUP = { method: 'cup-bank', amount: '100000' };
const PH = { method: 'online-philippines-banks', amount: '150000' };

async function cupForm(values: Record<string, string> = CUP_VALUES, attributes: Record<string, string | boolean | null> = {}) {
  const mounted = await mountForm({ ...CUP, ...attributes });
  await fillAll(mounted.el, values);
  return mounted;
}

async function phForm(values: Record<string, string> = PH_VALUES, attributes: Record<string, string | boolean | null> = {}) {
  const mounted = await mountForm({ ...PH, ...attributes });
  await fillAll(mounted.el, values);
  return mounted;
}

/** Submits with the form's own button and shows every error. */
async function submit(el: EcommpayPayoutForm) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

describe('<ecommpay-payout-form> request', () => {
  afterEach(cleanup);

  it('CUP: the Gate payout body without general, field by field', async () => {
    const { el, events } = await cupForm();
    await submit(el);
    const fired = events.get('ecommpay-payout-submit')!;
    expect(fired).to.have.length(1);
    const expected = CUP_REQUEST;
    expect(fired[0]!.detail.method).to.equal('cup-bank');
    expect(fired[0]!.detail.request).to.deep.equal(expected);
    expect(fired[0]!.detail.request.customer).to.deep.equal(CUP_REQUEST.customer);
    expect(el.request).to.deep.equal(expected);
    expect(fired[0]!.bubbles && fired[0]!.composed).to.equal(true);
    // With the fields the backend adds, it is exactly what the Gate schema accepts.
    const full = { ...expected, customer: { ...expected.customer, id: 'c-1', ip_address: '203.0.113.10' } };
    expect(checkGate(gateBodySchema('cup-bank', 'payout'), full).ok).to.equal(true);
  });

  it('CUP: no identity document → no customer.identify', async () => {
    const { el } = await cupForm({ ...CUP_VALUES, 'customer.identify.doc_number': '' });
    expect(el.request!.customer).to.not.have.property('identify');
  });

  it('CUP: a bank account number instead of a card number', async () => {
    const { el } = await cupForm({ ...CUP_VALUES, 'card.pan': '' });
    const account = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="pan-type"][value="account"]')!;
    account.click();
    await el.updateComplete;
    await fill(el, 'card.pan', '6225880137001234');
    expect(el.request!.card).to.deep.equal({ pan: '6225880137001234' });
    expect(el.shadowRoot!.querySelector('label[for="f-card-pan"]')!.textContent).to.equal('银行账号');
  });

  it('Philippines: the Gate payout body without general, field by field, with a typed amount', async () => {
    const { el, events } = await phForm({ ...PH_VALUES, 'payment.amount': '1,500.50' }, { amount: null, description: 'Seller withdrawal' });
    await submit(el);
    const expected = PH_REQUEST;
    const { request } = events.get('ecommpay-payout-submit')![0]!.detail;
    expect(request).to.deep.equal(expected);
    // No customer fields in this form: no `customer` key at all (the backend adds customer.id and ip_address).
    expect(request).to.not.have.property('customer');
    expect(Object.keys(request)).to.deep.equal(['payment', 'account']);
    expect(el.request).to.not.have.property('customer');
    const full = { ...expected, customer: { id: 'c-1', ip_address: '203.0.113.10' } };
    expect(checkGate(gateBodySchema('online-philippines-banks', 'payout'), full).ok).to.equal(true);
  });

  it('values set before the element is defined (a lazy chunk) are kept and shown', async () => {
    // A subclass under a tag not defined yet stands in for the lazily loaded element.
    const { EcommpayPayoutForm } = await import('../../../src/elements/payout-form/ecommpay-payout-form.ts');
    const tag = `late-payout-form-${uniqueKey()}`;
    const early = document.createElement(tag) as EcommpayPayoutForm;
    early.dataset.testHost = '';
    early.setAttribute('method', 'online-philippines-banks');
    early.setAttribute('amount', '150000');
    early.values = PH_VALUES;
    document.body.append(early);
    customElements.define(tag, class extends EcommpayPayoutForm {});
    await settled(early);
    expect(early.values).to.deep.equal(PH_VALUES);
    expect(early.shadowRoot!.querySelector<HTMLInputElement>('[name="account.customer_name"]')!.value).to.equal('Juan Dela Cruz');
    expect(early.request?.account).to.deep.include({ bank_id: 486, region_id: 297 });
  });

  it('does not fire while invalid; shows every error and focuses the first field', async () => {
    const { el, events } = await mountForm(PH);
    expect(el.request).to.equal(null);
    expect(fieldError(el, 'account.customer_name')).to.equal(null); // untouched: quiet
    await submit(el);
    expect(events.get('ecommpay-payout-submit')).to.have.length(0);
    expect(fieldError(el, 'account.customer_name')).to.equal('Account holder name is required');
    expect(alertOf(el)).to.equal('Please correct the highlighted fields.');
    await waitUntil(() => el.shadowRoot!.activeElement, 'no field was focused');
    expect(el.shadowRoot!.activeElement!.getAttribute('name')).to.equal('account.customer_name');
  });

  /** The invalid controls in screen (document) order, and the one focused after a failed submit. */
  async function focusAfterSubmit(el: EcommpayPayoutForm): Promise<{ focused: string | null; onScreen: string[] }> {
    await submit(el);
    await waitUntil(() => el.shadowRoot!.activeElement, 'no field was focused');
    const onScreen = [...el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')].map((c) => c.getAttribute('name')!);
    return { focused: el.shadowRoot!.activeElement!.getAttribute('name'), onScreen };
  }

  const focusCases: { name: string; method: 'cup' | 'ph'; values: Record<string, string>; first: string; later: string; amount?: string }[] = [
    // The schema lists customer.email before customer.first_name; the form shows the names first.
    { name: 'CUP: a first name in Latin letters and a bad e-mail', method: 'cup', values: { 'customer.first_name': 'Wei', 'customer.email': 'nope' }, first: 'customer.first_name', later: 'customer.email', amount: '100000' },
    // The schema lists card.pan before payment.amount; the form shows the amount first.
    { name: 'CUP: a typed amount too low and a bad card number', method: 'cup', values: { 'payment.amount': '1', 'card.pan': '123' }, first: 'payment.amount', later: 'card.pan' },
    { name: 'Philippines: a typed amount too low and a bad account number', method: 'ph', values: { 'payment.amount': '1', 'account.number': 'x' }, first: 'payment.amount', later: 'account.number' },
  ];

  for (const c of focusCases) {
    it(`after a failed submit, focus goes to the first invalid field on screen: ${c.name}`, async () => {
      const base = c.method === 'cup' ? CUP_VALUES : PH_VALUES;
      const { el } = await (c.method === 'cup' ? cupForm : phForm)({ ...base, ...c.values }, { amount: c.amount ?? null });
      const { focused, onScreen } = await focusAfterSubmit(el);
      expect(onScreen.indexOf(c.first)).to.be.below(onScreen.indexOf(c.later));
      expect(focused).to.equal(onScreen[0]);
      expect(focused).to.equal(c.first);
    });
  }
});

describe('<ecommpay-payout-form> rules (one failing case each)', () => {
  afterEach(cleanup);

  const cupCases: [string, string, string][] = [
    ['customer.last_name', 'Wang', 'Last name (in Chinese) must be written in Chinese characters'],
    ['customer.first_name', 'Wei', 'First name (in Chinese) must be written in Chinese characters'],
    ['customer.state', 'Zhejiang', 'Province (in Chinese) must be written in Chinese characters'],
    ['customer.city', 'Hangzhou', 'City (in Chinese) must be written in Chinese characters'],
    ['customer.street', 'Renmin Road 100', 'Street address (in Chinese) must be written in Chinese characters'],
    ['customer.phone', '+8613800138000', 'Phone must be 4–24 digits'],
    ['customer.email', 'wang.wei', 'E-mail must be an e-mail address'],
    ['customer.zip', '', 'Postcode is required'],
    ['card.pan', '621700376013', 'Card number must be 16–19 digits'],
    ['card.pan', '6217003760136456531', 'Card number is not a valid card number (checksum)'],
    ['account.bank_id', '', 'Bank is required'],
    ['account.region_id', '', 'Bank region is required'],
    ['account.city', ' ', 'Bank city is required'],
    ['account.branch', '', 'Branch is required'],
  ];
  for (const [field, value, message] of cupCases) {
    it(`CUP ${field} = ${JSON.stringify(value)}: ${message}`, async () => {
      const { el } = await cupForm({ ...CUP_VALUES, [field]: value }, { language: 'en' });
      expect(el.request).to.equal(null);
      expect(el.issues.map((i) => i.field)).to.deep.equal([field]);
      expect(fieldError(el, field)).to.equal(message);
    });
  }

  it('CUP: an account number must be digits (12–30)', async () => {
    const { el } = await cupForm({ ...CUP_VALUES, 'card.pan': '' }, { language: 'en' });
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="pan-type"][value="account"]')!.click();
    await el.updateComplete;
    await fill(el, 'card.pan', '6225-8801-3700');
    expect(fieldError(el, 'card.pan')).to.equal('Bank account number must be 12–30 digits');
  });

  it('CUP: provinces in Chinese characters in the Chinese UI, in the source’s pinyin in the English one; the value is the region id', async () => {
    const options = (el: EcommpayPayoutForm) => [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[name="account.region_id"] option')].filter((o) => o.value);
    const zh = (await mountForm(CUP)).el;
    const zhOptions = options(zh);
    expect(zhOptions).to.have.length(34);
    expect(zhOptions.find((o) => o.value === '34')!.textContent).to.equal('浙江省');
    expect(zhOptions.find((o) => o.value === '27')!.textContent).to.equal('陕西省');
    expect(zhOptions.every((o) => /^[\u4e00-\u9fff]+$/.test(o.textContent!))).to.equal(true);
    const en = (await mountForm({ ...CUP, language: 'en' })).el;
    expect(options(en).find((o) => o.value === '34')!.textContent).to.equal('Zhejiang Sheng');
    await fill(zh, 'account.region_id', '34');
    expect(zh.values['account.region_id']).to.equal('34');
  });

  it('CUP: the Chinese-only rule in Chinese (language="zh" is the default)', async () => {
    const { el } = await cupForm({ ...CUP_VALUES, 'customer.last_name': 'Wang' });
    expect(fieldError(el, 'customer.last_name')).to.equal('姓（中文）必须使用中文填写');
  });

  it('CUP: a Chinese limit message joins label and text without a Latin space (金额（CNY）不得高于 …)', async () => {
    const { el } = await cupForm(CUP_VALUES, { amount: null });
    await fill(el, 'payment.amount', '50000');
    expect(fieldError(el, 'payment.amount')).to.equal('金额（CNY）不得高于 ¥49,999.00');
  });

  it('CUP: 200 kB of Chinese ending in a Latin letter is refused, in every engine (Safari matched the old patterns in quadratic time)', async () => {
    const street = `人民路 100 号${' 号'.repeat(100_000)}x`;
    const name = `${'王'.repeat(200_000)}x`;
    const { el } = await cupForm({ ...CUP_VALUES, 'customer.street': street, 'customer.last_name': name });
    const refused = el.issues.map((i) => `${i.field} ${i.rule}`);
    expect(refused).to.include.members(['customer.street chinese', 'customer.last_name chinese']);
    expect(el.request).to.equal(null);
  });

  it('a currency that is no text (a script set an object) is refused, not replaced by the method\'s', async () => {
    const { el } = await cupForm();
    expect(el.request).to.not.equal(null);
    (el as unknown as { currency: unknown }).currency = { code: 'CNY' };
    await el.updateComplete;
    expect(el.request).to.equal(null);
    expect(el.issues.map((i) => i.field)).to.include('payment.currency');
  });

  it('CUP: an identity document number is optional', async () => {
    const { el } = await cupForm({ ...CUP_VALUES, 'customer.identify.doc_number': '' });
    expect(el.issues).to.deep.equal([]);
  });

  const phCases: [string, string, string][] = [
    ['account.customer_name', '', 'Account holder name is required'],
    ['account.number', '1670-0333', 'Account number must be 6–30 digits'],
    ['account.bank_id', '', 'Bank is required'],
    ['account.bank_id', '2241', 'Bank is not one of the listed choices'], // BDO Corporate: purchases only
    ['account.region_id', '', 'Bank region is required'],
    ['account.city', '', 'Bank city is required'],
    ['account.branch', '', 'Branch is required'],
  ];
  for (const [field, value, message] of phCases) {
    it(`Philippines ${field} = ${JSON.stringify(value)}: ${message}`, async () => {
      const { el } = await phForm({ ...PH_VALUES, [field]: value });
      expect(el.issues.map((i) => i.field)).to.deep.equal([field]);
      expect(fieldError(el, field)).to.equal(message);
    });
  }

  it('Philippines test-mode: only banks 486 and 487', async () => {
    const { el } = await phForm({ ...PH_VALUES, 'account.bank_id': '488' }, { 'test-mode': true });
    expect(bankSelect(el).banks.map((b) => b.id)).to.deep.equal([486, 487]);
    expect(fieldError(el, 'account.bank_id')).to.equal('Bank is not one of the listed choices');
  });

  // The merchant's amount: the buyer cannot fix it, so reads that the form is set up wrongly; the developer reads the rule.
  const amountCases: [Record<string, string>, { rule: string; params: object }, string][] = [
    [{ method: 'cup-bank', amount: '9999' }, { rule: 'min', params: { limit: 10000, currency: 'CNY' } }, 'CUP below 100.00 CNY'],
    [{ method: 'cup-bank', amount: '4999901' }, { rule: 'max', params: { limit: 4999900, currency: 'CNY' } }, 'CUP above 49,999.00 CNY'],
    [{ method: 'online-philippines-banks', amount: '999' }, { rule: 'min', params: { limit: 1000, currency: 'PHP' } }, 'Philippines below 10.00 PHP'],
    [{ method: 'online-philippines-banks', amount: '10000001' }, { rule: 'max', params: { limit: 10000000, currency: 'PHP' } }, 'Philippines above 100,000.00 PHP'],
  ];
  for (const [attributes, expected, title] of amountCases) {
    it(`amount attribute: ${title}`, async () => {
      const values = attributes.method === 'cup-bank' ? CUP_VALUES : PH_VALUES;
      const { el } = await mountForm({ ...attributes, language: 'en' });
      await fillAll(el, values);
      expect(el.issues.map((i) => i.field)).to.deep.equal(['payment.amount']);
      expect(el.issues[0]).to.deep.include(expected);
      expect(alertOf(el)).to.equal('This payout form is set up incorrectly. Please contact the shop.');
    });
  }

  it('typed amount: below the minimum, above the maximum, not a number', async () => {
    const { el } = await phForm(PH_VALUES, { amount: null });
    await fill(el, 'payment.amount', '9.99');
    expect(fieldError(el, 'payment.amount')).to.equal('Amount (PHP) must be at least ₱10.00');
    await fill(el, 'payment.amount', '100000.01');
    expect(fieldError(el, 'payment.amount')).to.equal('Amount (PHP) must be at most ₱100,000.00');
    await fill(el, 'payment.amount', 'ten');
    expect(fieldError(el, 'payment.amount')).to.equal('Amount (PHP) must look like 1000.00');
    await fill(el, 'payment.amount', '');
    expect(fieldError(el, 'payment.amount')).to.equal('Amount (PHP) is required');
  });

  it('Philippines: InstaPay’s 50,000.00 is a hint, not a limit', async () => {
    const { el } = await phForm({ ...PH_VALUES, 'payment.amount': '75000' }, { amount: null });
    expect(el.issues).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('#f-payment-amount-hint')!.textContent).to.contain('₱50,000.00 arrives within minutes (InstaPay)');
  });

  it('currency: payouts only in the method’s currency', async () => {
    const { el } = await cupForm(CUP_VALUES, { currency: 'USD', language: 'en' });
    expect(el.issues.map((i) => i.field)).to.deep.equal(['payment.currency']);
    expect(el.issues[0]!.message).to.equal('payment.currency must be CNY for CUP Banks (China UnionPay)');
    expect(alertOf(el)).to.equal('This payout form is set up incorrectly. Please contact the shop.');
  });

  it('errors are tied to their fields: aria-invalid, aria-describedby and text', async () => {
    const { el } = await cupForm({ ...CUP_VALUES, 'customer.first_name': 'Wei' }, { language: 'en' });
    const input = el.shadowRoot!.querySelector('[name="customer.first_name"]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('f-customer-first_name-error');
    const phone = el.shadowRoot!.querySelector('[name="customer.phone"]')!;
    expect(phone.hasAttribute('aria-invalid')).to.equal(false);
    expect(phone.getAttribute('aria-describedby')).to.equal('f-customer-phone-hint');
  });
});

describe('<ecommpay-payout-form> accessibility', () => {
  afterEach(cleanup);

  it('empty, filled and with errors (CUP and Philippines)', async () => {
    for (const [attributes, values] of [[CUP, CUP_VALUES], [{ ...PH, amount: null }, PH_VALUES]] as const) {
      const { el } = await mountForm(attributes);
      await expect(el).to.be.accessible();
      await submit(el);
      await expect(el).to.be.accessible();
      await fillAll(el, values);
      await expect(el).to.be.accessible();
      cleanup();
    }
  });

  it('while the bank list loads, and on the visible fallback', async () => {
    const slow = await mount<EcommpayPayoutForm>('ecommpay-payout-form', {
      ...PH,
      'banks-url': respondUrl(uniqueKey('slow'), { delay: 500, body: [{ id: 486, name: 'BDO Internet Banking', abbr: 'BDO' }] }),
    });
    expect(bankSelect(slow.el).source).to.equal(null);
    await expect(slow.el).to.be.accessible();
    await settled(slow.el);
    expect(bankSelect(slow.el).source).to.equal('live');

    const { el } = await mountForm({ ...PH, 'banks-url': respondUrl(uniqueKey('down'), { status: 503 }) });
    expect(bankSelect(el).source).to.equal('catalogue');
    expect(bankSelect(el).shadowRoot!.querySelector<HTMLElement>('[part="notice"]')!.hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
