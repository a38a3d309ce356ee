/**
 * The payout form: amount, beneficiary and bank account, per method (SPEC §5). Produces the Gate
 * payout body without `general` (DESIGN §1.3: `customer`, `payment`, `account`, and `card` for
 * CUP), checked with the same schema the backend and the sandbox use (`gateBodySchema`).
 * `<ecommpay-payout-form>` can replace it later.
 */
import { minorDigits } from '../../src/core/amount.ts';
import { checkGate, gateBodySchema, type GateBody } from '../../src/core/gate.ts';
import { methodRules, type MethodCode } from '../../src/core/methods/index.ts';
import { collect, fieldsOf, submitting, type Field } from './form-fields.ts';
import { el, money } from './shared.ts';

/** The fields of each method's Gate payout (SPEC §5). */
const PAYOUT_FIELDS: Record<MethodCode, Field[]> = {
  'cup-bank': [
    { name: 'customer.last_name', label: '姓 Last name (Chinese)', value: '王', lang: 'zh' },
    { name: 'customer.first_name', label: '名 First name (Chinese)', value: '伟', lang: 'zh' },
    { name: 'customer.email', label: 'E-mail', value: 'wang.wei@example.cn', type: 'email' },
    { name: 'customer.phone', label: 'Phone', value: '8613800138000', type: 'tel', hint: 'Digits only, no “+”.' },
    { name: 'customer.state', label: '省 Province (Chinese)', value: '浙江省', lang: 'zh' },
    { name: 'customer.city', label: '市 City (Chinese)', value: '杭州市', lang: 'zh' },
    { name: 'customer.street', label: '地址 Street (Chinese)', value: '人民路 100 号', lang: 'zh' },
    { name: 'customer.zip', label: 'Postcode', value: '310000' },
    { name: 'customer.country', label: 'Country', value: 'CN', hint: 'Always CN for CUP payouts.' },
    { name: 'card.pan', label: 'Card number', value: '6217003760136456530' },
    { name: 'account.bank_id', label: 'Bank', type: 'bank' },
    { name: 'account.region_id', label: 'Bank’s region', type: 'region' },
    { name: 'account.city', label: 'Bank’s city', value: '杭州' },
    { name: 'account.branch', label: 'Branch', value: 'HZRM' },
  ],
  'online-philippines-banks': [
    { name: 'account.customer_name', label: 'Account holder', value: 'Juan Dela Cruz' },
    { name: 'account.number', label: 'Account number', value: '1670033323' },
    { name: 'account.bank_id', label: 'Bank', type: 'bank' },
    { name: 'account.region_id', label: 'Branch region', type: 'region' },
    { name: 'account.city', label: 'Branch city', value: 'Manila' },
    { name: 'account.branch', label: 'Branch', value: 'Makati Avenue' },
  ],
};

/** Filled in by the backend (who the customer is, where they connect from), not by the form. */
const SERVER_FIELDS = new Set(['customer.id', 'customer.ip_address']);

/** The payout form; `onSubmit` gets the request body (DESIGN §1.3), checked with `gateBodySchema`. */
export async function payoutForm(host: HTMLElement, method: MethodCode, onSubmit: (request: GateBody) => Promise<void>): Promise<HTMLFormElement> {
  const rules = methodRules(method);
  const currency = rules.payoutCurrency;
  const digits = minorDigits(currency);
  const limits = `${money(rules.payoutLimits.min, currency)} – ${money(rules.payoutLimits.max, currency)}`;
  const amount = el('input', { id: 'f-amount', name: 'amount', type: 'text', inputmode: 'decimal', value: (100_000 / 10 ** digits).toFixed(digits), required: true, 'aria-describedby': 'f-amount-hint' });
  const alert = el('div', { role: 'alert' });
  const form = el(
    'form',
    { class: 'stack' },
    el('div', { class: 'field' }, el('label', { for: 'f-amount' }, `Amount (${currency})`), amount, el('div', { class: 'hint', id: 'f-amount-hint' }, `Between ${limits}.`)),
    ...(await fieldsOf(PAYOUT_FIELDS[method], method, 'payout')),
    alert,
    el('button', { class: 'primary', type: 'submit' }, 'Request payout'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    alert.textContent = '';
    const minor = Math.round(Number(amount.value.replace(/[,\s]/g, '')) * 10 ** digits);
    const request = { customer: {}, ...collect(form), payment: { amount: minor, currency, description: `Seller withdrawal ${new Date().toISOString().slice(0, 10)}` } };
    const checked = checkGate(gateBodySchema(method, 'payout'), request);
    const issues = checked.ok ? [] : checked.issues.filter((i) => !SERVER_FIELDS.has(i.field));
    if (issues.length > 0) {
      alert.replaceChildren(el('ul', {}, ...issues.map((i) => el('li', {}, i.message))));
      return;
    }
    submitting(form, true);
    onSubmit(request as GateBody)
      .catch((error: unknown) => {
        alert.textContent = error instanceof Error ? error.message : String(error);
      })
      .finally(() => submitting(form, false));
  });
  host.replaceChildren(form);
  return form;
}
