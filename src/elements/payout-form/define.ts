/** Defines `<ecommpay-payout-form>` (and the `<ecommpay-bank-select>` it uses). */
import { define } from '../../define.ts';
import { EcommpayPayoutForm } from './ecommpay-payout-form.ts';

define('ecommpay-payout-form', EcommpayPayoutForm);

export { EcommpayPayoutForm };
export { EcommpayPayoutSubmitEvent } from './events.ts';
export type { PayoutSubmitDetail } from './events.ts';
