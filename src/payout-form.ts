/**
 * `ecommpay-elements/payout-form`: defines `<ecommpay-payout-form>` (side effect; the
 * `<ecommpay-bank-select>` it renders is defined when a form first connects), and exports its
 * class and events.
 */
import { define } from './define.ts';
import { EcommpayPayoutForm } from './elements/payout-form/ecommpay-payout-form.ts';

define('ecommpay-payout-form', EcommpayPayoutForm);

export { EcommpayPayoutForm };
export { EcommpayErrorEvent } from './elements/events.ts';
export { EcommpayPayoutSubmitEvent } from './elements/payout-form/events.ts';
export type { PayoutSubmitDetail } from './elements/payout-form/events.ts';
export type { GateBody } from './core/gate.ts';
