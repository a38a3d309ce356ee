import type { Lang } from './index.ts';

/** Texts of `<ecommpay-redirect>`. */
export interface RedirectMessages {
  waiting: string;
  redirecting: string;
  continue: string;
  fallback: string;
  blocked: string;
  decline: string;
  declineReason(reason: string): string;
  success: string;
  invalid: string;
  unavailable: string;
}

export const redirectMessages: Record<Lang, RedirectMessages> = {
  en: {
    waiting: 'Contacting your bank…',
    redirecting: 'Taking you to your bank…',
    continue: 'Continue to your bank',
    fallback: 'Not redirected? Continue to your bank',
    blocked: 'Your browser stopped the automatic redirect. Use the button to continue to your bank.',
    decline: 'The payment was declined.',
    declineReason: (reason) => `Reason: ${reason}`,
    success: 'The payment is complete.',
    invalid: 'You can’t be taken to your bank: the shop sent incomplete payment details. Please contact the shop.',
    unavailable: 'Your bank’s page is not available yet. Please try again later.',
  },
  zh: {
    waiting: '正在联系您的银行…',
    redirecting: '正在跳转至您的银行…',
    continue: '前往银行页面',
    fallback: '没有自动跳转？请点击前往银行页面',
    blocked: '浏览器阻止了自动跳转，请点击按钮前往银行页面。',
    decline: '支付被拒绝。',
    declineReason: (reason) => `原因：${reason}`,
    success: '支付已完成。',
    invalid: '商户提供的支付信息不完整，无法前往银行页面，请联系商户。',
    unavailable: '暂时无法获取银行页面，请稍后重试。',
  },
};
