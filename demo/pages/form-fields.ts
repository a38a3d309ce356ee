/**
 * Building blocks of the demo's Gate purchase form: labelled inputs, the bank choice
 * (`<ecommpay-bank-select>`, form-associated, fed by the backend's live list), and collecting
 * `customer.x` / `account.y` names into the nested Gate request.
 */
import type { MethodCode } from '../../src/core/methods/index.ts';
import { el, getConfig } from './shared.ts';

export interface Field {
  /** Dotted path in the request: `customer.first_name`, `account.bank_id`. */
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'bank';
  hint?: string;
  lang?: string;
  autocomplete?: string;
}

const NUMERIC = new Set(['account.bank_id']);

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

async function control(field: Field, method: MethodCode, operation: 'sale' | 'payout'): Promise<HTMLElement> {
  const id = idOf(field.name);
  if (field.type === 'bank') {
    // Labelled by its own `label`; the backend proxies ecommpay's list, the catalogue is the fallback.
    const select = document.createElement('ecommpay-bank-select');
    Object.assign(select, {
      id,
      name: field.name,
      label: field.label,
      method,
      operation,
      required: true,
      banksUrl: '/api/banks/{method}/{operation}',
      testMode: (await getConfig()).test_mode,
    });
    return select;
  }
  return el('input', {
    id,
    name: field.name,
    type: field.type ?? 'text',
    value: field.value,
    required: true,
    lang: field.lang,
    autocomplete: field.autocomplete,
    'aria-describedby': field.hint ? `${id}-hint` : undefined,
  });
}

export async function fieldsOf(fields: Field[], method: MethodCode, operation: 'sale' | 'payout'): Promise<HTMLElement[]> {
  return Promise.all(
    fields.map(async (f) =>
      f.type === 'bank'
        ? el('div', { class: 'field' }, await control(f, method, operation))
        : el('div', { class: 'field' }, el('label', { for: idOf(f.name) }, f.label), await control(f, method, operation), f.hint ? el('div', { class: 'hint', id: `${idOf(f.name)}-hint` }, f.hint) : null),
    ),
  );
}

/** `customer.first_name=伟` … → `{ customer: { first_name: '伟' } }`. */
export function collect(form: HTMLFormElement): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of new FormData(form)) {
    const [group, key] = name.split('.');
    if (!group || !key || typeof value !== 'string') continue;
    (out[group] ??= {})[key] = NUMERIC.has(name) ? Number(value) : value.trim();
  }
  return out;
}

export function submitting(form: HTMLFormElement, busy: boolean): void {
  const button = form.querySelector('button[type="submit"]');
  if (button) (button as HTMLButtonElement).disabled = busy;
}

