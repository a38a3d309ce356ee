/**
 * Every validation rule of `<ecommpay-checkout>`, one failing case each. An invalid configuration
 * never reaches the network: it is shown in the alert region and fired as `invalid-config`.
 */
import { expect } from '@open-wc/testing';
import type { EcommpayErrorDetail } from '../../../src/index.ts';
import { cleanup, recorded, respondUrl, sleep, uniqueKey } from '../helpers.ts';
import { alertText, cupAttributes, mountCheckout, payButton, phAttributes, type Attributes } from './fixtures.ts';

interface Case {
  rule: string;
  attributes: Attributes;
  properties?: Record<string, unknown>;
  field: string;
  /** In the element's UI language: Chinese for CUP (its `language_code` is always `zh`), English otherwise. */
  message: RegExp;
}

const cup = (over: Attributes): Attributes => ({ ...cupAttributes, ...over });
const ph = (over: Attributes): Attributes => ({ ...phAttributes, ...over });

const cases: Case[] = [
  { rule: 'method is required', attributes: cup({ method: null }), field: 'method', message: /^method is required$/ },
  { rule: 'method is a known code', attributes: cup({ method: 'card' }), field: 'method', message: /method must be one of: cup-bank, online-philippines-banks/ },
  { rule: 'project-id is required', attributes: cup({ 'project-id': null }), field: 'project-id', message: /^project-id 为必填项$/ },
  { rule: 'project-id is a positive integer', attributes: cup({ 'project-id': '0' }), field: 'project-id', message: /^project-id 必须是正整数$/ },
  { rule: 'payment-id is required', attributes: cup({ 'payment-id': ' ' }), field: 'payment-id', message: /^payment-id 为必填项$/ },
  { rule: 'amount is required', attributes: cup({ amount: null }), field: 'amount', message: /^amount 为必填项$/ },
  { rule: 'amount is an integer in minor units', attributes: cup({ amount: '100.50' }), field: 'amount', message: /^amount 必须是整数/ },
  { rule: 'CUP minimum 100.00 CNY', attributes: cup({ amount: '9999' }), field: 'amount', message: /^amount 不得低于 10000 \(¥100\.00\)$/ },
  { rule: 'CUP maximum 100,000.00 CNY', attributes: cup({ amount: '10000001' }), field: 'amount', message: /^amount 不得高于 10000000 \(¥100,000\.00\)$/ },
  { rule: 'Philippine minimum 1.00 PHP', attributes: ph({ amount: '99' }), field: 'amount', message: /amount must be at least 100 / },
  { rule: 'Philippine maximum 1,000,000.00 PHP', attributes: ph({ amount: '100000001' }), field: 'amount', message: /amount must be at most 100000000/ },
  { rule: 'max-amount overrides the maximum', attributes: cup({ amount: '20000', 'max-amount': '15000' }), field: 'amount', message: /^amount 不得高于 15000 \(¥150\.00\)$/ },
  { rule: 'min-amount overrides the minimum', attributes: ph({ amount: '5000', 'min-amount': '10000' }), field: 'amount', message: /^amount must be at least 10000 \(₱100\.00\)$/ },
  { rule: 'min-amount is an integer', attributes: cup({ 'min-amount': '1.5' }), field: 'min-amount', message: /^min-amount 必须是整数/ },
  { rule: 'min-amount ≤ max-amount', attributes: cup({ 'min-amount': '30000', 'max-amount': '20000' }), field: 'min-amount', message: /^min-amount 不得高于 max-amount \(20000\)$/ },
  { rule: 'CUP is CNY only', attributes: cup({ currency: 'USD' }), field: 'currency', message: /^银联银行卡支付 要求 currency 为 CNY$/ },
  { rule: 'currency is ISO 4217 alpha-3', attributes: ph({ currency: 'peso' }), field: 'currency', message: /currency must look like/ },
  { rule: 'customer-id is required', attributes: cup({ 'customer-id': null }), field: 'customer-id', message: /^customer-id 为必填项$/ },
  { rule: 'CUP requires a description', attributes: cup({ description: null }), field: 'description', message: /^description 为必填项$/ },
  { rule: 'description at most 255 characters', attributes: ph({ description: 'x'.repeat(256) }), field: 'description', message: /description must be at most 255 characters/ },
  { rule: 'CUP language_code must be zh', attributes: cup({ language: 'en' }), field: 'language', message: /^language must be zh for CUP Banks \(China UnionPay\)$/ },
  { rule: 'language is a two-letter code', attributes: ph({ language: 'english' }), field: 'language', message: /language must look like/ },
  { rule: 'customer-email is an e-mail address', attributes: ph({ 'customer-email': 'buyer.example.com' }), field: 'customer-email', message: /customer-email must be an e-mail address/ },
  { rule: 'split-banks is for the Philippines only', attributes: cup({ 'split-banks': true }), field: 'split-banks', message: /^split-banks 仅适用于 菲律宾网上银行$/ },
  { rule: 'banks-id is for the Philippines only', attributes: cup({ 'banks-id': '2371' }), field: 'banks-id', message: /^banks-id 仅适用于 菲律宾网上银行$/ },
  { rule: 'banks-id is a list of integers', attributes: ph({ 'banks-id': '2421, BDO' }), field: 'banks-id', message: /banks-id must be a comma-separated list of whole numbers/ },
  { rule: '";" is rejected in any value', attributes: ph({ 'payment-id': 'order;1' }), field: 'payment-id', message: /payment-id must not contain ";"/ },
  { rule: '";" is rejected in extraParams too', attributes: ph({}), properties: { extraParams: { merchant_success_url: 'https://shop.example/ok;x' } }, field: 'extraParams.merchant_success_url', message: /must not contain ";"/ },
  { rule: 'extraParams cannot set what attributes set', attributes: ph({}), properties: { extraParams: { payment_amount: 1 } }, field: 'extraParams.payment_amount', message: /set through the amount attribute/ },
  { rule: 'extraParams values are scalars', attributes: ph({}), properties: { extraParams: { nested: { a: 1 } } }, field: 'extraParams.nested', message: /must be a string, a number or a boolean/ },
  { rule: 'customer_phone is 4–24 digits', attributes: ph({}), properties: { extraParams: { customer_phone: '+639171234567' } }, field: 'extraParams.customer_phone', message: /must be 4–24 digits/ },
  { rule: 'best_before has the documented format', attributes: ph({}), properties: { extraParams: { best_before: '2026-12-31' } }, field: 'extraParams.best_before', message: /must look like 2026-12-31T23:59:59\+08:00/ },
  { rule: 'sign-url is required without a sign function', attributes: ph({ 'sign-url': null }), field: 'sign-url', message: /sign-url is required/ },
  { rule: 'sign-timeout is a positive integer', attributes: ph({ 'sign-timeout': '0' }), field: 'sign-timeout', message: /sign-timeout must be a positive whole number/ },
  { rule: 'payment-page-url is https (http only on localhost)', attributes: ph({ 'payment-page-url': 'http://paymentpage.example.com' }), field: 'payment-page-url', message: /payment-page-url must be an absolute https: URL/ },
  { rule: 'payment-page-url is never javascript:', attributes: ph({ 'payment-page-url': 'javascript:alert(1)' }), field: 'payment-page-url', message: /payment-page-url must be an absolute https: URL/ },
];

