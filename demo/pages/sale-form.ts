/**
 * The Gate purchase form: the buyer's details and, where the method takes it up front, the bank
 * (`<ecommpay-bank-select>`: purchase-capable banks from the backend's live list, the test banks
 * in test mode). Produces `{ customer, account? }`; the backend adds the money.
 */
import type { MethodCode } from '../../src/core/methods/index.ts';
import { collect, fieldsOf, submitting, type Field } from './form-fields.ts';
import { el } from './shared.ts';

/** The fields of each method's Gate purchase (SPEC §5), prefilled as a logged-in buyer's would be. */
const SALE_FIELDS: Record<MethodCode, Field[]> = {
  'cup-bank': [
    { name: 'customer.last_name', label: '姓 Last name (Chinese)', value: '王', lang: 'zh', autocomplete: 'family-name' },
    { name: 'customer.first_name', label: '名 First name (Chinese)', value: '伟', lang: 'zh', autocomplete: 'given-name' },
    { name: 'customer.email', label: 'E-mail', value: 'wang.wei@example.cn', type: 'email', autocomplete: 'email' },
    { name: 'customer.phone', label: 'Phone', value: '8613800138000', type: 'tel', hint: 'Digits only, no “+”.', autocomplete: 'tel' },
    { name: 'customer.street', label: 'Street', value: '人民路 100 号', lang: 'zh', autocomplete: 'street-address' },
    { name: 'customer.city', label: 'City', value: '杭州', lang: 'zh', autocomplete: 'address-level2' },
    { name: 'customer.zip', label: 'Postcode', value: '310000', autocomplete: 'postal-code' },
    { name: 'customer.country', label: 'Country code', value: 'CN', autocomplete: 'country' },
  ],
  'online-philippines-banks': [
    { name: 'account.bank_id', label: 'Your bank', type: 'bank' },
    { name: 'customer.email', label: 'E-mail', value: 'juan.delacruz@example.ph', type: 'email', autocomplete: 'email' },
    { name: 'customer.first_name', label: 'First name', value: 'Juan', autocomplete: 'given-name' },
    { name: 'customer.last_name', label: 'Last name', value: 'Dela Cruz', autocomplete: 'family-name' },
  ],
};

/** The Gate purchase form; `onSubmit` gets `{ customer, account? }`. */
export async function saleForm(
  host: HTMLElement,
  method: MethodCode,
  label: () => string,
  onSubmit: (body: Record<string, Record<string, unknown>>) => Promise<void>,
): Promise<HTMLFormElement> {
  const alert = el('div', { role: 'alert' });
  const button = el('button', { class: 'primary', type: 'submit' }, label());
  const form = el('form', { class: 'stack', novalidate: false }, ...(await fieldsOf(SALE_FIELDS[method], method, 'sale')), alert, button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    alert.textContent = '';
    submitting(form, true);
    onSubmit(collect(form))
      .catch((error: unknown) => {
        alert.textContent = error instanceof Error ? error.message : String(error);
      })
      .finally(() => submitting(form, false));
  });
  host.replaceChildren(form);
  return form;
}

