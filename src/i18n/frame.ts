import type { Lang } from './index.ts';

/** Texts of `<ecommpay-checkout>`'s frame displays (loaded with them, not with the checkout). */
export interface FrameMessages {
  /** The dialog's (and the inline frame's) heading. */
  title: string;
  /** The `<iframe>`'s accessible name. */
  frameTitle: string;
  close: string;
  loading: string;
  failed: string;
  retry: string;
  /** A link to the same Payment Page in this window instead of the frame. */
  openHere: string;
  /** The Payment Page wanted to send the buyer somewhere the shop does not allow. */
  redirectRefused: string;
}

export const frameMessages: Record<Lang, FrameMessages> = {
  en: {
    title: 'Secure payment',
    frameTitle: 'ecommpay payment page',
    close: 'Close the payment page',
    loading: 'Loading the payment page…',
    failed: 'The payment page did not load.',
    retry: 'Try again',
    openHere: 'Open the payment page in this window',
    redirectRefused: 'You can’t be taken to your bank from here. Please contact the shop.',
  },
  zh: {
    title: '安全支付',
    frameTitle: 'ecommpay 支付页面',
    close: '关闭支付页面',
    loading: '正在加载支付页面…',
    failed: '支付页面未能加载。',
    retry: '重试',
    openHere: '在当前窗口打开支付页面',
    redirectRefused: '无法从此处前往您的银行，请联系商户。',
  },
};
