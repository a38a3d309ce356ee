/**
 * Bank lists for the pickers: the live list from the merchant's backend (which proxies ecommpay's
 * `/v2/info/banks/{method}/{operation}/list`), normalised, with the bundled catalogue as fallback.
 *
 * The catalogue (`src/data`) is loaded with `import()` only when a list is needed, so a page with
 * only `<ecommpay-checkout>` never downloads it (in the CDN build it is a chunk of its own).
 * No DOM at import.
 */
import { methodRules, type MethodCode } from './methods/index.ts';

export type BankOperation = 'sale' | 'payout';

/** One bank as the pickers show it. */
export interface BankOption {
  /** `bank_id` / `banks_id` value. */
  id: number;
  name: string;
  /** The bank's letter code (Philippines), when known. */
  code?: string;
}

/** A list and where it came from: `live` (the backend), or `catalogue` (bundled, possibly dated). */
export interface BankList {
  banks: BankOption[];
  source: 'live' | 'catalogue';
  /** Why the live list was not used (only with `source: 'catalogue'` after a failed live request). */
  failure?: string;
}

/** The bundled catalogues, loaded on first use (a separate chunk in the CDN build). */
export const loadCatalogue = () => import('../data/index.ts');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * ecommpay's list answer (an array of `{ id, name, abbr?, … }`) or a backend's `{ banks: [...] }`
 * (`code` or `abbr`), as `BankOption`s; `null` when the answer is not a bank list. Rows that say
 * they do not support `operation` (`{ payout: false }`) are left out; malformed rows are skipped.
 */
export function normaliseBankList(body: unknown, operation: BankOperation): BankOption[] | null {
  const items = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.banks) ? body.banks : null;
  if (!items) return null;
  const banks: BankOption[] = [];
  for (const item of items) {
    if (!isRecord(item) || item[operation] === false) continue;
    const id = typeof item.id === 'string' && /^\d+$/.test(item.id) ? Number(item.id) : item.id;
    const name = typeof item.name === 'string' ? item.name.trim() : '';
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0 || !name) continue;
    const code = item.code ?? item.abbr;
    banks.push(typeof code === 'string' && code.trim() ? { id, name, code: code.trim() } : { id, name });
  }
  return banks;
}

/** `banks-url` with `{method}` and `{operation}` filled in (`/api/banks/{method}/{operation}`). */
export const bankListUrl = (template: string, method: MethodCode, operation: BankOperation): string =>
  template.replaceAll('{method}', encodeURIComponent(method)).replaceAll('{operation}', operation);

/** The catalogue's banks of `method` supporting `operation`. */
export async function catalogueBanks(method: MethodCode, operation: BankOperation): Promise<BankOption[]> {
  const { banksFor } = await loadCatalogue();
  return banksFor(method, operation).map((b) => (b.code ? { id: b.id, name: b.name, code: b.code } : { id: b.id, name: b.name }));
}

/** Test projects accept only some banks (Philippines: 486 and 487). */
export function forTestMode(banks: BankOption[], method: MethodCode): BankOption[] {
  const ids = methodRules(method).testBankIds;
  return ids ? banks.filter((b) => ids.includes(b.id)) : banks;
}

async function fetchLive(url: string, operation: BankOperation, signal: AbortSignal | undefined): Promise<BankOption[]> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal: signal ?? null });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body: unknown = await response.json();
  // A backend that itself fell back says so: show it as such.
  if (isRecord(body) && body.source === 'catalogue') throw new Error('the backend answered with its bundled catalogue');
  const banks = normaliseBankList(body, operation);
  if (!banks) throw new Error('the answer is not a bank list');
  if (banks.length === 0) throw new Error('the list is empty');
  return banks;
}

export interface LoadBanksOptions {
  method: MethodCode;
  operation: BankOperation;
  /** The merchant backend's list URL (`banks-url`); without it, the catalogue. */
  url?: string | null | undefined;
  testMode?: boolean;
  signal?: AbortSignal;
}

/** The live list when `url` answers with one, else the catalogue (with `failure` saying why). */
export async function loadBanks({ method, operation, url, testMode, signal }: LoadBanksOptions): Promise<BankList> {
  const finish = (list: BankList): BankList => (testMode ? { ...list, banks: forTestMode(list.banks, method) } : list);
  if (url?.trim()) {
    try {
      return finish({ banks: await fetchLive(bankListUrl(url.trim(), method, operation), operation, signal), source: 'live' });
    } catch (error) {
      if (signal?.aborted) throw error;
      const failure = error instanceof Error ? error.message : String(error);
      return finish({ banks: await catalogueBanks(method, operation), source: 'catalogue', failure });
    }
  }
  return finish({ banks: await catalogueBanks(method, operation), source: 'catalogue' });
}
