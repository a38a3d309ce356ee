/** Events of `<ecommpay-bank-select>`. */
import type { BankList } from '../../core/banks.ts';

/** `ecommpay-banks`: a bank list loaded; `detail.source` says whether it is `live` or the bundled `catalogue`. */
export class EcommpayBanksEvent extends CustomEvent<BankList> {
  constructor(detail: BankList) {
    super('ecommpay-banks', { detail, bubbles: true, composed: true });
  }
}

declare global {
  // Every element, `document` and `window` (HTMLElementEventMap, DocumentEventMap and WindowEventMap extend it).
  interface GlobalEventHandlersEventMap {
    'ecommpay-banks': EcommpayBanksEvent;
  }
}
