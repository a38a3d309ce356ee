import type { Lang } from './index.ts';

/** Texts of `<ecommpay-bank-select>` (and of the checkout's `bank-picker`). */
export interface BankSelectMessages {
  label: string;
  placeholder: string;
  loading: string;
  /** Shown when the live list failed and the bundled catalogue is used instead. */
  fallback: string;
  noMatches: string;
  noBanks: string;
  /** Neither the live list nor the bundled one could be loaded. */
  unavailable: string;
  /** The value is required and missing. */
  choose: string;
  /** Test projects: only some banks. */
  testMode: string;
  /** Screen-reader count of the filtered options. */
  count(n: number): string;
}

export const bankSelectMessages: Record<Lang, BankSelectMessages> = {
  en: {
    label: 'Bank',
    placeholder: 'Search by name or code',
    loading: 'Loading banks…',
    fallback: 'The live bank list is unavailable; showing the bundled list, which may be out of date.',
    noMatches: 'No bank matches your search.',
    noBanks: 'No banks are available for this payment method.',
    unavailable: 'The list of banks could not be loaded. Check your connection and try again.',
    choose: 'Choose your bank',
    testMode: 'Test mode: only the test banks are listed.',
    count: (n) => (n === 1 ? '1 bank' : `${n} banks`),
  },
  zh: {
    label: '银行',
    placeholder: '按名称或代码搜索',
    loading: '正在加载银行列表…',
    fallback: '无法获取实时银行列表，当前显示内置列表，可能不是最新的。',
    noMatches: '没有符合搜索条件的银行。',
    noBanks: '此支付方式暂无可用银行。',
    unavailable: '银行列表加载失败，请检查网络后重试。',
    choose: '请选择银行',
    testMode: '测试模式：仅列出测试银行。',
    count: (n) => `共 ${n} 家银行`,
  },
};
