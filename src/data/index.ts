/**
 * The bundled bank and region catalogues of the two methods, and lookups by method.
 *
 * Loaded lazily by the elements with `import()`, so this module (and the modules it imports) has
 * no side effects: constants and pure functions only.
 *
 * The catalogues are a fallback; ecommpay's live lists (`/v2/info/banks/...`) are authoritative.
 * Flagged rows (`duplicateName`, `isRegionName`, `inferred`) are returned like the others: it is
 * for the caller to decide how to show them.
 */
import { cupBanks, cupRegions } from './cup-bank.ts';
import { philippinesBanks, philippinesRegions } from './online-philippines-banks.ts';
import type { Bank, BankOperation, CatalogueMethod, Region } from './types.ts';

export type { Bank, BankOperation, CatalogueMethod, Region } from './types.ts';
export { cupBanks, cupRegions } from './cup-bank.ts';
export { philippinesBanks, philippinesRegions } from './online-philippines-banks.ts';

/** Each method's catalogue. Adding a method: its file here, and one line. */
const CATALOGUES: Record<CatalogueMethod, { banks: readonly Bank[]; regions: readonly Region[] }> = {
  'cup-bank': { banks: cupBanks, regions: cupRegions },
  'online-philippines-banks': { banks: philippinesBanks, regions: philippinesRegions },
};

function catalogue(method: CatalogueMethod) {
  if (!Object.hasOwn(CATALOGUES, method)) throw new RangeError(`Unknown payment method: ${String(method)}`);
  return CATALOGUES[method];
}

/**
 * The banks of `method` that support `operation`, in source order (a new array each call).
 * CUP's table lists payout banks only, so `banksFor('cup-bank', 'sale')` is empty: for CUP
 * purchases the buyer picks the bank on CUP's side.
 */
export function banksFor(method: CatalogueMethod, operation: BankOperation): readonly Bank[] {
  return catalogue(method).banks.filter((bank) => bank[operation]);
}

/** The regions (`region_id` values) of `method`, in source order. */
export function regionsFor(method: CatalogueMethod): readonly Region[] {
  return catalogue(method).regions;
}
