/** Helpers for <ecommpay-payout-form> tests: mount, fill fields, read errors. */
import { waitUntil } from '@open-wc/testing';
import '../../../src/payout-form.ts';
import type { EcommpayBankSelect } from '../../../src/elements/bank-select/ecommpay-bank-select.ts';
import type { EcommpayPayoutForm } from '../../../src/elements/payout-form/ecommpay-payout-form.ts';
import { mount } from '../helpers.ts';

/** The shared form values (test/fixtures/payout.ts). */
export { CUP_VALUES, PH_VALUES } from '../../fixtures/payout.ts';

export const bankSelect = (el: EcommpayPayoutForm) => el.shadowRoot!.querySelector('ecommpay-bank-select') as EcommpayBankSelect;

/** Waits for the bank list and the regions. */
export async function settled(el: EcommpayPayoutForm): Promise<void> {
  await el.updateComplete;
  const select = bankSelect(el);
  if (select) await select.loaded;
  await waitUntil(() => (el.shadowRoot!.querySelector('select')?.options.length ?? 0) > 1, 'regions did not load');
  await el.updateComplete;
}

export async function mountForm(attributes: Record<string, string | boolean | null>) {
  const mounted = await mount<EcommpayPayoutForm>('ecommpay-payout-form', attributes, {}, ['ecommpay-payout-submit']);
  await settled(mounted.el);
  return mounted;
}

/** Sets a field as the buyer would (input/change events). */
export async function fill(el: EcommpayPayoutForm, name: string, value: string): Promise<void> {
  const control = el.shadowRoot!.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement | EcommpayBankSelect;
  if (!control) throw new Error(`no field ${name}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLInputElement ? 'input' : 'change', { bubbles: true, composed: true }));
  control.dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

export async function fillAll(el: EcommpayPayoutForm, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await fill(el, name, value);
}

/** The shown error of a field (its `aria-describedby` target), or null. */
export function fieldError(el: EcommpayPayoutForm, name: string): string | null {
  const control = el.shadowRoot!.querySelector(`[name="${name}"]`) as HTMLElement;
  if (control.localName === 'ecommpay-bank-select') {
    const inner = control.shadowRoot!.querySelector('input')!;
    return inner.getAttribute('aria-invalid') === 'true' ? control.shadowRoot!.querySelector('#error')!.textContent : null;
  }
  if (control.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.length ? el.shadowRoot!.getElementById(ids[0]!)!.textContent : null;
}

export const alertOf = (el: EcommpayPayoutForm) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();
