/**
 * How `<ecommpay-checkout>` wires its validation: a few cases per rule family (the rules
 * themselves are tested in Node, table-driven: test/node/core/launch.test.ts). An invalid
 * configuration never reaches the network; the developer gets `invalid-config` with each issue's
 * field and rule (English) and one console warning; the buyer gets a plain sentence.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { EcommpayErrorDetail } from '../../../src/index.ts';
import { cleanup, recorded, respondUrl, uniqueKey } from '../helpers.ts';
import { alertText, cupAttributes, mountCheckout, payButton, phAttributes, type Attributes } from './fixtures.ts';

interface Case {
  family: string;
  attributes: Attributes;
  properties?: Record<string, unknown>;
  field: string;
  rule: string;
}

const cup = (over: Attributes): Attributes => ({ ...cupAttributes, ...over });
const ph = (over: Attributes): Attributes => ({ ...phAttributes, ...over });

const cases: Case[] = [
  { family: 'an attribute’s syntax', attributes: cup({ 'project-id': '0' }), field: 'project-id', rule: 'positive-integer' },
  { family: 'the method’s limits', attributes: cup({ amount: '9999' }), field: 'amount', rule: 'min' },
  { family: 'the method’s own rules', attributes: cup({ 'split-banks': true }), field: 'split-banks', rule: 'only-for-method' },
  { family: 'extraParams', attributes: ph({}), properties: { extraParams: { payment_amount: 1 } }, field: 'extraParams.payment_amount', rule: 'reserved' },
  { family: 'the element’s own settings', attributes: ph({ 'sign-timeout': '0' }), field: 'sign-timeout', rule: 'positive-integer' },
];

describe('<ecommpay-checkout> validation', () => {
  let warnings: string[];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = warn;
    cleanup();
  });

  for (const c of cases) {
    it(`${c.family}: names ${c.field} and the rule, tells the buyer plainly, sends nothing`, async () => {
      const key = uniqueKey('invalid');
      const { el, events } = await mountCheckout({ ...c.attributes, 'sign-url': respondUrl(key, { body: { signature: 'AAAA' } }) }, c.properties);

      const errors = events.get('ecommpay-error')!.map((e) => e.detail as EcommpayErrorDetail);
      expect(errors).to.have.length(1);
      expect(errors[0]!.code).to.equal('invalid-config');
      const issue = errors[0]!.issues!.find((i) => i.field === c.field);
      expect(issue, JSON.stringify(errors[0]!.issues)).to.deep.include({ field: c.field, rule: c.rule });
      expect(issue!.message.startsWith(c.field)).to.equal(true);
      expect(errors[0]!.message).to.contain(issue!.message);
      // The buyer reads a sentence, not the developer's detail.
      expect(alertText(el)).to.not.contain(c.field);
      expect(alertText(el)).to.match(/^(无法发起此笔支付，请联系商户。|This payment can’t be started\. Please contact the shop\.)$/);
      expect(warnings.filter((w) => w.includes(issue!.message))).to.have.length(1);
      expect(el.launchParams).to.equal(null);
      expect(events.get('ecommpay-ready')).to.have.length(0);

      const again = oneEvent(el, 'ecommpay-error');
      payButton(el).click();
      expect((await again).detail.code).to.equal('invalid-config');
      expect(events.get('ecommpay-launch')).to.have.length(0);
      expect(await recorded(key)).to.have.length(0);
    });
  }

  it('the same problem is warned about once, however often it is reported', async () => {
    const { el } = await mountCheckout(ph({ 'customer-id': 'c;1' }));
    for (let i = 0; i < 3; i++) {
      const again = oneEvent(el, 'ecommpay-error');
      payButton(el).click();
      await again;
    }
    expect(warnings.filter((w) => w.includes('customer-id must not contain ";"'))).to.have.length(1);
  });

  it('a Philippine purchase in another currency has no documented limits', async () => {
    const { el, events } = await mountCheckout({ ...phAttributes, currency: 'USD', amount: '50' });
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(el.launchParams).to.include({ payment_amount: 50, payment_currency: 'USD' });
  });

  it('fixing the configuration clears the error and fires ecommpay-ready', async () => {
    const { el, events } = await mountCheckout({ ...cupAttributes, amount: '50' });
    expect(alertText(el)).to.not.equal('');
    el.amount = 20000;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(events.get('ecommpay-ready')).to.have.length(1);
    expect(events.get('ecommpay-ready')![0]!.detail.params.payment_amount).to.equal(20000);
  });

  it('developers read English whatever the UI language; the buyer reads the UI language', async () => {
    const { el, events } = await mountCheckout({ ...cupAttributes, amount: '50' });
    const issue = (events.get('ecommpay-error')![0]!.detail as EcommpayErrorDetail).issues![0]!;
    expect(issue).to.deep.include({ field: 'amount', rule: 'min', params: { limit: 10000, currency: 'CNY' } });
    expect(issue.message).to.match(/^amount must be at least 10000 \(CN¥100\.00\)$/);
    expect(alertText(el)).to.equal('无法发起此笔支付，请联系商户。');
  });

  it('launchParams is exact right after a property changes, before the element updates', async () => {
    const { el } = await mountCheckout({ ...phAttributes });
    el.amount = 12345;
    expect(el.launchParams).to.include({ payment_amount: 12345 });
    el.extraParams = { merchant_success_url: 'https://shop.example/ok' };
    expect(el.launchParams).to.include({ merchant_success_url: 'https://shop.example/ok' });
    el.extraParams.merchant_success_url = 'https://shop.example/changed';
    expect(el.launchParams).to.include({ merchant_success_url: 'https://shop.example/changed' });
  });
});
