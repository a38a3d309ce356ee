/**
 * The entry defines `<ecommpay-bank-select>` and `<ecommpay-payout-form>` lazily: when one appears
 * in the document, or at once through `loadBankSelect()` / `loadPayoutForm()` for elements in a
 * shadow root of the merchant's own, which the document cannot see into. (Each test file runs in a
 * page of its own, so nothing here is defined before the entry runs.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import { loadPayoutForm } from '../../src/index.ts';
import { cleanup, sleep } from './helpers.ts';

describe('lazy definition of the chunked elements', () => {
  afterEach(cleanup);

  it('<ecommpay-bank-select> is defined the first time one appears in the document', async () => {
    expect(customElements.get('ecommpay-bank-select'), 'defined before any appeared').to.equal(undefined);
    const el = document.createElement('ecommpay-bank-select');
    el.setAttribute('method', 'online-philippines-banks');
    document.body.append(el);
    await customElements.whenDefined('ecommpay-bank-select');
    await waitUntil(() => el.shadowRoot?.querySelector('[role=combobox]'), 'the bank choice did not render');
  });

  it('one inside a shadow root is not seen by the document; loadPayoutForm() defines it there', async () => {
    expect(customElements.get('ecommpay-payout-form'), 'defined before any appeared').to.equal(undefined);
    const host = document.createElement('div');
    document.body.append(host);
    const form = document.createElement('ecommpay-payout-form');
    form.setAttribute('method', 'cup-bank');
    host.attachShadow({ mode: 'open' }).append(form);
    await sleep(100);
    expect(customElements.get('ecommpay-payout-form'), 'the document saw into a shadow root').to.equal(undefined);

    const PayoutForm = await loadPayoutForm();
    expect(customElements.get('ecommpay-payout-form')).to.equal(PayoutForm);
    expect(form).to.be.instanceOf(PayoutForm);
    await waitUntil(() => form.shadowRoot?.querySelector('form, [part~=base]'), 'the payout form did not render');
  });
});
