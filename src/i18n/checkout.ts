import type { ErrorCode } from '../core/errors.ts';
import type { Lang } from './index.ts';

/** The failures a checkout shows the buyer, each as one plain sentence. */
export type CheckoutFailure = Extract<
  ErrorCode,
  'invalid-config' | 'mobile-unsupported' | 'sign-http' | 'sign-network' | 'sign-timeout' | 'sign-invalid-response' | 'load-failed'
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
  /** What the buyer reads for each failure (`load-failed`: the bank choice could not be loaded). */
  failures: Record<CheckoutFailure, string>;
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
      'mobile-unsupported': 'CUP Banks payments are not supported on mobile devices. Please pay from a computer.',
      'sign-http': 'The shop could not prepare this payment. Please try again.',
      'sign-network': 'The shop could not be reached. Check your connection and try again.',
      'sign-timeout': 'The shop took too long to answer. Please try again.',
      'sign-invalid-response': 'The shop answered with something unexpected. Please try again later.',
    },
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
      'mobile-unsupported': '银联银行卡支付不支持移动设备，请使用电脑完成支付。',
      'sign-http': '商户暂时无法处理此笔支付，请重试。',
      'sign-network': '无法连接商户服务器，请检查网络后重试。',
      'sign-timeout': '商户服务器响应超时，请重试。',
      'sign-invalid-response': '商户服务器返回了无法识别的内容，请稍后重试。',
    },
  },
};
