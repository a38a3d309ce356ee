/**
 * Building blocks of the demo's plain HTML forms (Gate purchase, payout): labelled inputs, bank
 * and region `<select>`s filled from the backend, and collecting `customer.x` / `account.y`
 * names into the nested Gate request.
 */
import type { MethodCode } from '../../src/core/methods/index.ts';
import { api, el } from './shared.ts';

export interface Field {
  /** Dotted path in the request: `customer.first_name`, `account.bank_id`. */
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'bank' | 'region';
  hint?: string;
  lang?: string;
  autocomplete?: string;
}

const NUMERIC = new Set(['account.bank_id', 'account.region_id']);

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

async function control(field: Field, method: MethodCode, operation: 'sale' | 'payout'): Promise<HTMLElement> {
  const id = idOf(field.name);
  if (field.type === 'bank' || field.type === 'region') {
    const select = el('select', { id, name: field.name, required: true });
    if (field.type === 'bank') {
      const { banks } = await api<{ banks: { id: number; name: string; code?: string }[] }>(`/api/banks/${method}/${operation}`);
      select.append(el('option', { value: '' }, 'Choose your bank…'), ...banks.map((b) => el('option', { value: String(b.id) }, b.name)));
      if (banks.length > 0) select.value = String(banks[0]!.id);
    } else {
      const { regions } = await api<{ regions: { id: number; name: string }[] }>(`/api/regions/${method}`);
      select.append(...regions.map((r) => el('option', { value: String(r.id) }, r.name)));
    }
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
      el('div', { class: 'field' }, el('label', { for: idOf(f.name) }, f.label), await control(f, method, operation), f.hint ? el('div', { class: 'hint', id: `${idOf(f.name)}-hint` }, f.hint) : null),
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

