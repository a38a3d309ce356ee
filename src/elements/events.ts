/**
 * The events every element fires: typed `CustomEvent` subclasses (bubbling, composed), registered
 * in `HTMLElementEventMap` so `addEventListener('ecommpay-error', e => e.detail.code)` is typed.
 */
import type { EcommpayErrorDetail } from '../core/errors.ts';
import type { LaunchParams } from '../core/launch.ts';

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
  url: string;
  params: LaunchParams;
  signature: string;
}

/** `ecommpay-launch` (cancelable): about to open the Payment Page; `preventDefault()` keeps the buyer here. */
export class EcommpayLaunchEvent extends CustomEvent<LaunchDetail> {
  constructor(detail: LaunchDetail) {
    super('ecommpay-launch', init(detail, true));
  }
}

declare global {
  // Every element, `document` and `window` (HTMLElementEventMap, DocumentEventMap and WindowEventMap extend it).
  interface GlobalEventHandlersEventMap {
    'ecommpay-error': EcommpayErrorEvent;
    'ecommpay-ready': EcommpayReadyEvent;
    'ecommpay-launch': EcommpayLaunchEvent;
  }
}
