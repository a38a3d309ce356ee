/** <ecommpay-payout-form> inside a merchant's <form>: validity blocks submit, value, reset, disabled. */
import { expect } from '@open-wc/testing';
import type { EcommpayPayoutForm } from '../../../src/elements/payout-form/ecommpay-payout-form.ts';
import { cleanup } from '../helpers.ts';
import { PH_VALUES, fieldError, fillAll, settled } from './fixtures.ts';

async function inForm(extra = '') {
  const form = document.createElement('form');
  form.dataset.testHost = '';
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = 'Payout';
  const el = document.createElement('ecommpay-payout-form') as EcommpayPayoutForm;
  el.setAttribute('method', 'online-philippines-banks');
  el.setAttribute('amount', '150000');
  el.setAttribute('name', 'payout');
  const note = document.createElement('input');
  note.name = 'note';
  note.value = extra;
  const submitButton = document.createElement('button');
  submitButton.textContent = 'Send';
  fieldset.append(legend, el, note);
  form.append(fieldset, submitButton);
  document.body.append(form);
  await settled(el);
  const submits: SubmitEvent[] = [];
  form.addEventListener('submit', (e) => {
    e.preventDefault(); // stay on the page
    submits.push(e);
  });
  const payouts: CustomEvent[] = [];
  el.addEventListener('ecommpay-payout-submit', (e) => payouts.push(e));
  return { form, fieldset, el, submits, payouts, submitButton };
}

describe('<ecommpay-payout-form> in a <form>', () => {
  afterEach(cleanup);

  it('is form-associated', async () => {
    const { form, el } = await inForm();
    expect((el.constructor as typeof EcommpayPayoutForm).formAssociated).to.equal(true);
    expect(el.form).to.equal(form);
  });

  it('blocks the outer form while invalid: checkValidity is false and submit listeners do not run', async () => {
    const { form, el, submits, payouts } = await inForm();
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.equal('Account holder name is required');
    form.requestSubmit();
    await el.updateComplete;
    expect(submits).to.have.length(0);
    expect(payouts).to.have.length(0);
    // The browser's "invalid" event shows every error.
    expect(fieldError(el, 'account.customer_name')).to.equal('Account holder name is required');
    expect(new FormData(form).get('payout')).to.equal(null);
  });

  it('when valid: the form submits, its value is the JSON request, and ecommpay-payout-submit fires', async () => {
    const { form, el, submits, payouts } = await inForm();
    await fillAll(el, PH_VALUES);
    expect(form.checkValidity()).to.equal(true);
    const value = new FormData(form).get('payout');
    expect(JSON.parse(String(value))).to.deep.equal(el.request);
    form.requestSubmit();
    expect(submits).to.have.length(1);
    expect(payouts).to.have.length(1);
    expect(payouts[0]!.detail.request).to.deep.equal(el.request);
  });

  it('its own submit button submits the outer form (and is blocked the same way)', async () => {
    const { el, submits, payouts } = await inForm();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(submits).to.have.length(0);
    await fillAll(el, PH_VALUES);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(submits).to.have.length(1);
    expect(payouts).to.have.length(1);
  });

  it('reset clears the fields, the errors and the value', async () => {
    const { form, el } = await inForm();
    await fillAll(el, PH_VALUES);
    el.reportValidity();
    form.reset();
    await el.updateComplete;
    expect(el.values).to.deep.equal({});
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name="account.customer_name"]')!.value).to.equal('');
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('[name="account.region_id"]')!.value).to.equal('');
    expect(el.shadowRoot!.querySelector('ecommpay-bank-select')!.value).to.equal('');
    expect(fieldError(el, 'account.customer_name')).to.equal(null);
    expect(form.checkValidity()).to.equal(false);
    expect(new FormData(form).get('payout')).to.equal(null);
  });

  it('a disabled fieldset disables its controls', async () => {
    const { fieldset, el } = await inForm();
    fieldset.disabled = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name="account.customer_name"]')!.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).to.equal(true);
    fieldset.disabled = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name="account.customer_name"]')!.disabled).to.equal(false);
  });
});
