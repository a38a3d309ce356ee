import type { Lang } from './index.ts';

/** Texts of `<ecommpay-payout-form>`. Field labels are keyed by the field's path in the Gate request. */
export interface PayoutMessages {
  labels: Record<string, string>;
  hints: Record<string, string>;
  /** `card.pan` when it holds a bank account number (CUP). */
  accountNumber: string;
  panType: string;
  panCard: string;
  panAccount: string;
  amount(currency: string): string;
  amountFixed: string;
  limits(min: string, max: string): string;
  instapay(max: string): string;
  regionPlaceholder: string;
  optional: string;
  submit: string;
  fixErrors: string;
  /** A rule of the request no field of the form can fix (currency, description). */
  invalidSetup: string;
}

export const payoutMessages: Record<Lang, PayoutMessages> = {
  en: {
    labels: {
      'customer.last_name': 'Last name (in Chinese)',
      'customer.first_name': 'First name (in Chinese)',
      'customer.identify.doc_number': 'Identity document number',
      'customer.phone': 'Phone',
      'customer.email': 'E-mail',
      'customer.state': 'Province (in Chinese)',
      'customer.city': 'City (in Chinese)',
      'customer.street': 'Street address (in Chinese)',
      'customer.zip': 'Postcode',
      'card.pan': 'Card number',
      'account.customer_name': 'Account holder name',
      'account.number': 'Account number',
      'account.bank_id': 'Bank',
      'account.region_id': 'Bank region',
      'account.city': 'Bank city',
      'account.branch': 'Branch',
      'payment.amount': 'Amount',
    },
    hints: {
      'customer.phone': 'Digits only, with the country code, no “+” (e.g. 8613800138000).',
      'account.number': 'Digits only.',
      'card.pan': '16–19 digits.',
    },
    accountNumber: 'Bank account number',
    panType: 'Pay out to',
    panCard: 'Card number',
    panAccount: 'Bank account number',
    amount: (c) => `Amount (${c})`,
    amountFixed: 'Amount',
    limits: (min, max) => `Between ${min} and ${max}.`,
    instapay: (max) => `Up to ${max} arrives within minutes (InstaPay); larger amounts go by PESONet batch transfer.`,
    regionPlaceholder: 'Choose a region…',
    optional: '(optional)',
    submit: 'Request payout',
    fixErrors: 'Please correct the highlighted fields.',
    invalidSetup: 'This payout form is set up incorrectly:',
  },
  zh: {
    labels: {
      'customer.last_name': '姓（中文）',
      'customer.first_name': '名（中文）',
      'customer.identify.doc_number': '身份证件号码',
      'customer.phone': '手机号码',
      'customer.email': '电子邮箱',
      'customer.state': '省份（中文）',
      'customer.city': '城市（中文）',
      'customer.street': '街道地址（中文）',
      'customer.zip': '邮政编码',
      'card.pan': '银行卡号',
      'account.customer_name': '账户持有人姓名',
      'account.number': '账号',
      'account.bank_id': '银行',
      'account.region_id': '开户行所在省份',
      'account.city': '开户行所在城市',
      'account.branch': '开户支行',
      'payment.amount': '金额',
    },
    hints: {
      'customer.phone': '仅限数字，含国家代码，不加“+”（例如 8613800138000）。',
      'account.number': '仅限数字。',
      'card.pan': '16–19 位数字。',
    },
    accountNumber: '银行账号',
    panType: '收款方式',
    panCard: '银行卡号',
    panAccount: '银行账号',
    amount: (c) => `金额（${c}）`,
    amountFixed: '金额',
    limits: (min, max) => `金额范围：${min} – ${max}。`,
    instapay: (max) => `${max} 以内通过 InstaPay 几分钟内到账；更高金额通过 PESONet 批量转账。`,
    regionPlaceholder: '请选择地区…',
    optional: '（选填）',
    submit: '申请提现',
    fixErrors: '请更正标出的字段。',
    invalidSetup: '提现表单设置有误：',
  },
};
