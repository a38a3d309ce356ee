/** Defines `<ecommpay-bank-select>` (side effect). */
import { define } from '../../define.ts';
import { EcommpayBankSelect } from './ecommpay-bank-select.ts';

define('ecommpay-bank-select', EcommpayBankSelect);

export { EcommpayBankSelect };
export { EcommpayBanksEvent } from './events.ts';
