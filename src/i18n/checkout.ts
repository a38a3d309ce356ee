import type { Lang } from './index.ts';

/** Texts of `<ecommpay-checkout>`. */
export interface CheckoutMessages {
  pay(amount: string): string;
  payNoAmount: string;
  busy: string;
  amountLabel: string;
  methodLabel: string;
  invalidConfig: string;
  /** `bank-picker`: the buyer has yet to choose. */
  chooseBank: string;
  /** A part of the page (the bank choice) could not be loaded. */
  loadFailed: string;
  mobileUnsupported: string;
  signHttp: string;
  signNetwork: string;
  signTimeout: string;
  signInvalid: string;
}

export const checkoutMessages: Record<Lang, CheckoutMessages> = {
  en: {
    pay: (amount) => `Pay ${amount}`,
    payNoAmount: 'Pay',
    busy: 'Connecting to the payment page…',
    amountLabel: 'Amount',
    methodLabel: 'Payment method',
    invalidConfig: 'This payment can’t be started. Please contact the shop.',
    chooseBank: 'Choose your bank',
    loadFailed: 'Part of this page could not be loaded. Check your connection and try again.',
    mobileUnsupported: 'CUP Banks payments are not supported on mobile devices. Please pay from a computer.',
    signHttp: 'The shop could not prepare this payment. Please try again.',
    signNetwork: 'The shop could not be reached. Check your connection and try again.',
    signTimeout: 'The shop took too long to answer. Please try again.',
    signInvalid: 'The shop answered with something unexpected. Please try again later.',
  },
  zh: {
    pay: (amount) => `支付 ${amount}`,
    payNoAmount: '支付',
    busy: '正在连接支付页面…',
    amountLabel: '金额',
    methodLabel: '支付方式',
    invalidConfig: '无法发起此笔支付，请联系商户。',
    chooseBank: '请选择银行',
    loadFailed: '页面部分内容加载失败，请检查网络后重试。',
    mobileUnsupported: '银联银行卡支付不支持移动设备，请使用电脑完成支付。',
    signHttp: '商户暂时无法处理此笔支付，请重试。',
    signNetwork: '无法连接商户服务器，请检查网络后重试。',
    signTimeout: '商户服务器响应超时，请重试。',
    signInvalid: '商户服务器返回了无法识别的内容，请稍后重试。',
  },
};
