/** The exact Payment Page parameters for CUP and for each Philippine display variant (SPEC §3). */
import { expect } from '@open-wc/testing';
import type { LaunchParams, SignFunction } from '../../../src/index.ts';
import { CUP_PARAMS as CUP_BASE, PH_PARAMS as PH_BASE } from '../../fixtures/checkout.ts';
import { cleanup } from '../helpers.ts';
import { cupAttributes, mountCheckout, payButton, phAttributes, stayOnPage, type Attributes } from './fixtures.ts';

/** Mounts, then clicks and captures what the signer receives: it must equal `launchParams`. */
async function paramsOf(attributes: Attributes, properties: Record<string, unknown> = {}) {
  const sent: LaunchParams[] = [];
  const sign: SignFunction = async (params) => {
    sent.push(params);
    return { signature: 'c2lnbmF0dXJl' };
  };
  const { el, events } = await mountCheckout({ ...attributes, 'sign-url': null }, { ...properties, sign });
  stayOnPage(el);
  const before = el.launchParams;
  payButton(el).click();
  await new Promise((r) => el.addEventListener('ecommpay-launch', r, { once: true }));
  expect(sent).to.have.length(1);
  expect(sent[0]).to.deep.equal(before);
  expect(events.get('ecommpay-launch')![0]!.detail.params).to.deep.equal(before);
  return before;
}

describe('<ecommpay-checkout> launch parameters', () => {
  afterEach(cleanup);

  it('CUP Banks: CNY, language_code zh, the description', async () => {
    expect(await paramsOf(cupAttributes)).to.deep.equal(CUP_BASE);
  });

  it('CUP Banks preselected: force_payment_method cup-bank', async () => {
    expect(await paramsOf({ ...cupAttributes, preselect: true })).to.deep.equal({
      ...CUP_BASE,
      force_payment_method: 'cup-bank',
    });
  });

  it('Philippines variant 1 (grouped behind one button): no display options', async () => {
    expect(await paramsOf(phAttributes)).to.deep.equal(PH_BASE);
  });

  it('Philippines variant 2 (each bank its own button): split_banks', async () => {
    expect(await paramsOf({ ...phAttributes, 'split-banks': true })).to.deep.equal({
      ...PH_BASE,
      payment_methods_options: '{"online_philippines_banks":{"split_banks":true}}',
    });
  });

  it('Philippines variant 3 (only some banks): split_banks and banks_id, as a JSON string', async () => {
    expect(await paramsOf({ ...phAttributes, 'split-banks': true, 'banks-id': '2421, 2371' })).to.deep.equal({
      ...PH_BASE,
      payment_methods_options: '{"online_philippines_banks":{"split_banks":true,"banks_id":[2421,2371]}}',
    });
  });

  it('Philippines variant 4 (preselected method): force_payment_method only', async () => {
    expect(await paramsOf({ ...phAttributes, preselect: true })).to.deep.equal({
      ...PH_BASE,
      force_payment_method: 'online-philippines-banks',
    });
  });

  it('Philippines variant 5 (one bank preselected): force_payment_method and banks_id', async () => {
    expect(await paramsOf({ ...phAttributes, preselect: true, 'banks-id': '2371' })).to.deep.equal({
      ...PH_BASE,
      force_payment_method: 'online-philippines-banks',
      payment_methods_options: '{"online_philippines_banks":{"banks_id":[2371]}}',
    });
  });

  it('Philippines: e-mail, names and a description pass through; language_code only when set', async () => {
    const params = await paramsOf({
      ...phAttributes,
      'customer-first-name': 'Juan',
      'customer-last-name': 'dela Cruz',
      description: 'Order #7',
      language: 'en',
    });
    expect(params).to.deep.equal({
      ...PH_BASE,
      customer_first_name: 'Juan',
      customer_last_name: 'dela Cruz',
      payment_description: 'Order #7',
      language_code: 'en',
    });
  });

  it('extraParams pass through untouched', async () => {
    const extraParams = { merchant_success_url: 'https://shop.example/ok?a=1&b=2', close_on_missclick: true, customer_phone: '639171234567' };
    expect(await paramsOf(phAttributes, { extraParams })).to.deep.equal({ ...PH_BASE, ...extraParams });
  });

  it('launchParams follows property changes at once, before the element re-renders', async () => {
    const { el } = await mountCheckout(phAttributes);
    el.amount = 250000;
    el.splitBanks = true;
    expect(el.launchParams).to.include({
      payment_amount: 250000,
      payment_methods_options: '{"online_philippines_banks":{"split_banks":true}}',
    });
    el.amount = 'nope';
    expect(el.launchParams).to.equal(null);
  });

  it('fires ecommpay-ready with the parameters once valid', async () => {
    const { events } = await mountCheckout(cupAttributes);
    expect(events.get('ecommpay-ready')).to.have.length(1);
    expect(events.get('ecommpay-ready')![0]!.detail.params).to.include({ payment_id: 'TEST_154', language_code: 'zh' });
  });
});
