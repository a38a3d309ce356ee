/** <ecommpay-checkout bank-picker>: the buyer chooses the bank first; the launch is Philippine variant 5. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EcommpayCheckout, LaunchParams, SignFunction } from '../../../src/index.ts';
import type { EcommpayBankSelect } from '../../../src/elements/bank-select/ecommpay-bank-select.ts';
import { PH_PARAMS as PH_BASE } from '../../fixtures/checkout.ts';
import { cleanup, respondUrl, uniqueKey } from '../helpers.ts';
import { alertText, cupAttributes, mountCheckout, payButton, phAttributes, stayOnPage } from './fixtures.ts';

/** The embedded picker, once defined (lazily) and loaded. */
async function picker(el: EcommpayCheckout): Promise<EcommpayBankSelect> {
  await customElements.whenDefined('ecommpay-bank-select');
  const select = el.shadowRoot!.querySelector('ecommpay-bank-select') as EcommpayBankSelect;
  expect(select, 'bank picker').to.exist;
  await select.updateComplete;
  await select.loaded;
  await select.updateComplete;
  return select;
}

async function mountPicker(attributes: Record<string, string | boolean | null> = {}) {
  const sent: LaunchParams[] = [];
  const sign: SignFunction = async (params) => {
    sent.push(params);
    return { signature: 'c2lnbmF0dXJl' };
  };
  const mounted = await mountCheckout({ ...phAttributes, 'sign-url': null, 'bank-picker': true, 'test-mode': true, ...attributes }, { sign });
  stayOnPage(mounted.el);
  return { ...mounted, sent, select: await picker(mounted.el) };
}

describe('<ecommpay-checkout bank-picker>', () => {
  afterEach(cleanup);

  it('asks for the bank first: no launchParams, pay button aria-disabled, no error yet', async () => {
    const { el, events } = await mountPicker();
    expect(el.launchParams).to.equal(null);
    expect(payButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(events.get('ecommpay-error')).to.have.length(0);
    expect(events.get('ecommpay-ready')).to.have.length(0);
    expect(alertText(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('test mode offers only banks 486 and 487, for purchases', async () => {
    const { select } = await mountPicker();
    expect(select.getAttribute('operation')).to.equal('sale');
    expect(select.banks.map((b) => b.id)).to.deep.equal([486, 487]);
  });

  it('choosing with the keyboard → launch with variant 5’s exact parameters', async () => {
    const { el, events, sent, select } = await mountPicker();
    select.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(select.value).to.equal('487');
    const expected = {
      ...PH_BASE,
      force_payment_method: 'online-philippines-banks',
      payment_methods_options: '{"online_philippines_banks":{"banks_id":[487]}}',
    };
    expect(el.launchParams).to.deep.equal(expected);
    expect(payButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(events.get('ecommpay-ready')![0]!.detail.params).to.deep.equal(expected);
    await expect(el).to.be.accessible();
    payButton(el).click();
    await new Promise((r) => el.addEventListener('ecommpay-launch', r, { once: true }));
    expect(sent).to.deep.equal([expected]);
    expect(events.get('ecommpay-launch')![0]!.detail.params).to.deep.equal(expected);
  });

  it('launchParams follows a change of bank; the chosen bank replaces preselect, split-banks and banks-id', async () => {
    const { el, select } = await mountPicker({ 'split-banks': true, 'banks-id': '2421,2371', preselect: true });
    for (const id of ['486', '487']) {
      select.value = id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(el.launchParams).to.deep.equal({
        ...PH_BASE,
        force_payment_method: 'online-philippines-banks',
        payment_methods_options: `{"online_philippines_banks":{"banks_id":[${id}]}}`,
      });
    }
  });

  it('pay without a bank: no signing, a validation error on the picker, ecommpay-error names the field', async () => {
    const { el, events, sent, select } = await mountPicker();
    payButton(el).click();
    await el.updateComplete;
    await select.updateComplete;
    expect(sent).to.have.length(0);
    const input = select.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(select.shadowRoot!.querySelector('#error')!.textContent).to.equal('Choose your bank');
    const errors = events.get('ecommpay-error')!;
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.code).to.equal('invalid-config');
    expect(errors[0]!.detail.issues).to.deep.equal([{ field: 'bank', rule: 'required', message: 'bank is required' }]);
    await expect(el).to.be.accessible();
  });

  it('uses banks-url, with the visible fallback when it fails', async () => {
    const live = await mountPicker({ 'test-mode': false, 'banks-url': respondUrl(uniqueKey('pk'), { body: [{ id: 2371, name: 'Live Bank', abbr: 'LB' }] }) });
    expect(live.select.source).to.equal('live');
    expect(live.select.banks).to.deep.equal([{ id: 2371, name: 'Live Bank', code: 'LB' }]);
    cleanup();
    const down = await mountPicker({ 'banks-url': respondUrl(uniqueKey('pk'), { status: 500 }) });
    expect(down.select.source).to.equal('catalogue');
    expect(down.select.shadowRoot!.querySelector<HTMLElement>('[part="notice"]')!.hidden).to.equal(false);
    await expect(down.el).to.be.accessible();
  });

  it('applies to the Philippines only', async () => {
    const { el, events } = await mountCheckout({ ...cupAttributes, 'bank-picker': true });
    expect(el.launchParams).to.equal(null);
    expect(el.shadowRoot!.querySelector('ecommpay-bank-select')).to.equal(null);
    const issues = events.get('ecommpay-error')![0]!.detail.issues!;
    expect(issues.map((i: { field: string }) => i.field)).to.deep.equal(['bank-picker']);
  });

  it('in Chinese with language="zh"', async () => {
    const { select } = await mountPicker({ language: 'zh' });
    expect(select.shadowRoot!.querySelector('label')!.textContent).to.equal('银行');
  });
});
