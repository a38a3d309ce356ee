import type { ErrorCode, SignRefusal } from '../core/errors.ts';
import type { Lang } from './index.ts';

/** The failures a checkout shows the buyer, each as one plain sentence. */
export type CheckoutFailure = Extract<
  ErrorCode,
  | 'invalid-config'
  | 'mobile-unsupported'
  | 'sign-http'
  | 'sign-network'
  | 'sign-timeout'
  | 'sign-invalid-response'
  | 'load-failed'
  | SignRefusal
>;

/** Texts of `<ecommpay-checkout>`. */
export interface CheckoutMessages {
  pay(amount: string): string;
  payNoAmount: string;
  busy: string;
  amountLabel: string;
  methodLabel: string;
  /** `bank-picker`: the buyer has yet to choose. */
  chooseBank: string;
  /**
   * What the buyer reads for each failure (`load-failed`: the bank choice could not be loaded;
   * `sign-http`: the shop's server failed, worth another try). Each says what to do, and says "try
   * again" only where trying again can help.
   */
  failures: Record<CheckoutFailure, string>;
  /** `sign-http` with a 4xx status the shop gave no reason for: trying again won't help. */
  refused: string;
  /** The shop signed another amount than the one shown: the buyer confirms it first. */
  amountChanged(before: string, after: string): string;
  confirm(amount: string): string;
}

export const checkoutMessages: Record<Lang, CheckoutMessages> = {
  en: {
    pay: (amount) => `Pay ${amount}`,
    payNoAmount: 'Pay',
    busy: 'Connecting to the payment page…',
    amountLabel: 'Amount',
    methodLabel: 'Payment method',
    chooseBank: 'Choose your bank',
    failures: {
      'invalid-config': 'This payment can’t be started. Please contact the shop.',
      'load-failed': 'Part of this page could not be loaded. Check your connection and try again.',
      'mobile-unsupported': 'CUP Banks payments can’t be made on a phone or tablet. Please finish this payment on a computer.',
      'sign-http': 'The shop could not prepare this payment. Please try again in a moment.',
      'sign-network': 'The shop could not be reached. Check your connection and try again.',
      'sign-timeout': 'The shop took too long to answer. Please try again.',
      'sign-invalid-response': 'The shop answered with something unexpected. Please contact the shop.',
      'unknown-payment': 'The shop can’t find this order. Please go back to the shop and place your order again.',
      'already-paid': 'This order has already been paid. You don’t need to pay again.',
      'amount-changed': 'The amount of this order has changed. Please reload the page to see the new amount.',
      expired: 'This order has expired. Please go back to the shop and place your order again.',
    },
    refused: 'This payment can’t be started. Please contact the shop.',
    amountChanged: (before, after) => `The shop changed the amount of this payment from ${before} to ${after}. Please check it before you pay.`,
    confirm: (amount) => `Confirm and pay ${amount}`,
  },
  zh: {
    pay: (amount) => `支付 ${amount}`,
    payNoAmount: '支付',
    busy: '正在连接支付页面…',
    amountLabel: '金额',
    methodLabel: '支付方式',
    chooseBank: '请选择银行',
    failures: {
      'invalid-config': '无法发起此笔支付，请联系商户。',
      'load-failed': '页面部分内容加载失败，请检查网络后重试。',
      'mobile-unsupported': '银联银行卡支付不支持手机和平板电脑，请在电脑上完成支付。',
      'sign-http': '商户暂时无法处理此笔支付，请稍后重试。',
      'sign-network': '无法连接商户服务器，请检查网络后重试。',
      'sign-timeout': '商户服务器响应超时，请重试。',
      'sign-invalid-response': '商户服务器返回了无法识别的内容，请联系商户。',
      'unknown-payment': '商户找不到此订单，请返回商店重新下单。',
      'already-paid': '此订单已支付，无需再次付款。',
      'amount-changed': '此订单的金额已变更，请刷新页面查看新金额。',
      expired: '此订单已过期，请返回商店重新下单。',
    },
    refused: '无法发起此笔支付，请联系商户。',
    amountChanged: (before, after) => `商户已将此笔支付的金额从 ${before} 改为 ${after}，请核对后再付款。`,
    confirm: (amount) => `确认并支付 ${amount}`,
  },
};