describe('<ecommpay-checkout> validation', () => {
  afterEach(cleanup);

  for (const c of cases) {
    it(`${c.rule}: names ${c.field}, shows it, fires invalid-config, sends nothing`, async () => {
      const key = uniqueKey('invalid');
      const attributes = 'sign-url' in c.attributes && c.attributes['sign-url'] === null ? c.attributes : { ...c.attributes, 'sign-url': respondUrl(key, { body: { signature: 'AAAA' } }) };
      const { el, events } = await mountCheckout(attributes, c.properties);

      const errors = events.get('ecommpay-error')!.map((e) => e.detail as EcommpayErrorDetail);
      expect(errors).to.have.length(1);
      expect(errors[0]!.code).to.equal('invalid-config');
      const issue = errors[0]!.issues!.find((i) => i.field === c.field);
      expect(issue, JSON.stringify(errors[0]!.issues)).to.exist;
      expect(issue!.message).to.match(c.message);
      expect(alertText(el)).to.contain(issue!.message);
      expect(el.launchParams).to.equal(null);
      expect(events.get('ecommpay-ready')).to.have.length(0);

      payButton(el).click();
      await sleep(50);
      expect(events.get('ecommpay-error')!.length).to.equal(2);
      expect(events.get('ecommpay-launch')).to.have.length(0);
      expect(await recorded(key)).to.have.length(0);
    });
  }

  it('a Philippine purchase in another currency has no documented limits', async () => {
    const { el, events } = await mountCheckout({ ...phAttributes, currency: 'USD', amount: '50' });
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(el.launchParams).to.include({ payment_amount: 50, payment_currency: 'USD' });
  });

  it('min-amount lowers the CUP minimum for projects with other agreed limits', async () => {
    const { el, events } = await mountCheckout({ ...cupAttributes, amount: '5000', 'min-amount': '5000' });
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(el.launchParams).to.include({ payment_amount: 5000 });
  });

  it('the amounts at both documented limits are accepted', async () => {
    for (const amount of ['10000', '10000000']) {
      const { el } = await mountCheckout({ ...cupAttributes, amount });
      expect(el.launchParams, amount).to.not.equal(null);
    }
  });

  it('fixing the configuration clears the error and fires ecommpay-ready', async () => {
    const { el, events } = await mountCheckout({ ...cupAttributes, amount: '50' });
    expect(alertText(el)).to.match(/amount/);
    el.amount = 20000;
    await el.updateComplete;
    expect(alertText(el).trim()).to.equal('');
    expect(events.get('ecommpay-ready')).to.have.length(1);
    expect(events.get('ecommpay-ready')![0]!.detail.params.payment_amount).to.equal(20000);
  });

  it('messages follow the UI language (Chinese for CUP by default)', async () => {
    const { events } = await mountCheckout({ ...cupAttributes, amount: '50' });
    const issue = (events.get('ecommpay-error')![0]!.detail as EcommpayErrorDetail).issues![0]!;
    expect(issue.field).to.equal('amount');
    expect(issue.message).to.match(/^amount 不得低于 10000 \(¥100\.00\)$/);
  });
});
