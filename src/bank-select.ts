/** `ecommpay-elements/bank-select`: defines `<ecommpay-bank-select>` (side effect) and exports its class and events. */
import { define } from './define.ts';
import { EcommpayBankSelect } from './elements/bank-select/ecommpay-bank-select.ts';

define('ecommpay-bank-select', EcommpayBankSelect);

export { EcommpayBankSelect };
export { EcommpayErrorEvent } from './elements/events.ts';
export { EcommpayBanksEvent } from './elements/bank-select/events.ts';
export type { BankList, BankOption } from './core/banks.ts';
