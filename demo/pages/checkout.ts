/**
 * Payment Page checkout for each method, each display variant of the Philippine banks (SPEC §3)
 * and each place the Payment Page opens (`display`: this window, a modal, inline): all only a
 * matter of the element's attributes.
 */
import { methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import { mountCheckout } from './checkout-mount.ts';
import { chrome, el, methodFromQuery, methodTabs, productPicker } from './shared.ts';

interface Variant {
  id: string;
  label: string;
  note: string;
  attrs: Record<string, string | boolean>;
}

const testBanks = (methodRules('online-philippines-banks').testBankIds ?? []).join(',');
const oneBank = String(methodRules('online-philippines-banks').testBankIds?.[1] ?? '');

const VARIANTS: Record<MethodCode, Variant[]> = {
  'cup-bank': [
    { id: 'preselect', label: 'CUP Banks preselected', note: 'The Payment Page opens straight on CUP Banks (force_payment_method).', attrs: { preselect: true } },
    { id: 'choose', label: 'Choose on the Payment Page', note: 'The buyer picks CUP Banks among the project’s methods.', attrs: {} },
  ],
  'online-philippines-banks': [
    { id: 'grouped', label: '1 · All banks behind one button', note: 'Default: one “Banks of the Philippines” button, then the bank list.', attrs: {} },
    { id: 'split', label: '2 · Each bank its own button', note: 'split_banks: every bank is a button among the methods.', attrs: { 'split-banks': true } },
    { id: 'banks', label: '3 · Only some banks', note: `split_banks with banks_id [${testBanks}]: only these banks.`, attrs: { 'split-banks': true, 'banks-id': testBanks } },
    { id: 'preselect', label: '4 · Method preselected', note: 'force_payment_method: straight to the bank list.', attrs: { preselect: true } },
    { id: 'bank', label: '5 · One bank preselected', note: `force_payment_method with banks_id [${oneBank}]: straight to that bank.`, attrs: { preselect: true, 'banks-id': oneBank } },
    {
      id: 'picker',
      label: '6 · Bank chosen on this page',
      note: 'bank-picker: the buyer picks their bank on this page (<ecommpay-bank-select>, the backend’s live list); the Payment Page opens on it with variant 5’s parameters.',
      attrs: { 'bank-picker': true, 'banks-url': '/api/banks/{method}/{operation}' },
    },
  ],
};

const DISPLAYS = [
  { id: 'redirect', label: 'In this window', note: 'The window goes to the Payment Page and comes back to the result page.' },
  { id: 'modal', label: 'In a dialog', note: 'display="modal": the Payment Page opens over this page (frame_mode=popup).' },
  { id: 'iframe', label: 'Inline', note: 'display="iframe": the Payment Page opens inside the payment card (frame_mode=iframe).' },
] as const;

void chrome();
const query = new URLSearchParams(location.search);
const method = methodFromQuery();
methodTabs(document.getElementById('methods')!, method);
const variants = VARIANTS[method];
const variant = variants.find((v) => v.id === query.get('variant')) ?? variants[0]!;
const display = DISPLAYS.find((d) => d.id === query.get('display')) ?? DISPLAYS[0];
const tabs = <T extends { id: string; label: string }>(id: string, items: readonly T[], current: T, href: (item: T) => string) =>
  document.getElementById(id)!.replaceChildren(
    ...items.map((item) => el('li', {}, el('a', { href: href(item), 'aria-current': item === current ? 'page' : undefined }, item.label))),
  );
tabs('variants', variants, variant, (v) => `?method=${method}&variant=${v.id}&display=${display.id}`);
tabs('displays', DISPLAYS, display, (d) => `?method=${method}&variant=${variant.id}&display=${d.id}`);
document.getElementById('variant-note')!.textContent = `${variant.note} ${display.note}`;

const host = document.getElementById('checkout')!;
await productPicker(document.getElementById('products')!, method, (product) => {
  void mountCheckout(host, product.sku, display.id === 'redirect' ? variant.attrs : { ...variant.attrs, display: display.id });
});
