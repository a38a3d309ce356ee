/** Defines `<ecommpay-redirect>` alone (the package entry defines every element). */
import { define } from '../../define.ts';
import { EcommpayRedirect } from './ecommpay-redirect.ts';

define('ecommpay-redirect', EcommpayRedirect);

export { EcommpayRedirect };
