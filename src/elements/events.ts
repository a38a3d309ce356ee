/**
 * The events every element fires: typed `CustomEvent` subclasses (bubbling, composed), registered
 * in `HTMLElementEventMap` so `addEventListener('ecommpay-error', e => e.detail.code)` is typed.
 */
import type { EcommpayErrorDetail } from '../core/errors.ts';
import type { LaunchParams } from '../core/launch.ts';
import type { Display } from '../core/payment-page.ts';

const init = <T>(detail: T, cancelable = false): CustomEventInit<T> => ({
  detail,
  bubbles: true,
  composed: true,
  cancelable,
});

/** `ecommpay-error`: any failure. `detail.issues` lists `{ field, rule, message }` for invalid input. */
export class EcommpayErrorEvent extends CustomEvent<EcommpayErrorDetail> {
  constructor(detail: EcommpayErrorDetail) {
    super('ecommpay-error', init(detail));
  }
}

export interface ReadyDetail {
  params: LaunchParams;
}

/** `ecommpay-ready`: the checkout's configuration became valid. */
export class EcommpayReadyEvent extends CustomEvent<ReadyDetail> {
  constructor(detail: ReadyDetail) {
    super('ecommpay-ready', init(detail));
  }
}

export interface LaunchDetail {
  /** The Payment Page's URL: the signed parameters and, for a frame display, `frame_mode` (never signed). */
  url: string;
  params: LaunchParams;
  signature: string;
  /** Where the Payment Page opens: `redirect` (this window), `modal` or `iframe`. */
  display: Display;
}

/** `ecommpay-launch` (cancelable): about to open the Payment Page; `preventDefault()` keeps the buyer here and opens nothing. */
export class EcommpayLaunchEvent extends CustomEvent<LaunchDetail> {
  constructor(detail: LaunchDetail) {
    super('ecommpay-launch', init(detail, true));
  }
}

export interface AmountChangeDetail {
  /** What the backend signed: minor units, and its currency. */
  amount: number;
  currency: string;
  /** What the element showed the buyer before. */
  previousAmount: number;
  previousCurrency: string;
}

/**
 * `ecommpay-amount-change`: the backend signed another amount (or currency) than the one shown. The
 * element now shows the signed amount and opens nothing until the buyer confirms it.
 */
export class EcommpayAmountChangeEvent extends CustomEvent<AmountChangeDetail> {
  constructor(detail: AmountChangeDetail) {
    super('ecommpay-amount-change', init(detail));
  }
}

declare global {
  // Every element, `document` and `window` (HTMLElementEventMap, DocumentEventMap and WindowEventMap extend it).
  interface GlobalEventHandlersEventMap {
    'ecommpay-error': EcommpayErrorEvent;
    'ecommpay-ready': EcommpayReadyEvent;
    'ecommpay-launch': EcommpayLaunchEvent;
    'ecommpay-amount-change': EcommpayAmountChangeEvent;
  }
}
