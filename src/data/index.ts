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

function allBanks(method: CatalogueMethod): readonly Bank[] {
  switch (method) {
    case 'cup-bank':
      return cupBanks;
    case 'online-philippines-banks':
      return philippinesBanks;
    default:
      throw new RangeError(`Unknown payment method: ${String(method satisfies never)}`);
  }
}

/**
 * The banks of `method` that support `operation`, in source order (a new array each call).
 * CUP's table lists payout banks only, so `banksFor('cup-bank', 'sale')` is empty: for CUP
 * purchases the buyer picks the bank on CUP's side.
 */
export function banksFor(method: CatalogueMethod, operation: BankOperation): readonly Bank[] {
  return allBanks(method).filter((bank) => bank[operation]);
}

/** The regions (`region_id` values) of `method`, in source order. */
export function regionsFor(method: CatalogueMethod): readonly Region[] {
  switch (method) {
    case 'cup-bank':
      return cupRegions;
    case 'online-philippines-banks':
      return philippinesRegions;
    default:
      throw new RangeError(`Unknown payment method: ${String(method satisfies never)}`);
  }
}
