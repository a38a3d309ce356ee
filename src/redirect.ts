/** `ecommpay-elements/redirect`: defines `<ecommpay-redirect>` (side effect) and exports its class and events. */
import { define } from './define.ts';
import { EcommpayRedirect } from './elements/redirect/ecommpay-redirect.ts';

define('ecommpay-redirect', EcommpayRedirect);

export { EcommpayRedirect };
export { EcommpayErrorEvent } from './elements/events.ts';
export { EcommpayRedirectEvent, EcommpayStatusEvent } from './elements/redirect/events.ts';
export type { RedirectDetail, StatusDetail } from './elements/redirect/events.ts';
